import { readXlsx } from '../../adapters/xlsx-reader';
import { writeReportWorkbook } from '../../adapters/xlsx-writer';
import { analyzeWorkbook } from '../../core/analyze';
import { buildOutputSheets } from '../../core/outputs';
import { de } from '../../i18n/de';
import type { FileResult, OnProgress } from '../types';
import { isoDate, nextFrame } from './shared';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * File mode's pipeline (SPEC §7), the same as the CLI's: read the .xlsx, analyse, build the
 * output sheets and write them into a new report workbook. The input is never changed.
 * Loaded lazily as its own chunk, so the task pane starts without the xlsx libraries.
 */
export async function evaluateFile(file: File, onProgress: OnProgress, now: Date = new Date()): Promise<FileResult> {
  onProgress('read', 0.05);
  const bytes = new Uint8Array(await file.arrayBuffer());
  await nextFrame();
  const grid = readXlsx(bytes);
  onProgress('analyze', 0.35);
  await nextFrame();
  const analysis = analyzeWorkbook(grid, { currentYear: now.getFullYear() });
  if (analysis.officeSheets.length === 0) {
    const reasons = analysis.skippedSheets.map((s) => `${s.sheet}: ${s.reason}`).join('; ');
    throw new Error(`Keine Amtsblätter gefunden (${reasons || 'die Arbeitsmappe hat keine Blätter'}).`);
  }
  onProgress('write', 0.6);
  await nextFrame();
  const sheets = buildOutputSheets(analysis, { evaluatedAt: isoDate(now) });
  const out = await writeReportWorkbook(sheets, { sourceFileName: file.name });
  onProgress('done', 1);
  return { analysis, report: new Blob([out as BlobPart], { type: XLSX_TYPE }), reportName: de.file.reportName(file.name) };
}
