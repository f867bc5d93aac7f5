import { type Cell, type SheetGrid, cellAt, findCell, forEachCell } from './grid';
import { dropTrailingMark, fold, foldedStartTest, isBlank } from './fold';

/** What a header cell says its column holds (SPEC §2). `year` is set where the header names one. */
export type ColumnRole =
  | { readonly kind: 'key' }
  | { readonly kind: 'name' }
  | { readonly kind: 'status'; readonly year?: number }
  | { readonly kind: 'reifegrad'; readonly year?: number }
  | { readonly kind: 'year' }
  | { readonly kind: 'office' }
  | { readonly kind: 'remark' }
  | { readonly kind: 'online' };

export interface HeaderColumn {
  readonly col: number;
  /** Row of the header cell that names the column (the year row of a two-row header). */
  readonly headerRow: number;
  readonly role: ColumnRole;
}

/** A table of an office sheet: its header and the rows below it up to the next table. */
export interface TableHeader {
  /** First header row, 0-based. */
  readonly headerRow: number;
  /** First data row, 0-based (headerRow + 1, or + 2 under a two-row header). */
  readonly firstDataRow: number;
  readonly columns: readonly HeaderColumn[];
  readonly twoRow: boolean;
}

const KEY_ALIASES = aliasSet(['LeiKa-Schlüssel', 'LeiKa-Nr.', 'LeiKa-Nummer', 'LeiKa-ID', 'LeiKa', 'Leistungsschlüssel', 'Schlüssel']);
const NAME_ALIASES = aliasSet(['Leistung', 'Leistungsbezeichnung', 'Bezeichnung', 'Dienstleistung', 'Verwaltungsleistung', 'Leistungsname']);
const STATUS_ALIASES = ['Umsetzungsstatus', 'Status', 'Digitalisierungsstatus', 'Digitalisierungsstand', 'Stand'].map(fold);
const REIFEGRAD_ALIASES = ['Reifegrad', 'OZG-Reifegrad'].map(fold);
const YEAR_ALIASES = aliasSet(['Jahr', 'Berichtsjahr']);
const OFFICE_ALIASES = aliasSet(['Amt', 'Organisationseinheit', 'OE', 'Dienststelle']);
const REMARK_ALIASES = aliasSet(['Bemerkung', 'Bemerkungen']);
const ONLINE_ALIASES = aliasSet(['Online-Dienst', 'URL', 'Link']);

const STATUS_SET = new Set(STATUS_ALIASES);
const REIFEGRAD_SET = new Set(REIFEGRAD_ALIASES);
// `Status (2023)`, `Stand: 2024`, `Umsetzungsstatus - 2024` (the hyphen folds to a space)
const WITH_YEAR = new RegExp(`^(${[...STATUS_ALIASES, ...REIFEGRAD_ALIASES].join('|')}) ?:? ?[([]? ?(20\\d\\d) ?[)\\]]?$`);
// a trailing remark in parentheses: `LeiKa-Schlüssel (14-stellig)`, `Reifegrad (0–4)`
const REMARK = / ?\(([^()]*)\)$/;
const YEAR_TEXT = /^20\d\d$/;
const ISO_DATE = /^(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function aliasSet(values: readonly string[]): ReadonlySet<string> {
  return new Set(values.map(fold));
}

/** A year 2000–2099 as a number or as text (`2024`, `2024.`), else undefined. */
export function yearOf(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 2000 && cell <= 2099 ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const f = fold(cell);
  return YEAR_TEXT.test(f) ? Number(f) : undefined;
}

/**
 * The year a Jahr cell of the long format names: a year as {@link yearOf} reads it, or a date
 * (the grid carries dates as ISO `YYYY-MM-DD`) in 2000–2099.
 */
export function jahrOf(cell: Cell | undefined): number | undefined {
  const year = yearOf(cell);
  if (year !== undefined || typeof cell !== 'string') return year;
  const m = ISO_DATE.exec(cell.trim());
  return m ? Number(m[1]) : undefined;
}

/** The folded header text without a trailing remark in parentheses that is not a year. */
function withoutRemark(folded: string): string {
  const m = REMARK.exec(folded);
  if (!m || YEAR_TEXT.test((m[1] ?? '').trim())) return folded;
  return dropTrailingMark(folded.slice(0, m.index).trimEnd());
}

/** The role a header cell names, or undefined when it names none. */
export function headerRole(cell: Cell | undefined): ColumnRole | undefined {
  const year = yearOf(cell);
  if (year !== undefined) return { kind: 'status', year };
  if (typeof cell !== 'string') return undefined;
  const f = withoutRemark(fold(cell));
  if (f === '') return undefined;
  if (KEY_ALIASES.has(f)) return { kind: 'key' };
  if (NAME_ALIASES.has(f)) return { kind: 'name' };
  if (STATUS_SET.has(f)) return { kind: 'status' };
  if (REIFEGRAD_SET.has(f)) return { kind: 'reifegrad' };
  if (YEAR_ALIASES.has(f)) return { kind: 'year' };
  if (OFFICE_ALIASES.has(f)) return { kind: 'office' };
  if (REMARK_ALIASES.has(f)) return { kind: 'remark' };
  if (ONLINE_ALIASES.has(f)) return { kind: 'online' };
  const m = WITH_YEAR.exec(f);
  if (m && m[1] !== undefined && m[2] !== undefined) {
    const kind = REIFEGRAD_SET.has(m[1]) ? 'reifegrad' : 'status';
    return { kind, year: Number(m[2]) };
  }
  return undefined;
}

function isStatusSource(role: ColumnRole): role is Extract<ColumnRole, { kind: 'status' | 'reifegrad' }> {
  return role.kind === 'status' || role.kind === 'reifegrad';
}

/**
 * Reads row `r` as a header row. A header row has a key or name column and a status
 * source (status, year status or Reifegrad). A status alias over cells that hold only
 * years in the row below makes a two-row header. `sheet` must have merges applied.
 */
export function readHeaderRow(sheet: SheetGrid, r: number): TableHeader | undefined {
  const row = sheet.rows[r];
  if (!row) return undefined;
  // only the filled cells: a row may also hold a value in column XFD
  const roles: { col: number; role: ColumnRole }[] = [];
  let service = false;
  let status = false;
  forEachCell(row, (cell, col) => {
    const role = headerRole(cell);
    if (!role) return;
    roles.push({ col, role });
    if (role.kind === 'key' || role.kind === 'name') service = true;
    else if (isStatusSource(role)) status = true;
  });
  if (!service || !status) return undefined;

  const columns: HeaderColumn[] = [];
  let twoRow = false;
  let spanned = -1;
  for (const { col: c, role } of roles) {
    if (c <= spanned) continue;
    if (isStatusSource(role) && role.year === undefined) {
      const below = yearsBelow(sheet, r, c);
      if (below) {
        twoRow = true;
        for (const { col, year } of below.years) columns.push({ col, headerRow: r + 1, role: { kind: role.kind, year } });
        // the merged alias repeats over the spanned cells (also over a column kept free for next year)
        spanned = below.right;
        continue;
      }
    }
    columns.push({ col: c, headerRow: r, role });
  }
  // header cells merged down over further rows make those rows part of the header too
  let firstDataRow = twoRow ? r + 2 : r + 1;
  for (const m of sheet.merges) {
    if (m.top === r && m.bottom >= firstDataRow && columns.some((col) => col.col >= m.left && col.col <= m.right)) firstDataRow = m.bottom + 1;
  }
  return { headerRow: r, firstDataRow, columns, twoRow };
}

/**
 * Where the status alias at (r, c) spans columns whose cells in row r + 1 hold only
 * years (or are empty), those columns and years and the span's right edge; else undefined. The span is the merged area at
 * (r, c), or c and the empty header cells right of it.
 */
function yearsBelow(sheet: SheetGrid, r: number, c: number): { years: { col: number; year: number }[]; right: number } | undefined {
  const merge = sheet.merges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
  let right = c;
  if (merge && merge.bottom === r) right = merge.right;
  else if (!merge) while (isBlank(cellAt(sheet, r, right + 1)) && yearOf(cellAt(sheet, r + 1, right + 1)) !== undefined) right++;
  const found: { col: number; year: number }[] = [];
  for (let col = c; col <= right; col++) {
    const below = cellAt(sheet, r + 1, col);
    if (isBlank(below)) continue;
    const year = yearOf(below);
    if (year === undefined) return undefined;
    found.push({ col, year });
  }
  return found.length > 0 ? { years: found, right } : undefined;
}

/** Rows searched for the first header row of a sheet (SPEC §2). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Every table of a sheet: the first header row among the first 30 rows, and each
 * further header row below it. `sheet` must have merges applied.
 */
export function findTables(sheet: SheetGrid): TableHeader[] {
  const tables: TableHeader[] = [];
  const end = sheet.rows.length;
  for (let r = 0; r < end; r++) {
    if (tables.length === 0 && r >= HEADER_SEARCH_ROWS) break;
    if (!mayBeHeader(sheet.rows[r])) continue;
    const header = readHeaderRow(sheet, r);
    if (!header) continue;
    tables.push(header);
    r = header.firstDataRow - 1;
  }
  return tables;
}

const KEY_OR_NAME_START = foldedStartTest([...KEY_ALIASES, ...NAME_ALIASES], 'value');

/** Cheap pre-check: a header row has a text cell naming the key or name column. */
function mayBeHeader(row: readonly Cell[] | undefined): boolean {
  if (!row) return false;
  const at = findCell(row, (cell) => {
    // most data cells fail the raw-text test; the folded value decides
    if (typeof cell !== 'string' || !KEY_OR_NAME_START.test(cell)) return false;
    const f = withoutRemark(fold(cell));
    return KEY_ALIASES.has(f) || NAME_ALIASES.has(f);
  });
  return at >= 0;
}
