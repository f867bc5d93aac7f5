import { Subtitle2, Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { Finding } from '../../core/findings';
import { useStrings } from '../../i18n';
import { ErrorMessage } from './ErrorMessage';
import { FindingsList } from './FindingsList';
import { useTask } from './use-task';

/** Prüfhinweise grouped by severity, each with Zur Zelle. */
export function FindingsView({ findings, goToCell }: { findings: readonly Finding[] | undefined; goToCell: (sheet: string, cell: string) => Promise<void> }): React.JSX.Element {
  const t = useStrings();
  const [state, go] = useTask(goToCell);
  const onGo = useCallback((sheet: string, cell: string) => void go(sheet, cell), [go]);
  return (
    <section aria-labelledby="findings-heading">
      <Subtitle2 as="h2" id="findings-heading">
        {t.findings.heading}
      </Subtitle2>
      {state.kind === 'failed' && <ErrorMessage message={state.message} />}
      {findings === undefined ? <Text as="p" block>{t.findings.notYet}</Text> : <FindingsList findings={findings} goToCell={onGo} />}
    </section>
  );
}
