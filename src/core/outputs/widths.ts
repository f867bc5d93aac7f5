import type { OutputSheet, OutTable } from '../output-model';
import { type TextStyle, textWidthPt } from './font-metrics';
import { OUTPUT_STYLE } from './style';

/**
 * Horizontal room a cell needs beside its text, in points: Excel keeps 5 px of every column for
 * padding (3.75 pt); the rest covers bold rendering and rounding to whole pixels.
 */
export const CELL_PADDING_PT = 7;
/** Height of one line of 11 pt text in a row, in points (Excel's default row height). */
export const LINE_HEIGHT_PT = 15;

const HEADER_TEXT: TextStyle = { font: 'Calibri', size: OUTPUT_STYLE.font.size, bold: true };

/** Excel's column width unit (characters of the default font's digit, 7 px each, plus 5 px padding) in points. */
export function charactersToPoints(characters: number): number {
  return ((characters * 7 + 5) * 3) / 4;
}

/** Points as the width an .xlsx file stores (`<col width>`: pixels / 7 for 11 pt Calibri). */
export function pointsToFileWidth(points: number): number {
  return Math.round(((points * 4) / 3 / 7) * 256) / 256;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Widest single word of a header in the header font: the least a column may be without breaking a word. */
export function longestWordPt(text: string, style: TextStyle = HEADER_TEXT): number {
  return Math.max(0, ...words(text).map((w) => textWidthPt(w, style)));
}

/**
 * Column widths in points for a table: each at least its designed width (in Excel characters)
 * and wide enough for the widest word of its header, so a wrapped header never breaks inside a word.
 */
export function fitWidths(header: readonly string[], designCharacters: readonly number[]): number[] {
  // whole pixels (0.75 pt), as Excel stores them
  return header.map((h, c) => Math.ceil(Math.max(charactersToPoints(designCharacters[c] ?? 10), longestWordPt(h) + CELL_PADDING_PT) / 0.75) * 0.75);
}

/**
 * A text broken into lines no wider than `widthPt` (at spaces; a single longer word stays whole),
 * for running text the sheet shows as one block of fixed width, one line per row.
 */
export function wrapLines(text: string, widthPt: number, style: TextStyle = { size: OUTPUT_STYLE.paragraph.size }): string[] {
  const space = textWidthPt(' ', style);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of words(text)) {
    const w = textWidthPt(word, style);
    if (line !== '' && used + space + w > widthPt) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line = line === '' ? word : `${line} ${word}`;
    used += (used === 0 ? 0 : space) + w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Lines a text needs in a column `widthPt` wide, wrapped at spaces the way Excel wraps. */
export function wrappedLines(text: string, widthPt: number, style: TextStyle = HEADER_TEXT): number {
  const room = Math.max(1, widthPt - CELL_PADDING_PT);
  const space = textWidthPt(' ', style);
  let lines = 1;
  let used = 0;
  for (const word of words(text)) {
    const w = textWidthPt(word, style);
    if (used > 0 && used + space + w <= room) {
      used += space + w;
      continue;
    }
    if (used > 0) lines++;
    // a word wider than the column breaks inside itself (fitWidths prevents it for headers)
    lines += Math.max(0, Math.ceil(w / room) - 1);
    used = w > room ? w % room : w;
  }
  return lines;
}

/**
 * The width of each column of a sheet in points: the widest any table asks for in that column
 * (tables sharing a column share its width; the layout keeps tables apart where that matters).
 */
export function sheetColumnWidths(sheet: OutputSheet): Map<number, number> {
  const widths = new Map<number, number>();
  for (const b of sheet.blocks) {
    if (b.kind !== 'table') continue;
    b.widthsPt?.forEach((w, c) => widths.set(b.col + c, Math.max(w, widths.get(b.col + c) ?? 0)));
  }
  return widths;
}

/** Height of a table's header row in points, for its wrapped header texts at the sheet's column widths. */
export function headerHeightPt(table: OutTable, widths: ReadonlyMap<number, number>): number {
  const lines = Math.max(1, ...table.header.map((h, c) => wrappedLines(h, widths.get(table.col + c) ?? charactersToPoints(8.43))));
  return lines * LINE_HEIGHT_PT;
}
