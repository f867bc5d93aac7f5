import { Button, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useStrings } from '../../i18n';
import { WORKBOOK_TYPES, folderFiles, pickedFiles } from '../picked-files';
import { summaryFacts } from '../monitoring-table';
import type { CatalogLoaded, FileResult, FileServices, ProgressStep } from '../types';
import { BausteinDownloadButton } from './BausteinActions';
import { CatalogLoader } from './CatalogLoader';
import { ChosenFiles } from './ChosenFiles';
import { FilePicker } from './FilePicker';
import { FilesTable } from './FilesTable';
import { ComparisonView } from './ComparisonView';
import { FindingsList } from './FindingsList';
import { MonitoringPreview } from './MonitoringPreview';
import { OverviewTables } from './OverviewView';
import { Progress } from './Progress';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start', paddingTop: tokens.spacingVerticalS, alignSelf: 'stretch', minWidth: 0 },
});

/** Chromium, Edge, Firefox and Safari offer picking a folder; where not, the button is not shown. */
const FOLDERS_SUPPORTED = typeof document !== 'undefined' && 'webkitdirectory' in document.createElement('input');

type ResultTab = 'result' | 'comparison' | 'findings';
const RESULT_TABS: readonly ResultTab[] = ['result', 'comparison', 'findings'];

/**
 * File mode (SPEC §7): outside Excel, evaluate an .xlsx in the browser and download the
 * report workbook. The accessible names Arbeitsmappe öffnen, LeiKa-Katalog laden, Auswerten and
 * Ergebnis herunterladen are a contract (the browser test drives the page by them).
 */
export function FileModeApp({ services }: { services: FileServices }): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [files, setFiles] = useState<readonly File[]>([]);
  const [catalog, setCatalog] = useState<CatalogLoaded>();
  const [tab, setTab] = useState<ResultTab>('result');
  const [progress, setProgress] = useState<{ step: ProgressStep; fraction: number }>({ step: 'read', fraction: 0 });
  const { evaluateFile } = services;
  const run = useCallback(
    (f: readonly File[], c: CatalogLoaded | undefined) => evaluateFile(f, (step, fraction) => setProgress({ step, fraction }), c?.catalog),
    [evaluateFile],
  );
  const [state, start] = useTask(run);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (state.kind !== 'done' || typeof URL.createObjectURL !== 'function') return undefined;
    const u = URL.createObjectURL(state.value.report);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [state]);

  const download = (result: FileResult): void => {
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = result.reportName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return (
    <ViewSection headingId="file-heading" heading={t.appSubtitle} stack="start">
      <Text as="p" block>{t.file.intro}</Text>
      <FilePicker label={t.file.open} multiple accept={WORKBOOK_TYPES} onFiles={(list) => setFiles(pickedFiles(list))} />
      {FOLDERS_SUPPORTED && <FilePicker label={t.file.openFolder} folder drop={false} onFiles={(list) => setFiles(folderFiles(list))} />}
      {files.length === 0 && <Text size={200}>{t.file.noneChosen}</Text>}
      {files.length === 1 && <Text>{t.file.chosen(files[0]!.name)}</Text>}
      {files.length > 1 && <ChosenFiles files={files} onRemove={(i) => setFiles(files.filter((_, j) => j !== i))} />}
      <CatalogLoader loadCatalog={services.loadCatalog} mode="file" onLoaded={setCatalog} headingLevel={3} />
      <Button appearance="primary" disabled={files.length === 0 || state.kind === 'pending'} onClick={() => files.length > 0 && void start(files, catalog)}>
        {t.file.evaluate}
      </Button>
      {state.kind === 'pending' && <Progress step={progress.step} fraction={progress.fraction} />}
      <TaskOutcome state={state} layout="multiline" done={(result) => t.evaluate.summary(summaryFacts(result.analysis))} />
      {state.kind === 'done' && (
        <>
          <Button appearance="primary" disabled={!url} onClick={() => download(state.value)}>
            {t.file.download}
          </Button>
          {services.baustein && <BausteinDownloadButton evaluation={state.value} services={services.baustein} />}
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as ResultTab)} size="small" aria-label={t.file.results}>
            {RESULT_TABS.map((id) => (
              <Tab key={id} value={id} id={`file-tab-${id}`} aria-controls={`file-panel-${id}`}>
                {t.file.tabs[id]}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`file-panel-${tab}`} aria-labelledby={`file-tab-${tab}`} className={s.panel}>
            {tab === 'result' && (
              <>
                <MonitoringPreview analysis={state.value.analysis} />
                {state.value.sources && state.value.sources.files.length > 1 && <FilesTable sources={state.value.sources} />}
                <OverviewTables inspection={{ analysis: state.value.analysis, sheetNames: [], settings: {}, mapping: [] }} />
              </>
            )}
            {tab === 'comparison' && <ComparisonView evaluation={state.value} copyText={services.copyText} baustein={services.baustein} />}
            {tab === 'findings' && <FindingsList findings={state.value.analysis.findings} limit={200} />}
          </div>
        </>
      )}
    </ViewSection>
  );
}
