import { SEVERITY, type Finding } from '../findings';
import { fold } from '../fold';
import { type Cell, type SheetGrid, a1, cellText, forEachCell, isEmptyCell } from '../grid';
import { MESSAGES } from '../messages';
import { fileStem } from './default-names';
import type { Origin, SourceSheet } from './combine';

/** Column A of the header rows `Schlüssel | Wert` and `Wert | Cluster`, folded. */
const HEADER_KEYS = new Set(['schluessel', 'wert']);

/** The rows of a `Schlüssel | Wert` or `Wert | Cluster` sheet: folded key → row and the value as written. */
function entries(grid: SheetGrid): Map<string, { row: number; key: string; value: string }> {
  const out = new Map<string, { row: number; key: string; value: string }>();
  grid.rows.forEach((row, r) => {
    const key = cellText(row?.[0] ?? null).trim();
    const folded = fold(key);
    if (folded === '' || HEADER_KEYS.has(folded) || out.has(folded)) return;
    const values: string[] = [];
    forEachCell(row ?? [], (c, col) => {
      if (col >= 1 && !isEmptyCell(c)) values.push(cellText(c).trim());
    });
    const value = values.join('; ');
    out.set(folded, { row: r, key, value });
  });
  return out;
}

/**
 * CONFLICTING_SETTING on each row of a later file's `Einstellungen` or `Zuordnung` that the sheet
 * in use does not say the same way (another value, or missing there): only the first one counts
 * (SPEC §10), so a difference would otherwise go unnoticed.
 */
export function sharedSheetConflicts(role: string, used: SheetGrid, usedLabel: string, later: SheetGrid, origin: Origin): Finding[] {
  const usedEntries = entries(used);
  const findings: Finding[] = [];
  for (const [folded, { row, key, value }] of entries(later)) {
    if (value === '') continue;
    const inUse = usedEntries.get(folded);
    if (inUse && fold(inUse.value) === fold(value)) continue;
    findings.push({
      severity: SEVERITY.CONFLICTING_SETTING,
      code: 'CONFLICTING_SETTING',
      sheet: origin.sheet,
      cell: a1(row, 1),
      ...(origin.file !== undefined ? { file: origin.file } : {}),
      message: MESSAGES.CONFLICTING_SETTING(role, key, value, usedLabel, inUse?.value),
    });
  }
  return findings;
}

const SELECTION_KEY = 'ausgewertete blaetter';

/**
 * The settings sheet with `Ausgewertete Blätter` naming combined sheets: a listed name selects
 * every sheet of that name in any file, and the office sheet of a file of that name
 * (`Jugendamt` selects `Jugendamt.xlsx › Tabelle1`). Names that match nothing stay as written,
 * so the settings reader reports them.
 */
export function selectAcrossFiles(settings: SheetGrid, sheets: readonly SourceSheet[]): SheetGrid {
  const r = settings.rows.findIndex((row) => fold(cellText(row?.[0] ?? null)) === SELECTION_KEY);
  const row = settings.rows[r];
  if (!row) return settings;
  const byName = new Map<string, string[]>();
  const add = (name: string, combined: string): void => {
    const list = byName.get(fold(name)) ?? [];
    if (!list.includes(combined)) list.push(combined);
    byName.set(fold(name), list);
  };
  for (const s of sheets) {
    if (s.combined === undefined) continue;
    add(s.sheet, s.combined);
    add(s.combined, s.combined);
    if (s.file !== undefined) add(fileStem(s.file), s.combined);
  }
  const listed: string[] = [];
  forEachCell(row, (cell, col) => {
    if (col < 1 || isEmptyCell(cell)) return;
    const text = cellText(cell).trim();
    const parts = byName.has(fold(text)) ? [text] : text.split(';').map((p) => p.trim()).filter((p) => p !== '');
    for (const part of parts) listed.push(...(byName.get(fold(part)) ?? [part]));
  });
  const rewritten: Cell[] = [row[0] ?? null, listed.join('; ')];
  const rows = settings.rows.slice();
  rows[r] = rewritten;
  return { ...settings, rows };
}
