import { readXlsx } from '../../adapters/xlsx-reader';
import { writeReportWorkbook } from '../../adapters/xlsx-writer';
import type { CatalogImport } from '../../core/catalog';
import { evaluateWorkbook, reportSheets } from '../../core/report';
import { de } from '../../i18n/de';
import type { FileResult, OnProgress } from '../types';
import { isoDate, nextFrame } from './shared';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * File mode's pipeline (SPEC §7), the CLI's: read the .xlsx, evaluate (with the loaded catalogue,
 * else the one kept in the workbook), and write the same output sheets into a new report
 * workbook. The input is never changed. Loaded lazily as its own chunk.
 */
export async function evaluateFile(file: File, onProgress: OnProgress, catalog?: CatalogImport, now: Date = new Date()): Promise<FileResult> {
  onProgress('read', 0.05);
  const bytes = new Uint8Array(await file.arrayBuffer());
  await nextFrame();
  const grid = readXlsx(bytes);
  onProgress('analyze', 0.35);
  await nextFrame();
  const evaluation = evaluateWorkbook(grid, { currentYear: now.getFullYear(), ...(catalog ? { catalog } : {}) });
  const { analysis } = evaluation;
  if (analysis.officeSheets.length === 0) {
    const reasons = analysis.skippedSheets.map((s) => `${s.sheet}: ${s.reason}`).join('; ');
    throw new Error(`Keine Amtsblätter gefunden (${reasons || 'die Arbeitsmappe hat keine Blätter'}).`);
  }
  onProgress('write', 0.6);
  await nextFrame();
  const evaluatedAt = isoDate(now);
  const out = await writeReportWorkbook(reportSheets(evaluation, { evaluatedAt }), { sourceFileName: file.name, evaluatedAt });
  onProgress('done', 1);
  return { ...evaluation, report: new Blob([out as BlobPart], { type: XLSX_TYPE }), reportName: de.file.reportName(file.name) };
}
