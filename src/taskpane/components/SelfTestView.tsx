import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SelfTestReport } from '../../adapters/office/selftest';
import { type Strings, useStrings } from '../../i18n';
import type { ExcelServices } from '../types';
import { ErrorMessage } from './ErrorMessage';
import { StatTable } from './StatTable';
import { useTask } from './use-task';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, alignItems: 'stretch' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  api: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function outcomeText(t: Strings, step: SelfTestReport['steps'][number]): string {
  if (step.outcome.kind === 'ok') return t.selftest.ok;
  if (step.outcome.kind === 'skipped') return `${t.selftest.notRun} (${t.selftest.notOffered})`;
  return step.outcome.error;
}

/** The report as plain text for IT support („Bericht kopieren“). */
export function selfTestText(t: Strings, report: SelfTestReport): string {
  return [
    t.selftest.reportTitle,
    `${t.selftest.host}: ${report.host.host}; ${t.selftest.platform}: ${report.host.platform}; ${t.selftest.version}: ${report.host.version}`,
    `${t.selftest.sets}: ${report.supported.join(', ') || t.selftest.none}`,
    '',
    ...report.steps.map((s, i) => `${i + 1}. ${t.selftest.steps[s.id]} [${s.api}]: ${outcomeText(t, s)}`),
    '',
    report.cleanup.kind === 'ok' ? t.selftest.cleanup(report.sheet) : t.selftest.cleanupFailed(report.sheet, report.cleanup.error),
  ].join('\n');
}

export interface SelfTestViewProps {
  selfTest: ExcelServices['selfTest'];
  copyText: ExcelServices['copyText'];
}

/** Selbsttest under Einstellungen (SPEC §11): runs, lists each step, copies the report for IT support. */
export function SelfTestView({ selfTest, copyText }: SelfTestViewProps): React.JSX.Element {
  const t = useStrings();
  const s = useStyles();
  const [state, run] = useTask(selfTest);
  const [copied, setCopied] = useState<boolean>();
  const report = state.kind === 'done' ? state.value : undefined;
  const failed = report?.steps.filter((x) => x.outcome.kind === 'failed').length ?? 0;

  return (
    <section aria-labelledby="selftest-heading" className={s.stack}>
      <Subtitle2 as="h2" id="selftest-heading">
        {t.selftest.heading}
      </Subtitle2>
      <Text as="p" block>{t.selftest.hint}</Text>
      <Button
        disabled={state.kind === 'pending'}
        onClick={() => {
          setCopied(undefined);
          void run();
        }}
      >
        {t.selftest.run}
      </Button>
      {state.kind === 'pending' && <Spinner size="tiny" label={t.selftest.running} />}
      {state.kind === 'failed' && <ErrorMessage message={state.message} />}
      {report && (
        <>
          <MessageBar intent={failed === 0 && report.cleanup.kind === 'ok' ? 'success' : 'error'}>
            <MessageBarBody>
              <MessageBarTitle>{t.selftest.heading}</MessageBarTitle> {failed === 0 ? t.selftest.allOk(report.steps.length) : t.selftest.someFailed(failed, report.steps.length)}{' '}
              {report.cleanup.kind === 'ok' ? t.selftest.cleanup(report.sheet) : t.selftest.cleanupFailed(report.sheet, report.cleanup.error)}
            </MessageBarBody>
          </MessageBar>
          <StatTable
            label={t.selftest.heading}
            rows={[
              [t.selftest.host, report.host.host],
              [t.selftest.platform, report.host.platform],
              [t.selftest.version, report.host.version],
              [t.selftest.sets, report.supported.join(', ') || t.selftest.none],
            ]}
          />
          <ol className={s.list} aria-label={t.selftest.result}>
            {report.steps.map((step, i) => (
              <li key={i}>
                <Text>{t.selftest.steps[step.id]}: </Text>
                <Text className={step.outcome.kind === 'failed' ? s.failed : undefined}>{outcomeText(t, step)}</Text>
                <div className={s.api}>{step.api}</div>
              </li>
            ))}
          </ol>
          <Button
            onClick={() => {
              // The clipboard first, synchronously inside the click (SPEC §7).
              void copyText(selfTestText(t, report)).then(setCopied);
            }}
          >
            {t.selftest.copy}
          </Button>
          {copied === true && (
            <MessageBar intent="success">
              <MessageBarBody>{t.selftest.copied}</MessageBarBody>
            </MessageBar>
          )}
          {copied === false && (
            <>
              <MessageBar intent="warning">
                <MessageBarBody>{t.selftest.copyRefused}</MessageBarBody>
              </MessageBar>
              <Field label={t.selftest.reportLabel}>
                <Textarea readOnly resize="vertical" rows={8} value={selfTestText(t, report)} onFocus={(e) => e.currentTarget.select()} />
              </Field>
            </>
          )}
        </>
      )}
    </section>
  );
}
