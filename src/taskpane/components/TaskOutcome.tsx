import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';
import { OutcomeBar, type OutcomeIntent } from './OutcomeBar';
import type { TaskState } from './use-task';

/** A copy to the clipboard: success, or a warning where the host refused it (the text then says what to do). */
export function copyIntent(copied: boolean): OutcomeIntent {
  return copied ? 'success' : 'warning';
}

export interface TaskOutcomeProps<T> {
  state: TaskState<T>;
  /** What a success says; without it, only a failure is shown. */
  done?: (value: T) => ReactNode;
  /** Default: success. */
  intent?: (value: T) => OutcomeIntent;
  title?: string;
  layout?: 'multiline';
}

/**
 * How an async action of {@link useTask} ended: its failure as the German error (role alert),
 * its success as a message bar; nothing while idle or pending.
 */
export function TaskOutcome<T>({ state, done, intent, title, layout }: TaskOutcomeProps<T>): React.JSX.Element | null {
  if (state.kind === 'failed') return <ErrorMessage message={state.message} />;
  if (state.kind !== 'done' || done === undefined) return null;
  return (
    <OutcomeBar intent={intent?.(state.value) ?? 'success'} title={title} {...(layout !== undefined && { layout })}>
      {done(state.value)}
    </OutcomeBar>
  );
}
