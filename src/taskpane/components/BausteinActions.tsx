import { Button, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../../i18n';
import type { BausteinServices, EvaluatedWorkbook } from '../types';
import { ErrorMessage } from './ErrorMessage';
import { useTask } from './use-task';

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
    <section aria-labelledby="baustein-heading" className={s.stack}>
      <Subtitle2 as="h3" id="baustein-heading">
        {t.baustein.heading}
      </Subtitle2>
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
      {copy.kind === 'done' && (
        <MessageBar intent={copy.value ? 'success' : 'warning'}>
          <MessageBarBody>{copy.value ? t.baustein.copied : services.download ? t.baustein.copyDenied : t.baustein.copyDeniedNoDownload}</MessageBarBody>
        </MessageBar>
      )}
      {copy.kind === 'failed' && <ErrorMessage message={copy.message} />}
      {download.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>{t.baustein.downloaded}</MessageBarBody>
        </MessageBar>
      )}
      {download.kind === 'failed' && <ErrorMessage message={download.message} />}
    </section>
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
      {state.kind === 'failed' && <ErrorMessage message={state.message} />}
    </>
  );
}
