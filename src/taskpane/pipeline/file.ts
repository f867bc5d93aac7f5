import { readXlsx } from '../../adapters/xlsx-reader';
import { writeReportWorkbook } from '../../adapters/xlsx-writer';
import type { CatalogImport } from '../../core/catalog';
import { evaluateWorkbook, reportSheets } from '../../core/report';
import { noOfficeSheetMessage } from '../../core/no-office-sheet';
import type { WorkbookSource } from '../../core/sources';
import { de } from '../../i18n/de';
import type { FileResult, OnProgress } from '../types';
import { isoDate, nextFrame } from './shared';
import { readFileSources } from './sources';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * File mode's pipeline (SPEC §7, §10), the CLI's: read the .xlsx files, evaluate them together
 * (with the loaded catalogue, else the one kept in a workbook), and write the same output sheets
 * into a new report workbook. One file that cannot be read ends the run with its message; of
 * several, it is listed as skipped (FILE_SKIPPED). Inputs are never changed; files picked in a
 * browser have no path, so Prüfhinweise link no cell of several files. Loaded lazily as its own chunk.
 */
export async function evaluateFile(files: readonly File[], onProgress: OnProgress, catalog?: CatalogImport, now: Date = new Date()): Promise<FileResult> {
  const first = files[0];
  if (!first) throw new Error(de.file.noneChosen);
  onProgress('read', 0.05);
  let sources: WorkbookSource[];
  if (files.length === 1) {
    const bytes = new Uint8Array(await first.arrayBuffer());
    await nextFrame();
    sources = [{ kind: 'workbook', file: first.name, workbook: readXlsx(bytes) }];
  } else {
    sources = await readFileSources(files, (done) => onProgress('read', 0.05 + (0.3 * done) / files.length));
  }
  onProgress('analyze', 0.35);
  await nextFrame();
  const evaluation = evaluateWorkbook(sources, { currentYear: now.getFullYear(), ...(catalog ? { catalog } : {}) });
  const { analysis } = evaluation;
  const none = noOfficeSheetMessage(analysis, evaluation.sources);
  if (none !== undefined) throw new Error(none);
  onProgress('write', 0.6);
  await nextFrame();
  const evaluatedAt = isoDate(now);
  const links = files.length === 1 ? { sourceFileName: first.name } : {};
  const out = await writeReportWorkbook(reportSheets(evaluation, { evaluatedAt }), { ...links, evaluatedAt });
  onProgress('done', 1);
  const reportName = files.length === 1 ? de.file.reportName(first.name) : de.file.reportNameSeveral;
  return { ...evaluation, report: new Blob([out as BlobPart], { type: XLSX_TYPE }), reportName };
}
