import { Button, Spinner, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useStrings } from '../../i18n';
import type { EvaluatedWorkbook, FileResult, FileServices } from '../types';
import { BausteinDownloadButton } from './BausteinActions';
import { ComparisonView } from './ComparisonView';
import { ErrorMessage } from './ErrorMessage';
import { FilesTable } from './FilesTable';
import { FindingsList } from './FindingsList';
import { MonitoringPreview } from './MonitoringPreview';
import { OverviewTables } from './OverviewView';
import type { ReportFile } from './use-file-evaluation';
import { errorText } from './use-task';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start', paddingTop: tokens.spacingVerticalS, alignSelf: 'stretch', minWidth: 0 },
});

export type ResultTab = 'result' | 'comparison' | 'findings';
const RESULT_TABS: readonly ResultTab[] = ['result', 'comparison', 'findings'];

export interface FileResultViewProps {
  result: FileResult;
  /** The report workbook, written after the result is shown. */
  report: ReportFile;
  /** „Ergebnis herunterladen“; disabled while undefined. */
  download: (() => void) | undefined;
  services: Pick<FileServices, 'copyText' | 'baustein'>;
  /** The open tab; kept by the caller, so a new evaluation shows the same tab. */
  tab: ResultTab;
  onTab: (tab: ResultTab) => void;
}

/** File mode's result: the downloads, then Ergebnis, Vergleich and Prüfhinweise as tabs. */
export function FileResultView({ result, report, download, services, tab, onTab }: FileResultViewProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  return (
    <>
      <Button appearance="primary" disabled={!download} onClick={() => download?.()}>
        {t.file.download}
      </Button>
      {report.kind === 'pending' && <Spinner size="tiny" labelPosition="after" label={t.file.reportPending} />}
      {report.kind === 'failed' && <ErrorMessage message={report.message} />}
      {services.baustein && <BausteinDownloadButton evaluation={result} services={services.baustein} />}
      <TabList selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as ResultTab)} size="small" aria-label={t.file.results}>
        {RESULT_TABS.map((id) => (
          <Tab key={id} value={id} id={`file-tab-${id}`} aria-controls={`file-panel-${id}`}>
            {t.file.tabs[id]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`file-panel-${tab}`} aria-labelledby={`file-tab-${tab}`} className={s.panel}>
        {tab === 'result' && (
          <>
            <MonitoringPreview analysis={result.analysis} />
            {result.sources && result.sources.files.length > 1 && <FilesTable sources={result.sources} />}
            <OverviewTables inspection={{ analysis: result.analysis, sheetNames: [], settings: {}, mapping: [] }} />
          </>
        )}
        {tab === 'comparison' && <ComparisonOnceArrived result={result} services={services} />}
        {tab === 'findings' && <FindingsList findings={result.analysis.findings} limit={200} />}
      </div>
    </>
  );
}

type Arrival = { readonly kind: 'pending' } | { readonly kind: 'arrived' } | { readonly kind: 'failed'; readonly message: string };

/** Whether the records of `result` may be read: at once, or once they came from the worker (file mode sends them after the result). */
function useRecordsArrival(result: EvaluatedWorkbook): Arrival {
  const { recordsArrival } = result;
  // kept with the promise it settled, so a new evaluation never reads as the last one's
  const [settled, setSettled] = useState<{ readonly of: Promise<void>; readonly arrival: Arrival }>();
  useEffect(() => {
    if (!recordsArrival) return undefined;
    let current = true;
    recordsArrival.then(
      () => current && setSettled({ of: recordsArrival, arrival: { kind: 'arrived' } }),
      (error: unknown) => current && setSettled({ of: recordsArrival, arrival: { kind: 'failed', message: errorText(error) } }),
    );
    return () => {
      current = false;
    };
  }, [recordsArrival]);
  if (!recordsArrival) return { kind: 'arrived' };
  return settled?.of === recordsArrival ? settled.arrival : { kind: 'pending' };
}

/** The Vergleich tab: it reads the records, so it shows once they are there. */
function ComparisonOnceArrived({ result, services }: { result: FileResult; services: FileResultViewProps['services'] }): React.JSX.Element {
  const t = useStrings();
  const arrival = useRecordsArrival(result);
  if (arrival.kind === 'pending') return <Spinner size="tiny" labelPosition="after" label={t.file.comparisonPending} />;
  if (arrival.kind === 'failed') return <ErrorMessage message={arrival.message} />;
  return <ComparisonView evaluation={result} copyText={services.copyText} baustein={services.baustein} />;
}
