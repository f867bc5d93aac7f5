import { Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { Finding } from '../../core/findings';
import { useStrings } from '../../i18n';
import { FindingsList } from './FindingsList';
import { TaskOutcome } from './TaskOutcome';
import { useTask } from './use-task';
import { ViewSection } from './ViewSection';

/** Prüfhinweise grouped by severity, each with Zur Zelle. */
export function FindingsView({ findings, goToCell }: { findings: readonly Finding[] | undefined; goToCell: (sheet: string, cell: string) => Promise<void> }): React.JSX.Element {
  const t = useStrings();
  const [state, go] = useTask(goToCell);
  const onGo = useCallback((sheet: string, cell: string) => void go(sheet, cell), [go]);
  return (
    <ViewSection headingId="findings-heading" heading={t.findings.heading}>
      <TaskOutcome state={state} />
      {findings === undefined ? <Text as="p" block>{t.findings.notYet}</Text> : <FindingsList findings={findings} goToCell={onGo} />}
    </ViewSection>
  );
}
