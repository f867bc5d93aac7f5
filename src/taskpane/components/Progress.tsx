import { Field, ProgressBar } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useStrings } from '../../i18n';
import type { OnProgress, ProgressStep } from '../types';

export interface ProgressState {
  readonly step: ProgressStep;
  readonly fraction: number;
}

/** The progress of a running evaluation and the stable callback the pipeline reports it to. */
export function useProgress(): [ProgressState, OnProgress] {
  const [progress, setProgress] = useState<ProgressState>({ step: 'read', fraction: 0 });
  const onProgress = useCallback<OnProgress>((step, fraction) => setProgress({ step, fraction }), []);
  return [progress, onProgress];
}

/** Visible progress of an evaluation: the current step as text and a bar. */
export function Progress({ step, fraction }: ProgressState): React.JSX.Element {
  const t = useStrings();
  return (
    <Field label={t.evaluate.running} validationMessage={t.evaluate.steps[step] ?? step} validationState="none">
      <ProgressBar value={fraction} max={1} />
    </Field>
  );
}
