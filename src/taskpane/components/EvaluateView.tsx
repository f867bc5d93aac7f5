import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { useStrings } from '../../i18n';
import { summaryFacts } from '../monitoring-table';
import type { CopyResult, Evaluation, ExcelEvaluateOptions, OnProgress } from '../types';
import { addFiles, WORKBOOK_TYPES } from '../picked-files';
import { ChosenFiles } from './ChosenFiles';
import { FilePicker } from './FilePicker';
import { FilesTable } from './FilesTable';
import { MonitoringPreview } from './MonitoringPreview';
import { OutcomeBar } from './OutcomeBar';
import { Progress, useProgress } from './Progress';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'flex-start', alignSelf: 'stretch' },
});

export interface EvaluateViewProps {
  evaluate: (onProgress: OnProgress, options?: ExcelEvaluateOptions) => Promise<Evaluation>;
  copyTable: (evaluation: Evaluation) => Promise<CopyResult>;
  onEvaluated?: (evaluation: Evaluation) => void;
  /** Whether this Excel can create PivotTables from an add-in; else the option is shown disabled. */
  pivotSupported?: boolean;
}

/** Auswerten: runs the pipeline with visible progress, then shows the Monitoring table and a summary. */
export function EvaluateView({ evaluate, copyTable, onEvaluated, pivotSupported = false }: EvaluateViewProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [progress, onProgress] = useProgress();
  const [pivot, setPivot] = useState(false);
  const [files, setFiles] = useState<readonly File[]>([]);
  const filesId = useId();
  const run = useCallback(async () => {
    const result = await evaluate(onProgress, { pivot: pivot && pivotSupported, ...(files.length > 0 ? { files } : {}) });
    onEvaluated?.(result);
    return result;
  }, [evaluate, onProgress, onEvaluated, pivot, pivotSupported, files]);
  const [state, start] = useTask(run);
  const [copy, startCopy] = useTask(copyTable);
  return (
    <ViewSection headingId="evaluate-heading" heading={t.evaluate.preview} className={s.stack}>
      <div>
        <Checkbox
          label={t.evaluate.pivot}
          checked={pivot && pivotSupported}
          disabled={!pivotSupported}
          aria-describedby="pivot-hint"
          onChange={(_, d) => setPivot(d.checked === true)}
        />
        <Text as="p" block size={200} id="pivot-hint">
          {pivotSupported ? t.evaluate.pivotHint : t.evaluate.pivotUnsupported}
        </Text>
      </div>
      <div className={s.stack}>
        <Text as="p" size={200} id={`${filesId}-hint`}>
          {t.evaluate.addFilesHint}
        </Text>
        <FilePicker label={t.evaluate.addFiles} multiple accept={WORKBOOK_TYPES} describedBy={`${filesId}-hint`} onFiles={(list) => setFiles(addFiles(files, list))} />
        <ChosenFiles files={files} onRemove={(i) => setFiles(files.filter((_, j) => j !== i))} />
      </div>
      <Button appearance="primary" onClick={() => void start()} disabled={state.kind === 'pending'}>
        {t.evaluate.button}
      </Button>
      {state.kind === 'pending' && <Progress step={progress.step} fraction={progress.fraction} />}
      <TaskOutcome state={state} />
      {state.kind === 'done' && (
        <>
          <Summary evaluation={state.value} />
          {state.value.sources && state.value.sources.files.length > 1 && <FilesTable sources={state.value.sources} />}
          <MonitoringPreview analysis={state.value.analysis} />
          <Button onClick={() => void startCopy(state.value)} disabled={copy.kind === 'pending'}>
            {t.evaluate.copy}
          </Button>
          <TaskOutcome state={copy} done={(how) => (how === 'copied' ? t.evaluate.copied : t.evaluate.selected)} />
        </>
      )}
    </ViewSection>
  );
}

function Summary({ evaluation }: { evaluation: Evaluation }): React.JSX.Element {
  const t = useStrings();
  const { analysis, report } = evaluation;
  const count = (sev: string): number => analysis.findings.filter((f) => f.severity === sev).length;
  return (
    <div role="status">
      <Text as="p" block>{t.evaluate.summary(summaryFacts(analysis))}</Text>
      <Text as="p" block>{t.evaluate.findingsSummary(count('error'), count('warning'), count('info'))}</Text>
      {report.sheets.length > 0 && <Text as="p" block>{t.evaluate.written(report.sheets.map((w) => w.sheet).join(', '))}</Text>}
      {report.pivotTable && <Text as="p" block>{t.evaluate.pivotCreated(report.pivotTable.sheet)}</Text>}
      {report.sheets
        .filter((w) => w.displacedBy !== undefined)
        .map((w) => (
          <OutcomeBar key={w.role} intent="warning">
            {t.evaluate.displaced(w.displacedBy!, w.sheet)}
          </OutcomeBar>
        ))}
    </div>
  );
}
