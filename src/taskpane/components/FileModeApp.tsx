import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../../i18n';
import { summaryFacts } from '../monitoring-table';
import type { CatalogLoaded, FileServices } from '../types';
import { CatalogLoader } from './CatalogLoader';
import { FileChooser } from './FileChooser';
import { FileResultView, type ResultTab } from './FileResultView';
import { Progress } from './Progress';
import { TaskOutcome } from './TaskOutcome';
import { useFileEvaluation } from './use-file-evaluation';
import { ViewSection } from './ViewSection';

/**
 * File mode (SPEC §7): outside Excel, evaluate an .xlsx in the browser and download the
 * report workbook. The accessible names Arbeitsmappe öffnen, LeiKa-Katalog laden, Auswerten and
 * Ergebnis herunterladen are a contract (the browser test drives the page by them).
 */
export function FileModeApp({ services }: { services: FileServices }): React.JSX.Element {
  const t = useStrings();
  const [files, setFiles] = useState<readonly File[]>([]);
  const [catalog, setCatalog] = useState<CatalogLoaded>();
  const [tab, setTab] = useState<ResultTab>('result');
  const { state, progress, start, report, download } = useFileEvaluation(services.evaluateFile);

  return (
    <ViewSection headingId="file-heading" heading={t.appSubtitle} stack="start">
      <Text as="p" block>{t.file.intro}</Text>
      <FileChooser files={files} onChange={setFiles} />
      <CatalogLoader loadCatalog={services.loadCatalog} mode="file" onLoaded={setCatalog} headingLevel={3} />
      <Button appearance="primary" disabled={files.length === 0 || state.kind === 'pending'} onClick={() => files.length > 0 && void start(files, catalog)}>
        {t.file.evaluate}
      </Button>
      {state.kind === 'pending' && <Progress step={progress.step} fraction={progress.fraction} />}
      <TaskOutcome state={state} layout="multiline" done={(result) => t.evaluate.summary(summaryFacts(result.analysis))} />
      {state.kind === 'done' && <FileResultView result={state.value} report={report} download={download} services={services} tab={tab} onTab={setTab} />}
    </ViewSection>
  );
}
