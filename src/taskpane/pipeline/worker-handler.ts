import { CatalogFormatError } from '../../core/catalog';
import { recordColumns, withoutRecords } from '../../core/record-table';
import { de } from '../../i18n/de';
import { WorkbookError } from '../../port/workbook-port';
import { readCatalog } from './catalog';
import type { OnProgress } from '../types';
import { evaluateSources, evaluateWorkbookBytes, readSource, writeReport } from './file-evaluate';
import { packRecords } from './packed-records';
import { FileModeError } from './shared';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** One German line: the message of the product's own errors, the error's kind for a defect. */
function failure(error: unknown): string {
  if (error instanceof WorkbookError || error instanceof CatalogFormatError || error instanceof FileModeError) return error.message;
  return de.file.failed.defect(error instanceof Error ? error.name : typeof error);
}

/**
 * Answers one request of file mode's page (pipeline/file.ts): evaluate a workbook, or read a
 * catalogue. Never throws: every failure becomes a `failed` reply with one German line.
 */
export async function handleWorkerRequest(request: WorkerRequest, reply: (message: WorkerReply, transfer?: Transferable[]) => void): Promise<void> {
  try {
    if (request.kind === 'catalog') {
      reply({ kind: 'catalog', result: await readCatalog(new File([request.bytes], request.name)) });
      return;
    }
    if (request.kind === 'read') {
      reply({ kind: 'read', source: await readSource(new Uint8Array(request.bytes), request.name) });
      return;
    }
    const progress: OnProgress = (step, fraction) => reply({ kind: 'progress', step, fraction });
    const now = new Date(request.now);
    const evaluated =
      request.kind === 'evaluate'
        ? await evaluateWorkbookBytes(new Uint8Array(request.bytes), request.name, progress, request.catalog, now)
        : evaluateSources(request.sources, progress, request.catalog, now);
    // the result first: the page shows it while the records are packed and the report workbook is written
    const { analysis } = evaluated.result;
    reply({ kind: 'evaluated', result: { ...evaluated.result, analysis: withoutRecords(analysis) } });
    const packed = packRecords(recordColumns(analysis));
    reply({ kind: 'records', records: packed }, [packed.lengths.buffer, packed.fields.buffer]);
    const report = await writeReport(evaluated, now);
    const buffer = (report.byteOffset === 0 && report.buffer.byteLength === report.byteLength ? report.buffer : report.slice().buffer) as ArrayBuffer;
    reply({ kind: 'report', report: buffer }, [buffer]);
  } catch (error) {
    reply({ kind: 'failed', message: failure(error) });
  }
}
