import { readXlsx } from '../../adapters/xlsx-reader';
import { writeReportWorkbook } from '../../adapters/xlsx-writer';
import type { CatalogImport } from '../../core/catalog';
import { evaluateWorkbook, reportSheets } from '../../core/report';
import type { EvaluatedWorkbook, OnProgress } from '../types';
import { FileModeError, isoDate } from './shared';

/**
 * File mode's pipeline (SPEC §7), the CLI's: read the .xlsx, evaluate (with the loaded catalogue,
 * else the one kept in the workbook), and write the same output sheets into a new report
 * workbook. The input is never changed. Runs in the file-mode Web Worker; throws an Error with
 * one German line (WorkbookError from the reader) for unusable input.
 */
export async function evaluateWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  onProgress: OnProgress,
  catalog: CatalogImport | undefined,
  now: Date,
): Promise<{ result: EvaluatedWorkbook; report: Uint8Array }> {
  onProgress('read', 0.05);
  const grid = readXlsx(bytes);
  onProgress('analyze', 0.35);
  const evaluation = evaluateWorkbook(grid, { currentYear: now.getFullYear(), ...(catalog ? { catalog } : {}) });
  const { analysis } = evaluation;
  if (analysis.officeSheets.length === 0) {
    const reasons = analysis.skippedSheets.map((s) => `${s.sheet}: ${s.reason}`).join('; ');
    throw new FileModeError(`Keine Amtsblätter gefunden (${reasons || 'die Arbeitsmappe hat keine Blätter'}).`);
  }
  onProgress('write', 0.6);
  const evaluatedAt = isoDate(now);
  const report = await writeReportWorkbook(reportSheets(evaluation, { evaluatedAt }), { sourceFileName: fileName, evaluatedAt });
  // `comparisons` is computed on first use: read it here, so it crosses to the page as data.
  const result: EvaluatedWorkbook = { analysis, comparisons: evaluation.comparisons, ...(evaluation.catalog ? { catalog: evaluation.catalog } : {}) };
  return { result, report };
}
