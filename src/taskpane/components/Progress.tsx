import { Field, ProgressBar } from '@fluentui/react-components';
import { useStrings } from '../../i18n';
import type { ProgressStep } from '../types';

/** Visible progress of an evaluation: the current step as text and a bar. */
export function Progress({ step, fraction }: { step: ProgressStep; fraction: number }): React.JSX.Element {
  const t = useStrings();
  return (
    <Field label={t.evaluate.running} validationMessage={t.evaluate.steps[step] ?? step} validationState="none">
      <ProgressBar value={fraction} max={1} />
    </Field>
  );
}
