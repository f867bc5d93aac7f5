/**
 * Cells and their styles through ExcelJS: values, number formats, fonts, borders and fills
 * of texts and plain tables, all from the one style definition of SPEC §5
 * (core/outputs/style.ts).
 */
import type { OutTable, OutText, OutValue } from '../../../core/output-model';
import { DATE_FORMAT, NUMBER_FORMATS, OUTPUT_STYLE, TEXT_FORMAT } from '../../../core/outputs/style';
import { headerHeightPt, LINE_HEIGHT_PT } from '../../../core/outputs/widths';
import type { Border, Borders, CellValue, Fill, Font, Worksheet } from './exceljs';
import { linkTarget, type LinkMode } from './links';
import type { PackageAdditions } from './sheet';

/** An ExcelJS colour from a style colour (`RRGGBB`, opaque). */
export const argb = (rgb: string): { argb: string } => ({ argb: `FF${rgb}` });
const THIN: Partial<Border> = { style: 'thin', color: argb(OUTPUT_STYLE.border.color) };
const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TOTAL_BOX: Partial<Borders> = { ...BOX, top: { style: 'medium', color: argb(OUTPUT_STYLE.totalBorder.color) } };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: argb(OUTPUT_STYLE.header.fill) };
// A font always names its face and size: a viewer without them falls back to its own default.
export const BASE_FONT: Partial<Font> = { name: OUTPUT_STYLE.font.name, size: OUTPUT_STYLE.font.size };
export const LINK_FONT: Partial<Font> = { ...BASE_FONT, color: argb(OUTPUT_STYLE.link.color), underline: OUTPUT_STYLE.link.underline };
const TEXT_FONTS: Readonly<Record<OutText['style'], Partial<Font>>> = {
  title: { ...BASE_FONT, bold: OUTPUT_STYLE.title.bold, size: OUTPUT_STYLE.title.size },
  subtitle: { ...BASE_FONT, bold: OUTPUT_STYLE.subtitle.bold, size: OUTPUT_STYLE.subtitle.size },
  note: { ...BASE_FONT, italic: OUTPUT_STYLE.note.italic, size: OUTPUT_STYLE.note.size, color: argb(OUTPUT_STYLE.note.color) },
  paragraph: { ...BASE_FONT, size: OUTPUT_STYLE.paragraph.size },
};

/** The ExcelJS value of an output value. */
export function cellValue(value: OutValue): CellValue {
  switch (value.kind) {
    case 'empty':
      return null;
    case 'text':
    case 'link':
      // A plain JS string is stored as a shared string: `=1+1` stays text, never a formula.
      return value.kind === 'text' ? (value.text === '' ? null : value.text) : value.text;
    case 'number':
      return value.value;
    case 'date':
      return new Date(value.iso.length === 10 ? `${value.iso}T00:00:00Z` : value.iso);
  }
}

/** The number format code of an output value (text is `@`); none for an empty cell. */
export function formatOf(value: OutValue): string | undefined {
  if (value.kind === 'number') return NUMBER_FORMATS[value.format];
  if (value.kind === 'text' || value.kind === 'link') return TEXT_FORMAT;
  if (value.kind === 'date') return DATE_FORMAT;
  return undefined;
}

/** The one number format every body cell of column `c` shares, if any (empty cells ignored). */
export function uniformFormat(table: OutTable, c: number): string | undefined {
  let format: string | undefined;
  for (const row of table.rows) {
    const v = row[c];
    if (v === undefined || v.kind === 'empty') continue;
    const f = formatOf(v);
    if (format === undefined) format = f;
    else if (f !== format) return undefined;
  }
  return format;
}

/** A title, subtitle, note or paragraph in its cell. */
export function renderText(ws: Worksheet, block: OutText): void {
  const cell = ws.getCell(block.row + 1, block.col + 1);
  cell.value = block.text;
  cell.numFmt = TEXT_FORMAT;
  cell.font = TEXT_FONTS[block.style];
}

/** A plain range for pasting into Word: borders, bold header and total row, German formats. */
export function renderPlainTable(ws: Worksheet, table: OutTable, mode: LinkMode, add: PackageAdditions, widths: ReadonlyMap<number, number>): void {
  const header = ws.getRow(table.row + 1);
  table.header.forEach((h, c) => {
    const cell = header.getCell(table.col + c + 1);
    cell.value = h;
    cell.numFmt = TEXT_FORMAT;
    cell.font = { ...BASE_FONT, bold: OUTPUT_STYLE.header.bold };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c === 0 ? 'left' : 'center' };
  });
  fitHeaderHeight(ws, table, widths);
  table.rows.forEach((values, r) => {
    const isTotal = table.totalRow && r === table.rows.length - 1;
    const row = ws.getRow(table.row + 2 + r);
    for (let c = 0; c < table.header.length; c++) {
      const value = values[c] ?? { kind: 'empty' };
      const cell = row.getCell(table.col + c + 1);
      cell.value = cellValue(value);
      const format = formatOf(value);
      if (format !== undefined) cell.numFmt = format;
      cell.border = isTotal ? TOTAL_BOX : BOX;
      if (isTotal) cell.font = { ...BASE_FONT, bold: OUTPUT_STYLE.total.bold };
      const link = linkTarget(value, mode);
      if (link) {
        cell.font = { ...LINK_FONT, bold: isTotal };
        add.links.push({ sheet: ws.name, ref: cell.address, ...link });
      }
    }
  });
}

/** Viewers do not grow rows for wrapped text on their own (LibreOffice keeps 15 pt), so set the height. */
export function fitHeaderHeight(ws: Worksheet, table: OutTable, widths: ReadonlyMap<number, number>): void {
  const height = headerHeightPt(table, widths);
  const row = ws.getRow(table.row + 1);
  if (height > LINE_HEIGHT_PT) row.height = Math.max(row.height ?? 0, height);
}

