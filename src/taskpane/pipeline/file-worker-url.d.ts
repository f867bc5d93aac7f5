import type { WorkerLike } from './worker-protocol';

/** Starts file mode's Web Worker (pipeline/file-worker.ts). */
export function createFileWorker(): WorkerLike;
