/**
 * Excel on the web rejects requests and responses over 5 MB. Every batch the Office adapter
 * sends is planned to stay under CHUNK_BYTES; a batch that is rejected anyway is halved and
 * sent again.
 */
export const CHUNK_BYTES = 4_000_000;

/**
 * The errors Office.js raises for a request or a response over the payload limit: Excel.ErrorCodes
 * has two codes, RequestPayloadSizeLimitExceeded and ResponsePayloadSizeLimitExceeded ("This error
 * only occurs in Excel on the web"; learn.microsoft.com, Error handling with the application-specific
 * JavaScript APIs). A response too large happens when reading values.
 */
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);

export function isPayloadTooLarge(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && PAYLOAD_CODES.has(code)) return true;
  return typeof message === 'string' && /(?:Request|Response)PayloadSizeLimitExceeded/.test(message);
}

/**
 * A batch that meets a GeneralException is sent again once with half the budget: older Excel on
 * the web reported an oversized request that way instead of RequestPayloadSizeLimitExceeded.
 * Only batches at least this large are retried (a small batch failing is not about its size).
 */
export const GENERAL_EXCEPTION_RETRY_BYTES = 1_000_000;

export function isGeneralException(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'GeneralException';
}

/** Calls `Excel.run`; injectable so tests can run the adapter against a fake. */
export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Every batch of the add-in runs with these options. `delayForCellEdit`: "When `true`, the batch
 * request is executed immediately if the user is not in cell edit mode, but if the user is in
 * cell edit mode then the batch request is delayed until the user exits cell edit mode"; without
 * it the batch fails with InvalidOperationInCellEditMode (learn.microsoft.com, Excel.RunOptions,
 * ExcelApi 1.11).
 */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** The real `Excel.run` (only valid once Office.js has loaded inside Excel). */
export const officeExcelRun: ExcelRun = (options, batch) => Excel.run(options, batch);

/** Counts context.sync() calls, for the task pane's diagnostics and the tests. */
export interface SyncCounter {
  syncs: number;
}

