import { Button, MessageBar, MessageBarBody, Subtitle2, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import { useStrings } from '../../i18n';
import { summaryFacts } from '../monitoring-table';
import type { CatalogLoaded, FileResult, FileServices, ProgressStep } from '../types';
import { BausteinDownloadButton } from './BausteinActions';
import { CatalogLoader } from './CatalogLoader';
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
  fileLabel: { fontWeight: tokens.fontWeightSemibold },
});

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
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [catalog, setCatalog] = useState<CatalogLoaded>();
  const [tab, setTab] = useState<ResultTab>('result');
  const [progress, setProgress] = useState<{ step: ProgressStep; fraction: number }>({ step: 'read', fraction: 0 });
  const { evaluateFile } = services;
  const run = useCallback(
    (f: File, c: CatalogLoaded | undefined) => evaluateFile(f, (step, fraction) => setProgress({ step, fraction }), c?.catalog),
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
    <section aria-labelledby="file-heading" className={s.stack}>
      <Subtitle2 as="h2" id="file-heading">
        {t.appSubtitle}
      </Subtitle2>
      <Text as="p">{t.file.intro}</Text>
      <label htmlFor={inputId} className={s.fileLabel}>
        {t.file.open}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? undefined)}
      />
      {file && <Text>{t.file.chosen(file.name)}</Text>}
      <CatalogLoader loadCatalog={services.loadCatalog} mode="file" onLoaded={setCatalog} headingLevel={3} />
      <Button appearance="primary" disabled={!file || state.kind === 'pending'} onClick={() => file && void start(file, catalog)}>
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
