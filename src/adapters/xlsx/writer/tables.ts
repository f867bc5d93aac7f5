/**
 * Excel tables (ListObjects) through ExcelJS. A table that is the lowest block of its sheet
 * gets only empty sample rows here, one per style its body needs; the body itself is
 * generated into the package (table-body.ts).
 */
import { a1 } from '../../../core/grid';
import type { OutputSheet, OutTable, OutValue } from '../../../core/output-model';
import { OUTPUT_STYLE } from '../../../core/outputs/style';
import { cellValue, fitHeaderHeight, formatOf, LINK_FONT, uniformFormat } from './cells';
import { tableNamesOf, type CellValue, type Workbook, type Worksheet } from './exceljs';
import { linkTarget, type LinkMode } from './links';
import type { PackageAdditions } from './sheet';

/** Names of every Excel table of the workbook, lower case (table names are unique ignoring case). */
export function tableNames(wb: Workbook): Set<string> {
  return new Set(wb.worksheets.flatMap((ws) => tableNamesOf(ws).map((n) => n.toLowerCase())));
}

/** An Excel table (ListObject) with filter buttons; keys and other text columns formatted as text. */
export function renderExcelTable(
  ws: Worksheet,
  table: OutTable,
  name: string,
  mode: LinkMode,
  add: PackageAdditions,
  bodyInPackage: boolean,
  widths: ReadonlyMap<number, number>,
): void {
  const formats = table.header.map((_, c) => uniformFormat(table, c));
  formats.forEach((f, c) => {
    if (f !== undefined) ws.getColumn(table.col + c + 1).numFmt = f;
  });
  if (bodyInPackage && table.rows.length > 0) {
    renderExcelTableShell(ws, table, name, formats, mode, add);
  } else {
    // An Excel table needs at least one body row; an empty one stands for "no entries".
    const rows: CellValue[][] =
      table.rows.length === 0 ? [table.header.map(() => null)] : table.rows.map((values) => table.header.map((_, c) => cellValue(values[c] ?? { kind: 'empty' })));
    addTable(ws, table, name, rows);
    table.rows.forEach((values, r) => {
      values.forEach((value, c) => {
        const format = formats[c] === undefined ? formatOf(value) : undefined;
        const link = linkTarget(value, mode);
        if (format === undefined && link === undefined) return;
        const cell = ws.getCell(table.row + 2 + r, table.col + c + 1);
        if (format !== undefined) cell.numFmt = format;
        if (link) {
          cell.font = LINK_FONT;
          add.links.push({ sheet: ws.name, ref: cell.address, ...link });
        }
      });
    });
  }
  const headerRow = ws.getRow(table.row + 1);
  table.header.forEach((_, c) => {
    headerRow.getCell(table.col + c + 1).alignment = { wrapText: true, vertical: 'middle' };
  });
  fitHeaderHeight(ws, table, widths);
}

function addTable(ws: Worksheet, table: OutTable, name: string, rows: CellValue[][]): void {
  ws.addTable({
    name,
    ref: a1(table.row, table.col),
    headerRow: true,
    totalsRow: false,
    style: { theme: OUTPUT_STYLE.tableStyle, showRowStripes: true },
    columns: table.header.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
}

const LINK_KEY = '|link';

/**
 * The Excel table with empty sample rows instead of its body: sample row k of column c
 * carries the k-th distinct style that column's body needs, so ExcelJS registers every
 * style; the body itself is generated into the package (table-body.ts).
 */
function renderExcelTableShell(
  ws: Worksheet,
  table: OutTable,
  name: string,
  formats: readonly (string | undefined)[],
  mode: LinkMode,
  add: PackageAdditions,
): void {
  const width = table.header.length;
  // A cell's style is its number format (the column's, else its own) and whether it is a link.
  const keyOf = (value: OutValue, c: number): string => (formats[c] ?? formatOf(value) ?? '') + (linkTarget(value, mode) !== undefined ? LINK_KEY : '');
  const keys = table.header.map(() => new Set<string>());
  table.rows.forEach((values, r) => {
    for (let c = 0; c < width; c++) {
      const value = values[c];
      if (value === undefined || value.kind === 'empty' || ((value.kind === 'text' || value.kind === 'link') && value.text === '')) continue;
      keys[c]?.add(keyOf(value, c));
      const link = linkTarget(value, mode);
      if (link) add.links.push({ sheet: ws.name, ref: a1(table.row + 1 + r, table.col + c), ...link });
    }
  });
  const sampleKeys = keys.map((k) => [...k]);
  const samples = Math.max(1, ...sampleKeys.map((k) => k.length));
  addTable(
    ws,
    table,
    name,
    Array.from({ length: samples }, () => table.header.map(() => null)),
  );
  sampleKeys.forEach((list, c) => {
    list.forEach((key, k) => {
      const cell = ws.getCell(table.row + 2 + k, table.col + c + 1);
      const link = key.endsWith(LINK_KEY);
      const format = link ? key.slice(0, -LINK_KEY.length) : key;
      if (format !== '') cell.numFmt = format;
      if (link) cell.font = LINK_FONT;
    });
  });
  add.bodies.push({ sheet: ws.name, table: name, row: table.row, col: table.col, width, rows: table.rows, sampleKeys, keyOf });
}

/** Whether every other block of the sheet lies above `table`, so its body rows are its own. */
export function isLowestBlock(output: OutputSheet, table: OutTable): boolean {
  return output.blocks.every((b) => {
    if (b === table || b.kind === 'chart') return true;
    const lastRow = b.kind === 'text' ? b.row : b.row + Math.max(1, b.rows.length);
    return lastRow < table.row;
  });
}

