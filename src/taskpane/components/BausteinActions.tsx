import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../../i18n';
import type { BausteinServices, EvaluatedWorkbook } from '../types';
import { TaskOutcome, copyIntent } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  // stretched, so the buttons wrap in a 350 px pane instead of widening it
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, alignItems: 'flex-start', alignSelf: 'stretch', minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignSelf: 'stretch' },
});

/**
 * „Baustein für die Mitteilungsvorlage“ (SPEC §9): copies table, chart and text for Word; where
 * the host offers downloads, also the .docx. Says what happened, and what to do where the
 * clipboard is refused.
 */
export function BausteinActions({ evaluation, services }: { evaluation: EvaluatedWorkbook; services: BausteinServices }): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [copy, startCopy] = useTask(services.copy);
  const [download, startDownload] = useTask(async (e: EvaluatedWorkbook) => services.download?.(e));
  return (
    <ViewSection headingId="baustein-heading" heading={t.baustein.heading} level={3} className={s.stack}>
      <Text size={200}>{t.baustein.hint}</Text>
      <div className={s.buttons}>
        <Button appearance="primary" onClick={() => void startCopy(evaluation)} disabled={copy.kind === 'pending'}>
          {t.baustein.copy}
        </Button>
        {services.download && (
          <Button onClick={() => void startDownload(evaluation)} disabled={download.kind === 'pending'}>
            {t.baustein.downloadDocx}
          </Button>
        )}
      </div>
      <TaskOutcome
        state={copy}
        intent={copyIntent}
        done={(copied) => (copied ? t.baustein.copied : services.download ? t.baustein.copyDenied : t.baustein.copyDeniedNoDownload)}
      />
      <TaskOutcome state={download} done={() => t.baustein.downloaded} />
    </ViewSection>
  );
}

/** File mode's „Baustein herunterladen“ beside „Ergebnis herunterladen“: the .docx of SPEC §9. */
export function BausteinDownloadButton({ evaluation, services }: { evaluation: EvaluatedWorkbook; services: BausteinServices }): React.JSX.Element | null {
  const t = useStrings();
  const [state, start] = useTask(async (e: EvaluatedWorkbook) => services.download?.(e));
  if (!services.download) return null;
  return (
    <>
      <Button onClick={() => void start(evaluation)} disabled={state.kind === 'pending'}>
        {t.baustein.download}
      </Button>
      <TaskOutcome state={state} />
    </>
  );
}
