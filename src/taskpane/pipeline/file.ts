import type { CatalogImport } from '../../core/catalog';
import { de } from '../../i18n/de';
import type { FileResult, OnProgress } from '../types';
import { FileModeError } from './shared';
import type { WorkerLike, WorkerReply, WorkerRequest } from './worker-protocol';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A legitimate workbook at the SPEC §2 limits evaluates in well under this; a worker still busy is stuck. */
export const WORKER_TIMEOUT_MINUTES = 5;

export interface WorkerRunOptions {
  /** Test seam: how long a worker may take (default WORKER_TIMEOUT_MINUTES). */
  readonly timeoutMs?: number;
  /** The evaluation date (default: now). */
  readonly now?: Date;
}

type Answer = Extract<WorkerReply, { kind: 'evaluated' | 'catalog' }>;

/**
 * Sends one file to a fresh worker and waits for its answer. The worker is ended afterwards
 * in every case (answer, failure, crash, time-out), so a hostile file costs the page nothing.
 * Every failure is a FileModeError with one German line.
 */
async function askWorker(
  createWorker: () => WorkerLike,
  file: File,
  request: (bytes: ArrayBuffer) => WorkerRequest,
  onProgress: OnProgress | undefined,
  timeoutMs: number,
): Promise<Answer> {
  const bytes = await file.arrayBuffer();
  let worker: WorkerLike;
  try {
    worker = createWorker();
  } catch (cause) {
    throw new FileModeError(de.file.failed.noWorker, { cause });
  }
  return new Promise<Answer>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      settle();
    };
    const crashed = (): void => finish(() => reject(new FileModeError(de.file.failed.crashed(file.name))));
    timer = setTimeout(() => finish(() => reject(new FileModeError(de.file.failed.timeout(file.name, Math.round(timeoutMs / 60_000))))), timeoutMs);
    worker.onmessage = (event) => {
      const reply = event.data;
      if (reply.kind === 'progress') onProgress?.(reply.step, reply.fraction);
      else if (reply.kind === 'failed') finish(() => reject(new FileModeError(reply.message)));
      else finish(() => resolve(reply));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      crashed();
    };
    worker.onmessageerror = crashed;
    worker.postMessage(request(bytes), [bytes]);
  });
}

/**
 * File mode's evaluation (SPEC §7): the workbook is read, evaluated and the report workbook
 * written in a Web Worker (pipeline/file-worker.ts), so the page stays responsive whatever the
 * file holds. The input is never changed.
 */
export async function evaluateFileInWorker(
  createWorker: () => WorkerLike,
  file: File,
  onProgress: OnProgress,
  catalog?: CatalogImport,
  opts: WorkerRunOptions = {},
): Promise<FileResult> {
  onProgress('read', 0);
  const now = (opts.now ?? new Date()).getTime();
  const timeout = opts.timeoutMs ?? WORKER_TIMEOUT_MINUTES * 60_000;
  const answer = await askWorker(createWorker, file, (bytes) => ({ kind: 'evaluate', bytes, name: file.name, now, ...(catalog ? { catalog } : {}) }), onProgress, timeout);
  if (answer.kind !== 'evaluated') throw new FileModeError(de.file.failed.defect('WorkerReply'));
  onProgress('done', 1);
  return { ...answer.result, report: new Blob([answer.report], { type: XLSX_TYPE }), reportName: de.file.reportName(file.name) };
}

/** „LeiKa-Katalog laden“ in file mode: the export is read in a worker too. */
export async function readCatalogInWorker(createWorker: () => WorkerLike, file: File, opts: WorkerRunOptions = {}): Promise<CatalogImport> {
  const timeout = opts.timeoutMs ?? WORKER_TIMEOUT_MINUTES * 60_000;
  const answer = await askWorker(createWorker, file, (bytes) => ({ kind: 'catalog', bytes, name: file.name }), undefined, timeout);
  if (answer.kind !== 'catalog') throw new FileModeError(de.file.failed.defect('WorkerReply'));
  return answer.result;
}
