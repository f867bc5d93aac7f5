import type { Classifier } from './classify';
import { type TableColumns, tableColumns } from './columns';
import { fold, foldedStartTest, isBlank } from './fold';
import { type Cell, type SheetGrid, cellText, findCell, forEachCell } from './grid';
import type { TableHeader } from './header';
import { readKey } from './key';
import { type MergeIndex, spansColumns } from './merge-index';

/** What a row below a table header is (SPEC §2, §4 rule 1). Cells are 0-based. */
export type RowReading =
  | { readonly kind: 'service' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'totals'; readonly col: number; readonly text: string }
  | { readonly kind: 'heading'; readonly row: number; readonly col: number }
  | { readonly kind: 'status-only'; readonly col: number };

const SERVICE: RowReading = { kind: 'service' };
const BLANK: RowReading = { kind: 'blank' };

const TOTALS_WORDS = new Set(['Summe', 'Gesamt', 'Gesamtsumme', 'Insgesamt', 'Anzahl', 'Zwischensumme', 'Ergebnis', 'Gesamtergebnis'].map(fold));
const TOTALS_START = foldedStartTest([...TOTALS_WORDS], 'word');

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
  const totals = totalsRow(row, t, classifier);
  if (totals) return totals;
  const own = ownContent(row, r, merges);
  // a row that only continues merged areas from rows above (an office or name merged down past the data) holds nothing of its own
  if (own.continued) return BLANK;
  const service = !isBlank(roleCell(row, r, t.key, merges)) || !isBlank(roleCell(row, r, t.name, merges));
  const { sole } = own;
  if (sole?.heading && (service || !isStatusValue(row, sole, t, merges, classifier))) return { kind: 'heading', row: sole.row, col: sole.col };
  if (service) return SERVICE;
  for (const { col } of t.sources) if (!isBlank(roleCell(row, r, col, merges))) return { kind: 'status-only', col };
  return BLANK;
}

/**
 * A totals row (§4 rule 1): its key or name cell, as shown (a `Summe` merged across both
 * included), folds to a totals word; or begins with a totals word and a space while the row
 * has no valid key and no recognised status value (`Summe Analog`, not „Ergebnis der Wahl …“ with a key).
 */
function totalsRow(row: readonly Cell[], t: TableColumns, classifier: Classifier): RowReading | undefined {
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
  const col = findCell(row, (c) => !isBlank(c));
  return { kind: 'totals', col: Math.max(col, 0), text: cellText(text).trim() };
}

/**
 * What the row holds of its own: `continued` where all of its content continues merged areas
 * from rows above; `sole` where its only content is one cell or one merged area (its cell is
 * the area's top-left), `heading` where that is a text without digits (SPEC §2).
 */
function ownContent(row: readonly Cell[], r: number, merges: MergeIndex): { continued: boolean; sole?: { row: number; col: number; heading: boolean } } {
  let units = 0;
  let continued = true;
  let first: Cell = null;
  let firstRow = 0;
  let firstCol = 0;
  let right = -1;
  forEachCell(row, (cell, c) => {
    if (c <= right || isBlank(cell)) return;
    const area = merges.areaAt(r, c);
    right = area ? area.right : c;
    continued &&= area !== undefined && area.top < r;
    if (++units === 1) {
      first = cell;
      firstRow = area ? area.top : r;
      firstCol = area ? area.left : c;
    }
    // two units, one of them the row's own: nothing further changes the answer
    return continued || units < 2;
  });
  // most rows (two or more cells of their own) share one answer: a service row makes no objects here
  if (units !== 1) return units > 0 && continued ? CONTINUED : OWN;
  return { continued, sole: { row: firstRow, col: firstCol, heading: typeof first === 'string' && !/\d/.test(first) } };
}

const CONTINUED = { continued: true } as const;
const OWN = { continued: false } as const;

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
