import { writeReportWorkbook } from '../adapters/xlsx-writer';
import { type Evaluation, reportSheets } from '../core/report';

/** Builds the report workbook (SPEC §5): the output sheets, rendered by ExcelJS, chart included. */
export async function buildReport(evaluation: Evaluation, opts: { evaluatedAt: string; sourceFileName: string }): Promise<Uint8Array> {
  return writeReportWorkbook(reportSheets(evaluation, { evaluatedAt: opts.evaluatedAt }), { sourceFileName: opts.sourceFileName, evaluatedAt: opts.evaluatedAt });
}
