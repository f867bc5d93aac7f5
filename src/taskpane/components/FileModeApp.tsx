import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
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
import { ErrorMessage } from './ErrorMessage';
import { FindingsList } from './FindingsList';
import { MonitoringPreview } from './MonitoringPreview';
import { OverviewTables } from './OverviewView';
import { Progress } from './Progress';
import { useTask } from './use-task';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start' },
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
  const report = useReportFile(state.kind === 'done' ? state.value.report : undefined);
  const url = report.kind === 'ready' ? report.url : undefined;

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
    <section aria-labelledby="file-heading" className={s.stack}>
      <Subtitle2 as="h2" id="file-heading">
        {t.appSubtitle}
      </Subtitle2>
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
      {state.kind === 'failed' && <ErrorMessage message={state.message} />}
      {state.kind === 'done' && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t.evaluate.summary(summaryFacts(state.value.analysis))}</MessageBarBody>
          </MessageBar>
          <Button appearance="primary" disabled={!url} onClick={() => download(state.value)}>
            {t.file.download}
          </Button>
          {report.kind === 'pending' && <Spinner size="tiny" labelPosition="after" label={t.file.reportPending} />}
          {report.kind === 'failed' && <ErrorMessage message={report.message} />}
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
    </section>
  );
}

type ReportFile = { kind: 'none' } | { kind: 'pending' } | { kind: 'ready'; url: string } | { kind: 'failed'; message: string };

/** The report workbook that follows the result: an object URL once written (revoked when replaced), or why not. */
function useReportFile(report: Promise<Blob> | undefined): ReportFile {
  const [file, setFile] = useState<ReportFile>({ kind: 'none' });
  useEffect(() => {
    if (report === undefined) {
      setFile({ kind: 'none' });
      return undefined;
    }
    setFile({ kind: 'pending' });
    let url: string | undefined;
    let current = true;
    report.then(
      (blob) => {
        if (!current || typeof URL.createObjectURL !== 'function') return;
        url = URL.createObjectURL(blob);
        setFile({ kind: 'ready', url });
      },
      (error: unknown) => {
        if (current) setFile({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [report]);
  return file;
}
