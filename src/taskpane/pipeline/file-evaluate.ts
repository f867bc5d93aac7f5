import { readXlsxAsync } from '../../adapters/xlsx/reader';
import type { CatalogImport } from '../../core/catalog';
import { isoDay } from '../../core/dates';
import { noOfficeSheetMessage } from '../../core/no-office-sheet';
import { type Evaluation, evaluateWorkbook, reportSheets } from '../../core/report';
import type { WorkbookSource } from '../../core/sources';
import { WorkbookError } from '../../port/workbook-port';
import type { EvaluatedWorkbook, OnProgress } from '../types';
import { FileModeError } from './shared';

/** An evaluation of file mode, and what its report workbook needs. */
export interface FileEvaluation {
  readonly result: EvaluatedWorkbook;
  readonly evaluation: Evaluation;
  readonly sources: readonly WorkbookSource[];
}

/**
 * File mode's pipeline (SPEC §7), the CLI's: read the .xlsx and evaluate it (with the loaded
 * catalogue, else the one kept in the workbook); `writeReport` then writes the same output sheets
 * into a new report workbook. The input is never changed. Runs in the file-mode Web Worker;
 * throws an Error with one German line (WorkbookError from the reader) for unusable input.
 */
export async function evaluateWorkbookBytes(bytes: Uint8Array, fileName: string, onProgress: OnProgress, catalog: CatalogImport | undefined, now: Date): Promise<FileEvaluation> {
  onProgress('read', 0.05);
  const workbook = await readXlsxAsync(bytes);
  return evaluateSources([{ kind: 'workbook', file: fileName, workbook }], onProgress, catalog, now);
}

/**
 * One office file of several (SPEC §10) as a source: its sheets, or — where it cannot be read —
 * a skipped source with the reader's German reason, so the rest is still evaluated.
 */
export async function readSource(bytes: Uint8Array, fileName: string): Promise<WorkbookSource> {
  try {
    return { kind: 'workbook', file: fileName, workbook: await readXlsxAsync(bytes) };
  } catch (error) {
    if (error instanceof WorkbookError) return { kind: 'skipped', file: fileName, reason: error.message };
    throw error;
  }
}

/** The pipeline on files already read (one, or several evaluated together: SPEC §10). */
export function evaluateSources(sources: readonly WorkbookSource[], onProgress: OnProgress, catalog: CatalogImport | undefined, now: Date): FileEvaluation {
  onProgress('analyze', 0.35);
  const evaluation = evaluateWorkbook(sources, { currentYear: now.getFullYear(), ...(catalog ? { catalog } : {}) });
  const { analysis } = evaluation;
  const none = noOfficeSheetMessage(analysis, evaluation.sources);
  if (none !== undefined) throw new FileModeError(none);
  // `comparisons` is computed on first use: read it here, so it crosses to the page as data.
  const result: EvaluatedWorkbook = {
    analysis,
    comparisons: evaluation.comparisons,
    sources: evaluation.sources,
    ...(evaluation.catalog ? { catalog: evaluation.catalog } : {}),
  };
  return { result, evaluation, sources };
}

/**
 * The report workbook of an evaluation. With one file, Prüfhinweise link its cells in a file of
 * its name beside the report; files picked in a browser have no path, so several get no such links.
 */
export async function writeReport({ evaluation, sources }: FileEvaluation, now: Date): Promise<Uint8Array> {
  // ExcelJS is most of the worker's code: loaded only here, after the result is on screen, so the worker starts without it
  const { writeReportWorkbook } = await import(/* webpackChunkName: "report-writer" */ '../../adapters/xlsx/writer');
  const evaluatedAt = isoDay(now);
  const only = sources.length === 1 ? sources[0]?.file : undefined;
  return writeReportWorkbook(reportSheets(evaluation, { evaluatedAt }), { ...(only !== undefined ? { sourceFileName: only } : {}), evaluatedAt });
}
