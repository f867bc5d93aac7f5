import type { CatalogImport } from '../../core/catalog';
import type { WorkbookSource } from '../../core/sources';
import { de } from '../../i18n/de';
import type { EvaluatedWorkbook, FileResult, OnProgress } from '../types';
import { type PackedRecords, withPackedRecords } from './packed-records';
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

type Answer = Extract<WorkerReply, { kind: 'report' | 'catalog' | 'read' }>;

/**
 * Sends one request to a fresh worker and waits for its answer. An evaluation answers three
 * times: `evaluated` (handed to `onEvaluated` at once, its records to follow; progress ends
 * there), `records` and then the report. The worker is ended after the last answer in every case
 * (answer, failure, crash, time-out), so a hostile file costs the page nothing; records that have
 * not come by then never will, and their arrival rejects. Every failure is a FileModeError with
 * one German line naming `name`.
 */
async function askWorker(
  createWorker: () => WorkerLike,
  name: string,
  request: WorkerRequest,
  transfer: Transferable[],
  onProgress: OnProgress | undefined,
  timeoutMs: number,
  onEvaluated?: (result: EvaluatedWorkbook) => void,
): Promise<Answer> {
  let worker: WorkerLike;
  try {
    worker = createWorker();
  } catch (cause) {
    throw new FileModeError(de.file.failed.noWorker, { cause });
  }
  return new Promise<Answer>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let evaluated = false;
    // the records of the evaluation, between `evaluated` and their own message
    let records: { resolve: (packed: PackedRecords) => void; reject: (error: FileModeError) => void } | undefined;
    const finish = (settle: () => void): void => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      records?.reject(new FileModeError(de.file.failed.records));
      settle();
    };
    // after the result, a failure concerns only the report workbook
    const fail = (message: string): void => finish(() => reject(new FileModeError(evaluated ? de.file.failed.report(message) : message)));
    const crashed = (): void => fail(evaluated ? de.file.failed.writeCrashed : de.file.failed.crashed(name));
    timer = setTimeout(() => fail(de.file.failed.timeout(name, Math.round(timeoutMs / 60_000))), timeoutMs);
    worker.onmessage = (event) => {
      const reply = event.data;
      if (reply.kind === 'progress') {
        if (!evaluated) onProgress?.(reply.step, reply.fraction);
      } else if (reply.kind === 'evaluated') {
        evaluated = true;
        const packed = new Promise<PackedRecords>((resolve, reject) => (records = { resolve, reject }));
        const { analysis, arrival } = withPackedRecords(reply.result.analysis, packed);
        // where no view waits for the records, their failure is no unhandled rejection
        arrival.catch(() => undefined);
        onEvaluated?.({ ...reply.result, analysis, recordsArrival: arrival });
      } else if (reply.kind === 'records') {
        records?.resolve(reply.records);
        records = undefined;
      } else if (reply.kind === 'failed') fail(reply.message);
      else finish(() => resolve(reply));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      crashed();
    };
    worker.onmessageerror = crashed;
    worker.postMessage(request, transfer);
  });
}

/**
 * File mode's evaluation (SPEC §7, §10): the workbook is read, evaluated and the report workbook
 * written in a Web Worker (pipeline/file-worker.ts), so the page stays responsive whatever the
 * file holds. The result comes as soon as the evaluation is done; `report` follows when the
 * report workbook is written (with a large file that takes longer than the evaluation). Several
 * office files are read each in a worker of its own — one that cannot be read, or brings its
 * worker down, is evaluated as skipped (FILE_SKIPPED) — and then evaluated together in one more.
 * The inputs are never changed.
 */
export async function evaluateFileInWorker(
  createWorker: () => WorkerLike,
  files: readonly File[],
  onProgress: OnProgress,
  catalog?: CatalogImport,
  opts: WorkerRunOptions = {},
): Promise<FileResult> {
  const first = files[0];
  if (!first) throw new FileModeError(de.file.noneChosen);
  onProgress('read', 0);
  const now = (opts.now ?? new Date()).getTime();
  const timeout = opts.timeoutMs ?? WORKER_TIMEOUT_MINUTES * 60_000;
  const withCatalog = catalog ? { catalog } : {};
  let report!: Promise<Answer>;
  const result = await new Promise<EvaluatedWorkbook>((resolve, reject) => {
    const ask = (request: WorkerRequest, name: string, transfer: Transferable[]): void => {
      report = askWorker(createWorker, name, request, transfer, onProgress, timeout, resolve);
      // a failure before the result fails the evaluation; after it, only the report (below)
      report.catch(reject);
    };
    if (files.length === 1) {
      void first.arrayBuffer().then((bytes) => ask({ kind: 'evaluate', bytes, name: first.name, now, ...withCatalog }, first.name, [bytes]), reject);
    } else {
      void readFilesInWorker(createWorker, files, opts, (done) => onProgress('read', (0.3 * done) / files.length)).then(
        (sources) => ask({ kind: 'evaluate-sources', sources, now, ...withCatalog }, de.file.reportNameSeveral, []),
        reject,
      );
    }
  });
  onProgress('done', 1);
  const reportName = files.length === 1 ? de.file.reportName(first.name) : de.file.reportNameSeveral;
  const reportBlob = report.then((answer) => {
    if (answer.kind !== 'report') throw new FileModeError(de.file.failed.report(de.file.failed.defect('WorkerReply')));
    return new Blob([answer.report], { type: XLSX_TYPE });
  });
  return { ...result, report: reportBlob, reportName };
}

/**
 * Office files picked in the browser (SPEC §10), each read in a fresh worker: its sheets, or a
 * skipped source with the German reason (not a workbook, too large, crashed, timed out), so
 * the rest is still evaluated. The files never leave the browser.
 */
export async function readFilesInWorker(
  createWorker: () => WorkerLike,
  files: readonly File[],
  opts: WorkerRunOptions = {},
  onFile: (done: number) => void = () => {},
): Promise<WorkbookSource[]> {
  const timeout = opts.timeoutMs ?? WORKER_TIMEOUT_MINUTES * 60_000;
  const sources: WorkbookSource[] = [];
  for (const file of files) {
    sources.push(await readOne(createWorker, file, timeout));
    onFile(sources.length);
  }
  return sources;
}

async function readOne(createWorker: () => WorkerLike, file: File, timeout: number): Promise<WorkbookSource> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    // moved, deleted or locked since it was picked
    return { kind: 'skipped', file: file.name, reason: de.file.unreadable };
  }
  try {
    const answer = await askWorker(createWorker, file.name, { kind: 'read', bytes, name: file.name }, [bytes], undefined, timeout);
    if (answer.kind !== 'read') throw new FileModeError(de.file.failed.defect('WorkerReply'));
    return answer.source;
  } catch (error) {
    if (error instanceof FileModeError) return { kind: 'skipped', file: file.name, reason: error.message };
    throw error;
  }
}

/** „LeiKa-Katalog laden“ in file mode: the export is read in a worker too. */
export async function readCatalogInWorker(createWorker: () => WorkerLike, file: File, opts: WorkerRunOptions = {}): Promise<CatalogImport> {
  const timeout = opts.timeoutMs ?? WORKER_TIMEOUT_MINUTES * 60_000;
  const bytes = await file.arrayBuffer();
  const answer = await askWorker(createWorker, file.name, { kind: 'catalog', bytes, name: file.name }, [bytes], undefined, timeout);
  if (answer.kind !== 'catalog') throw new FileModeError(de.file.failed.defect('WorkerReply'));
  return answer.result;
}
