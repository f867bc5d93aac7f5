/**
 * The workbook as the core sees it: plain values, no library objects.
 *
 * A cell is a primitive so that 100,000 rows cost no object per cell; only Excel
 * error values (`#NV`, `#DIV/0!`, …) are objects, tagged with `kind: 'error'`.
 */
export interface CellError {
  readonly kind: 'error';
  /** The error as Excel stores it, e.g. `#N/A`. */
  readonly code: string;
}

export type Cell = string | number | boolean | null | CellError;

/** A merged area, 0-based and inclusive on every side. */
export interface MergedArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetGrid {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** `'chart'`: a chart or dialog sheet, no cells (skipped as „Diagrammblatt“); absent for worksheets. */
  readonly kind?: 'chart';
  /** rows[r][c], 0-based; rows and cells may be missing anywhere (holes read as empty): memory follows the filled cells. */
  readonly rows: readonly (readonly Cell[] | undefined)[];
  readonly merges: readonly MergedArea[];
}

/** A workbook-level defined name that refers to a single cell. */
export interface DefinedName {
  readonly name: string;
  readonly sheet: string;
  /** Plain A1 address, without `$`. */
  readonly cell: string;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  readonly definedNames: readonly DefinedName[];
}

export function isCellError(cell: Cell | undefined): cell is CellError {
  return typeof cell === 'object' && cell !== null;
}

export function cellAt(sheet: SheetGrid, row: number, col: number): Cell {
  return sheet.rows[row]?.[col] ?? null;
}

/** Rows up to this length are walked index by index; longer ones hold a far-out cell and are walked by their existing cells. */
const DENSE_ROW = 1024;

/**
 * Visits the filled cells of a row left to right; `visit` returning false stops. Rows are
 * sparse (SheetGrid): a row whose only far cell is in column XFD costs its filled cells, not
 * 16,384 steps, so loops over a row's cells belong here rather than over `row.length`.
 */
export function forEachCell(row: readonly Cell[], visit: (cell: Cell, col: number) => boolean | void): void {
  if (row.length <= DENSE_ROW) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell !== undefined && cell !== null && visit(cell, c) === false) return;
    }
    return;
  }
  for (const key in row) {
    const c = Number(key);
    const cell = row[c];
    if (cell !== undefined && cell !== null && visit(cell, c) === false) return;
  }
}

/** The column of the leftmost filled cell (from column `from` on) for which `test` holds, or -1; walks only the filled cells ({@link forEachCell}). */
export function findCell(row: readonly Cell[], test: (cell: Cell, col: number) => boolean, from = 0): number {
  let found = -1;
  forEachCell(row, (cell, col) => {
    if (col < from || !test(cell, col)) return true;
    found = col;
    return false;
  });
  return found;
}

/** The cell as text the user would recognise (`''` for empty). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'WAHR' : 'FALSCH';
  return cell.code;
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

const LETTERS: string[] = [];

/** 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetters(col: number): string {
  return col < 64 ? (LETTERS[col] ??= lettersOf(col)) : lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → `B7`. */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** `B7` (or `$B$7`) → 0-based row and column; undefined for anything else. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  // hand-rolled: the reader calls this once per cell
  let i = 0;
  const n = address.length;
  if (address.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < n; i++, letters++) {
    const c = address.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (letters === 0 || letters > 3) return undefined;
  if (address.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++, digits++) {
    const d = address.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  if (digits === 0 || digits > 7 || row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/**
 * The grid with every merged value copied into each cell of its area, so a vertically
 * merged office or service name names every row it spans (SPEC §2). Areas are cut to the
 * used range (the rows and columns that hold something) and only the rows they touch are
 * copied, so a merged area A1:XFD1048576 costs no more than the cells already there.
 */
export function withMergesApplied(sheet: SheetGrid): SheetGrid {
  if (sheet.merges.length === 0) return sheet;
  let lastCol = -1;
  sheet.rows.forEach((r) => {
    if (r && r.length - 1 > lastCol) lastCol = r.length - 1;
  });
  const lastRow = sheet.rows.length - 1;
  const rows: (Cell[] | undefined)[] = sheet.rows.slice() as (Cell[] | undefined)[];
  const copied = new Set<number>();
  for (const m of sheet.merges) {
    const value = sheet.rows[m.top]?.[m.left] ?? null;
    if (value === null) continue;
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
      let row = rows[r];
      if (!copied.has(r)) {
        row = rows[r] = row ? copyRow(row) : [];
        copied.add(r);
      }
      for (let c = m.left; c <= Math.min(m.right, lastCol); c++) if (r !== m.top || c !== m.left) row![c] = value;
    }
  }
  return { ...sheet, rows };
}

/** A copy of a row that stays sparse: a row with a far-out cell is not filled up to it. */
function copyRow(row: readonly Cell[]): Cell[] {
  if (row.length <= 1024) return row.slice();
  const copy: Cell[] = [];
  for (const k in row) copy[Number(k)] = row[Number(k)]!;
  return copy;
}
