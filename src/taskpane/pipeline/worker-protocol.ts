import type { CatalogImport } from '../../core/catalog';
import type { WorkbookSource } from '../../core/sources';
import type { EvaluatedWorkbook, ProgressStep } from '../types';
import type { AnalysisWithoutRecords, PackedRecords } from './packed-records';

/*
 * Messages between file mode's page and its Web Worker (SPEC §7: files are read off the main
 * thread). Everything crossing is structured-clone data; file bytes and the report are moved,
 * not copied.
 */

/** An evaluation whose records follow it, packed. */
export type EvaluatedWithoutRecords = Omit<EvaluatedWorkbook, 'analysis'> & { readonly analysis: AnalysisWithoutRecords };

export type WorkerRequest =
  | { readonly kind: 'evaluate'; readonly bytes: ArrayBuffer; readonly name: string; readonly catalog?: CatalogImport; readonly now: number }
  | { readonly kind: 'catalog'; readonly bytes: ArrayBuffer; readonly name: string }
  /** One office file of several (SPEC §10): read into a source, or a skipped source with the reason. */
  | { readonly kind: 'read'; readonly bytes: ArrayBuffer; readonly name: string }
  /** Several office files, each already read: evaluate them together and write the report workbook. */
  | { readonly kind: 'evaluate-sources'; readonly sources: readonly WorkbookSource[]; readonly catalog?: CatalogImport; readonly now: number };

export type WorkerReply =
  | { readonly kind: 'progress'; readonly step: ProgressStep; readonly fraction: number }
  /** The evaluation without its records, sent first, so the page shows it at once. */
  | { readonly kind: 'evaluated'; readonly result: EvaluatedWithoutRecords }
  /** The evaluation's records, packed, after `evaluated` and before the report workbook is written. */
  | { readonly kind: 'records'; readonly records: PackedRecords }
  /** The report workbook, after `records`. */
  | { readonly kind: 'report'; readonly report: ArrayBuffer }
  | { readonly kind: 'catalog'; readonly result: CatalogImport }
  | { readonly kind: 'read'; readonly source: WorkbookSource }
  /** `message` is one German line for the user; after `evaluated` it concerns the records not yet sent and the report workbook. */
  | { readonly kind: 'failed'; readonly message: string };

/** What file mode needs of a Worker (a test gives a fake). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}
