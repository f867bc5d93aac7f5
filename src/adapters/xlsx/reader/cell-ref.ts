import { MAX_COLS, MAX_ROWS, READ_ERRORS, corrupt, tooLarge } from './errors';
import { textOf } from './xml-scan';

/** A 0-based cell position. */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/**
 * `B7` → 0-based position. Refuses (WorkbookError) a reference beyond Excel's sheet
 * (`XFE1`, `A1048577`) or one that is no cell reference at all.
 */
export function cellRef(ref: string, sheet: string): CellPos {
  const n = ref.length;
  let i = 0;
  let col = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    if (col > MAX_COLS) throw tooLarge(READ_ERRORS.cellBeyond(sheet, ref));
  }
  const letters = i;
  let row = 0;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
    if (row > MAX_ROWS) throw tooLarge(READ_ERRORS.cellBeyond(sheet, ref));
  }
  if (letters === 0 || i === letters || i !== n || row === 0) throw corrupt(READ_ERRORS.badRef(sheet, ref));
  return { row: row - 1, col: col - 1 };
}

/** The column of the cell reference `source[from, to)`, checked like `cellRef`; fast path for plain `B7`. */
export function cellColumn(source: Uint8Array, from: number, to: number, sheet: string): number {
  let i = from;
  let col = 0;
  for (; i < to && i - from < 3; i++) {
    const c = source[i]!;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const letters = i - from;
  let row = 0;
  for (; i < to && i - from - letters < 7; i++) {
    const d = source[i]! - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (letters === 0 || i !== to || i === from + letters || row === 0 || row > MAX_ROWS || col > MAX_COLS) {
    return cellRef(textOf(source, from, to, false), sheet).col;
  }
  return col - 1;
}

/** The `<row r>` number written in `source[from, to)` as a 0-based index, checked like `rowNumber`; fast path for plain digits. */
export function rowIndexAt(source: Uint8Array, from: number, to: number, sheet: string): number {
  let row = 0;
  let i = from;
  for (; i < to && i - from < 8; i++) {
    const d = source[i]! - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (i === to && i > from && row >= 1 && row <= MAX_ROWS) return row - 1;
  return rowNumber(textOf(source, from, to, false), sheet);
}

/** A `<row r>` number (1-based) as a 0-based index; refuses one beyond Excel's last row. */
export function rowNumber(text: string, sheet: string): number {
  let row = 0;
  let i = 0;
  for (; i < text.length && i < 8; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  if (i === text.length && row >= 1 && row <= MAX_ROWS) return row - 1;
  const digits = text.trim();
  if (!/^\d+$/.test(digits)) throw corrupt(READ_ERRORS.badRef(sheet, text));
  const value = digits.replace(/^0+/, '');
  if (value.length > 7 || Number(value) > MAX_ROWS) throw tooLarge(READ_ERRORS.rowBeyond(sheet, digits));
  if (value === '') throw corrupt(READ_ERRORS.badRef(sheet, text));
  return Number(value) - 1;
}

/** `A1:C3` (or `A1`) → corners, top-left first; refuses references beyond Excel's sheet. */
export function areaRef(ref: string, sheet: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b, extra] = ref.trim().split(':');
  if (a === undefined || extra !== undefined) throw corrupt(READ_ERRORS.badRef(sheet, ref));
  const from = cellRef(a.replace(/\$/g, ''), sheet);
  const to = b === undefined ? from : cellRef(b.replace(/\$/g, ''), sheet);
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}
