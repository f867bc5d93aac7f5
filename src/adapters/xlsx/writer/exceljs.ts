/*
 * ExcelJS behind one module: the only one that imports it. The writer renders cells, styles
 * and tables through ExcelJS's object model (the types below), has it write the package, then
 * adds what ExcelJS cannot write to the package itself (../package/).
 *
 * The ExcelJS internals the writer relies on are here too, each checked for the shape it had
 * in exceljs 4.4 (tests/exceljs-internals.test.ts runs them against the installed version):
 * the defined-name model (the public API can add and remove names, but not list them), a
 * worksheet's `orderNo` (where a replaced sheet goes; not in the typings), and the names of a
 * sheet's tables (`getTables()` is typed as pairs it does not return).
 */
import ExcelJS from 'exceljs';

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type CellValue = ExcelJS.CellValue;
export type Border = ExcelJS.Border;
export type Borders = ExcelJS.Borders;
export type Fill = ExcelJS.Fill;
export type Font = ExcelJS.Font;

/** An empty ExcelJS workbook. */
export function newWorkbook(): Workbook {
  return new ExcelJS.Workbook();
}

/**
 * The package as ExcelJS writes it, its entries stored, not compressed: fflate compresses
 * once (faster) and with fixed entry timestamps (../package/zip.ts).
 */
export async function writeStoredPackage(wb: Workbook): Promise<Uint8Array> {
  const options = { useSharedStrings: true, zip: { compression: 'STORE' } };
  const buffer = await wb.xlsx.writeBuffer(options as Partial<ExcelJS.XlsxWriteOptions>);
  return new Uint8Array(buffer as ArrayBuffer);
}

/** ExcelJS no longer has the shape this module expects (after an upgrade): a defect, not user data. */
export class ExcelJsInternalsError extends Error {
  override name = 'ExcelJsInternalsError';
}

export interface DefinedNameModel {
  readonly name: string;
  readonly ranges: readonly string[];
}

/** Every workbook-level defined name with its ranges (`'Sheet'!$A$1`). */
export function definedNameModels(wb: ExcelJS.Workbook): DefinedNameModel[] {
  const model: unknown = wb.definedNames.model;
  if (!Array.isArray(model)) throw new ExcelJsInternalsError('exceljs: definedNames.model is no array');
  return model.map((entry: unknown) => {
    const e = entry as { name?: unknown; ranges?: unknown };
    if (typeof e.name !== 'string' || !Array.isArray(e.ranges) || !e.ranges.every((r) => typeof r === 'string')) {
      throw new ExcelJsInternalsError('exceljs: a defined name lacks name or ranges');
    }
    return { name: e.name, ranges: e.ranges as string[] };
  });
}

type Ordered = { orderNo?: unknown };

/** The sheet's place in the workbook as ExcelJS writes it (its `orderNo`). */
export function worksheetOrder(ws: ExcelJS.Worksheet): number {
  const order = (ws as unknown as Ordered).orderNo;
  if (typeof order !== 'number') throw new ExcelJsInternalsError('exceljs: worksheet.orderNo is no number');
  return order;
}

/** Puts the sheet at `order` (from worksheetOrder of another sheet), e.g. where a replaced one was. */
export function setWorksheetOrder(ws: ExcelJS.Worksheet, order: number): void {
  worksheetOrder(ws);
  (ws as unknown as Ordered).orderNo = order;
}

/** Names of the Excel tables on the sheet. */
export function tableNamesOf(ws: ExcelJS.Worksheet): string[] {
  return (ws.getTables() as unknown[]).map((t) => {
    const table = t as { name?: unknown; table?: { name?: unknown } };
    const name = table.table?.name ?? table.name;
    if (typeof name !== 'string') throw new ExcelJsInternalsError('exceljs: a table has no name');
    return name;
  });
}
