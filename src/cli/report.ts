import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { relativeLinkFile, writeReportWorkbook } from '../adapters/xlsx/writer';
import type { FileLink } from '../core/outputs';
import { type Evaluation, reportSheets } from '../core/report';
import type { InputFile } from './inputs';

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

/**
 * Where Prüfhinweise links to a file's cells point from the report: the input's path relative
 * to the report's folder (`../Amtsdateien/Jugendamt.xlsx`), never an absolute or network path,
 * and no link where no such path exists (another drive) or a part of it is no plain name.
 */
export function relativeFileLinks(files: readonly InputFile[], reportPath: string): (name: string) => string | undefined {
  const from = dirname(resolve(reportPath));
  const byName = new Map(files.map((f) => [f.name, f.path]));
  return (name) => {
    const path = byName.get(name);
    if (path === undefined) return undefined;
    const rel = relative(from, resolve(path));
    if (rel === '' || isAbsolute(rel)) return undefined;
    const parts = rel.split(sep);
    return parts.every((part) => part === '..' || relativeLinkFile(part) !== undefined) ? parts.join('/') : undefined;
  };
}
