import { writeReportWorkbook } from '../adapters/xlsx/writer';
import type { FileLink } from '../core/outputs';
import { type Evaluation, reportSheets } from '../core/report';

/**
 * Where Prüfhinweise links point: one input file beside the report (`sourceFileName`), or with
 * several files each file's path relative to the report (`fileLink`).
 */
export type ReportLinks = { readonly sourceFileName: string } | { readonly fileLink: FileLink };

/** Builds the report workbook (SPEC §5): the output sheets, rendered by ExcelJS, chart included. */
export async function buildReport(evaluation: Evaluation, opts: { readonly evaluatedAt: string } & ReportLinks): Promise<Uint8Array> {
  const { evaluatedAt } = opts;
  const fileLink = 'fileLink' in opts ? opts.fileLink : undefined;
  const sheets = reportSheets(evaluation, { evaluatedAt, ...(fileLink ? { fileLink } : {}) });
  return writeReportWorkbook(sheets, { evaluatedAt, ...('sourceFileName' in opts ? { sourceFileName: opts.sourceFileName } : {}) });
}
