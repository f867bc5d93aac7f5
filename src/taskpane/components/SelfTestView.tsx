import { Button, Field, Spinner, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SelfTestReport } from '../../adapters/office/selftest';
import { type Strings, useStrings } from '../../i18n';
import type { ExcelServices } from '../types';
import { OutcomeBar } from './OutcomeBar';
import { StatTable } from './StatTable';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  api: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

function outcomeText(t: Strings, step: SelfTestReport['steps'][number]): string {
  if (step.outcome.kind === 'ok') return t.selftest.ok;
  if (step.outcome.kind === 'skipped') return `${t.selftest.notRun} (${t.selftest.notOffered})`;
  return step.outcome.error;
}

function failedSteps(report: SelfTestReport): number {
  return report.steps.filter((x) => x.outcome.kind === 'failed').length;
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

  return (
    <ViewSection headingId="selftest-heading" heading={t.selftest.heading} stack="stretch">
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
      <TaskOutcome
        state={state}
        title={t.selftest.heading}
        intent={(r) => (failedSteps(r) === 0 && r.cleanup.kind === 'ok' ? 'success' : 'error')}
        done={(r) => (
          <>
            {failedSteps(r) === 0 ? t.selftest.allOk(r.steps.length) : t.selftest.someFailed(failedSteps(r), r.steps.length)}{' '}
            {r.cleanup.kind === 'ok' ? t.selftest.cleanup(r.sheet) : t.selftest.cleanupFailed(r.sheet, r.cleanup.error)}
          </>
        )}
      />
      {report && (
        <>
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
          {copied === true && <OutcomeBar intent="success">{t.selftest.copied}</OutcomeBar>}
          {copied === false && (
            <>
              <OutcomeBar intent="warning">{t.selftest.copyRefused}</OutcomeBar>
              <Field label={t.selftest.reportLabel}>
                <Textarea readOnly resize="vertical" rows={8} value={selfTestText(t, report)} onFocus={(e) => e.currentTarget.select()} />
              </Field>
            </>
          )}
        </>
      )}
    </ViewSection>
  );
}
