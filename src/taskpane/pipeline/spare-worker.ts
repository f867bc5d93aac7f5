import type { WorkerLike } from './worker-protocol';

/** Workers handed out one at a time, each started one evaluation ahead. */
export interface SpareWorker {
  /** Starts the spare now (file mode's start), so the first evaluation does not wait for it; never throws. */
  warm(): void;
  /** A fresh, never used worker: the spare where it started well, else a new one; the next spare starts after it. */
  take(): WorkerLike;
}

/**
 * File mode's workers, one started ahead: loading a worker's code took about a second of
 * „Auswerten“ on a busy machine (docs/performance.md), time the user otherwise spends choosing
 * the file. Every evaluation still gets a fresh worker that is ended afterwards (SPEC §7);
 * a spare whose code failed to load is dropped, so the evaluation meets its failure anew.
 */
export function spareWorker(create: () => WorkerLike): SpareWorker {
  let spare: { worker: WorkerLike; failed: boolean } | undefined;
  const warm = (): void => {
    if (spare) return;
    try {
      const worker = create();
      const started = { worker, failed: false };
      worker.onerror = (event) => {
        event.preventDefault();
        started.failed = true;
      };
      spare = started;
    } catch {
      // never a failed start: the evaluation creates its own worker and reports the failure
    }
  };
  return {
    warm,
    take() {
      const taken = spare;
      spare = undefined;
      setTimeout(warm, 0);
      if (!taken || taken.failed) {
        taken?.worker.terminate();
        return create();
      }
      taken.worker.onerror = null;
      return taken.worker;
    },
  };
}
