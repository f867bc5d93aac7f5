import { useCallback, useRef, useState } from 'react';

export type TaskState<T> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'failed'; readonly message: string };

/** The text of a thrown value, for the German message around it. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs an async prop and keeps its pending, success and error state (never swallows an error). */
export function useTask<A extends unknown[], T>(fn: (...args: A) => Promise<T>): [TaskState<T>, (...args: A) => Promise<void>] {
  const [state, setState] = useState<TaskState<T>>({ kind: 'idle' });
  const running = useRef(false);
  const run = useCallback(
    async (...args: A) => {
      if (running.current) return;
      running.current = true;
      setState({ kind: 'pending' });
      try {
        setState({ kind: 'done', value: await fn(...args) });
      } catch (error) {
        setState({ kind: 'failed', message: errorText(error) });
      } finally {
        running.current = false;
      }
    },
    [fn],
  );
  return [state, run];
}
