import { type SheetGrid, type WorkbookGrid, cellText, findCell, withMergesApplied } from './grid';
import { findTables } from './header';
import { isProductSheet } from './product-sheet';

/** One table that gets the new year's status column, right of the previous year's. */
export interface RolloverStep {
  readonly sheet: string;
  /** Rows of the table, 0-based inclusive (header to last row). */
  readonly top: number;
  readonly bottom: number;
  /** Column of the previous year's status, copied into the new column at `col + 1`. */
  readonly col: number;
  readonly headerRow: number;
  readonly header: string;
}

export interface RolloverPlan {
  readonly steps: readonly RolloverStep[];
  /** Sheets or tables left as they are, with the reason (German, for the user). */
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
}

/** What „Neues Berichtsjahr“ did, sheet by sheet (Excel keeps what already ran when a later sheet fails). */
export interface RolloverResult {
  /** Tables that got the new column. */
  readonly changed: number;
  /** Sheets completely done, in the order they were changed. */
  readonly done: readonly string[];
  /** Sheets or tables left alone on purpose, with the reason (German). */
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
  /** The sheet Excel refused, with Excel's error; it may be partly changed. */
  readonly failed?: { readonly sheet: string; readonly message: string };
  /** Sheets not reached because of the refusal. */
  readonly notDone: readonly string[];
}

function lastRow(sheet: SheetGrid, from: number, before: number): number {
  let last = from;
  for (let r = from; r < Math.min(before, sheet.rows.length); r++) if (findCell(sheet.rows[r] ?? [], (c) => cellText(c).trim() !== '') >= 0) last = r;
  return last;
}

/**
 * Where "Neues Berichtsjahr" adds a column (SPEC §8): in every table of every visible office
 * sheet, the status column of the latest year before `newYear` is copied to its right under the
 * new year's header. Tables that already have the year, a two-row header, a long layout or a
 * status column without a year are left alone and named. Sheets are read with their merged
 * areas applied, as the analysis reads them; the product's own sheets are never planned.
 */
export function planRollover(workbook: WorkbookGrid, newYear: number): RolloverPlan {
  const steps: RolloverStep[] = [];
  const skipped: { sheet: string; reason: string }[] = [];
  for (const raw of workbook.sheets) {
    if (raw.visibility !== 'visible' || isProductSheet(workbook, raw.name)) continue;
    const sheet = withMergesApplied(raw);
    const tables = findTables(sheet);
    tables.forEach((table, i) => {
      const next = tables[i + 1]?.headerRow ?? sheet.rows.length;
      const status = table.columns.filter((c) => c.role.kind === 'status');
      const years = status.flatMap((c) => (c.role.kind === 'status' && c.role.year !== undefined ? [{ col: c.col, year: c.role.year }] : []));
      if (table.columns.some((c) => c.role.kind === 'year')) skipped.push({ sheet: sheet.name, reason: 'eine Zeile je Jahr (Spalte „Jahr“): bitte die neuen Zeilen selbst anlegen' });
      else if (table.twoRow) skipped.push({ sheet: sheet.name, reason: 'zweizeilige Überschrift: bitte die Spalte selbst einfügen' });
      else if (years.some((y) => y.year === newYear)) skipped.push({ sheet: sheet.name, reason: `Spalte für ${newYear} ist schon vorhanden` });
      else if (years.length === 0) skipped.push({ sheet: sheet.name, reason: 'Statusspalte ohne Jahr: bitte das Jahr in die Überschrift schreiben' });
      else {
        const before = years.filter((y) => y.year < newYear).sort((a, b) => b.year - a.year)[0];
        if (!before) {
          skipped.push({ sheet: sheet.name, reason: `nur spätere Jahre als ${newYear}` });
          return;
        }
        const old = cellText(sheet.rows[table.headerRow]?.[before.col] ?? null);
        const header = old.includes(String(before.year)) ? old.replace(String(before.year), String(newYear)) : `Umsetzungsstatus ${newYear}`;
        steps.push({ sheet: sheet.name, top: table.headerRow, bottom: lastRow(sheet, table.headerRow, next), col: before.col, headerRow: table.headerRow, header });
      }
    });
  }
  return { steps, skipped };
}
