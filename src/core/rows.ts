import type { Classifier } from './classify';
import { type TableColumns, tableColumns } from './columns';
import { fold, foldedStartTest, isBlank } from './fold';
import { type Cell, type SheetGrid, cellText } from './grid';
import type { TableHeader } from './header';
import { readKey } from './key';
import { type MergeIndex, spansColumns } from './merge-index';

/** What a row below a table header is (SPEC §2, §4 rule 1). Cells are 0-based. */
export type RowReading =
  | { readonly kind: 'service' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'totals'; readonly row: number; readonly col: number; readonly text: string }
  | { readonly kind: 'heading'; readonly row: number; readonly col: number }
  | { readonly kind: 'status-only'; readonly col: number };

const SERVICE: RowReading = { kind: 'service' };
const BLANK: RowReading = { kind: 'blank' };

const TOTALS_WORDS = new Set(['Summe', 'Gesamt', 'Gesamtsumme', 'Insgesamt', 'Anzahl', 'Zwischensumme', 'Ergebnis', 'Gesamtergebnis'].map(fold));
// every totals word, folded, begins with one of these
const TOTALS_START = foldedStartTest(['sum', 'ges', 'ins', 'anz', 'zwi', 'erg']);

/** `whole` for a cell that folds to a totals word, `prefix` for one that begins with a totals word and a space. */
function totalsWord(cell: Cell): 'whole' | 'prefix' | undefined {
  if (typeof cell !== 'string' || !TOTALS_START.test(cell)) return undefined;
  const f = fold(cell);
  if (TOTALS_WORDS.has(f)) return 'whole';
  const space = f.indexOf(' ');
  return space > 0 && TOTALS_WORDS.has(f.slice(0, space)) ? 'prefix' : undefined;
}

/**
 * The row's cell in column `c` as a key, name or status: empty inside a merged area that
 * spans columns (SPEC §2), else the cell with merges applied.
 */
export function roleCell(row: readonly Cell[], r: number, c: number | undefined, merges: MergeIndex): Cell {
  if (c === undefined) return null;
  const cell = row[c] ?? null;
  return cell !== null && spansColumns(merges.areaAt(r, c)) ? null : cell;
}

/** Reads row `r` (merges applied) of a table: service, totals row, section heading, a status without service, or nothing. */
export function readRow(row: readonly Cell[], r: number, t: TableColumns, merges: MergeIndex, classifier: Classifier): RowReading {
  const totals = totalsRow(row, r, t, classifier);
  if (totals) return totals;
  const service = !isBlank(roleCell(row, r, t.key, merges)) || !isBlank(roleCell(row, r, t.name, merges));
  const heading = headingCell(row, r, merges);
  if (heading && (service || !isStatusValue(row, heading, t, merges, classifier))) return { kind: 'heading', ...heading };
  if (service) return SERVICE;
  for (const { col } of t.sources) if (!isBlank(roleCell(row, r, col, merges))) return { kind: 'status-only', col };
  return BLANK;
}

/**
 * A totals row (§4 rule 1): its key or name cell, as shown (a `Summe` merged across both
 * included), folds to a totals word; or begins with a totals word and a space while the row
 * has no valid key and no recognised status value (`Summe Analog`, not „Ergebnis der Wahl …“ with a key).
 */
function totalsRow(row: readonly Cell[], r: number, t: TableColumns, classifier: Classifier): RowReading | undefined {
  const keyCell = t.key !== undefined ? row[t.key] ?? null : null;
  const nameCell = t.name !== undefined ? row[t.name] ?? null : null;
  const byKey = totalsWord(keyCell);
  const byName = totalsWord(nameCell);
  if (byKey === undefined && byName === undefined) return undefined;
  let text: Cell;
  if (byKey === 'whole') text = keyCell;
  else if (byName === 'whole') text = nameCell;
  else {
    if (readKey(keyCell).kind === 'valid') return undefined;
    for (const s of t.sources) {
      const cell = row[s.col] ?? null;
      if (s.kind === 'status' && typeof cell === 'string' && classifier.classify(cell) !== undefined) return undefined;
    }
    text = byKey === 'prefix' ? keyCell : nameCell;
  }
  const col = row.findIndex((c) => !isBlank(c));
  return { kind: 'totals', row: r, col: Math.max(col, 0), text: cellText(text).trim() };
}

/**
 * A section heading (SPEC §2): the row's only content is one text without digits, typed in
 * one cell or in one merged area; the heading's cell is the top-left of its area.
 */
function headingCell(row: readonly Cell[], r: number, merges: MergeIndex): { row: number; col: number } | undefined {
  let found: { row: number; col: number; right: number } | undefined;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c] ?? null;
    if (isBlank(cell)) continue;
    if (found) {
      if (c <= found.right) continue;
      return undefined;
    }
    if (typeof cell !== 'string' || /\d/.test(cell)) return undefined;
    const area = merges.areaAt(r, c);
    found = area ? { row: area.top, col: area.left, right: area.right } : { row: r, col: c, right: c };
  }
  return found && { row: found.row, col: found.col };
}

/** True where the heading candidate is a recognised status typed alone in a status column (a status without service). */
function isStatusValue(row: readonly Cell[], at: { row: number; col: number }, t: TableColumns, merges: MergeIndex, classifier: Classifier): boolean {
  const col = t.sources.find((s) => s.kind === 'status' && s.col === at.col)?.col;
  if (col === undefined || spansColumns(merges.areaAt(at.row, col))) return false;
  const cell = row[col];
  return typeof cell === 'string' && classifier.classify(cell) !== undefined;
}

/** A table of an office sheet with the reading of each row below its header. */
export interface ReadTable {
  readonly columns: TableColumns;
  /** `rows[i]` reads sheet row `columns.header.firstDataRow + i`. */
  readonly rows: readonly RowReading[];
}

/** Reads every row of every table of an office sheet (merges applied). */
export function readTables(sheet: SheetGrid, tables: readonly TableHeader[], merges: MergeIndex, classifier: Classifier): ReadTable[] {
  return tables.map((header, i) => {
    const columns = tableColumns(header, tables[i + 1]?.headerRow ?? sheet.rows.length);
    const rows: RowReading[] = [];
    for (let r = header.firstDataRow; r < columns.endRow; r++) {
      const row = sheet.rows[r];
      rows.push(row ? readRow(row, r, columns, merges, classifier) : BLANK);
    }
    return { columns, rows };
  });
}
