import { type ClusterOrExcluded, parseClusterName } from './clusters';
import type { MappingEntry } from './classify';
import { SEVERITY, type Finding } from './findings';
import { fold, isBlank } from './fold';
import { type Cell, type SheetGrid, a1, cellText, findCell, forEachCell } from './grid';
import { yearOf } from './header';
import { MESSAGES } from './messages';

export const SETTINGS_SHEET = 'Einstellungen';
export const MAPPING_SHEET = 'Zuordnung';

/** The shared sheet a sheet name stands for: `Einstellungen` or `Zuordnung`, in any case and spacing (by folded name). */
export function sharedSheetRole(name: string): typeof SETTINGS_SHEET | typeof MAPPING_SHEET | undefined {
  const f = fold(name);
  if (f === fold(SETTINGS_SHEET)) return SETTINGS_SHEET;
  if (f === fold(MAPPING_SHEET)) return MAPPING_SHEET;
  return undefined;
}

/** Settings from the `Einstellungen` sheet (rows `Schlüssel | Wert`, SPEC §8). */
export interface Settings {
  readonly reportYear?: number;
  /**
   * The visible sheets listed under `Ausgewertete Blätter`, as the workbook names them;
   * undefined = all office sheets (nothing listed, or no listed name names a visible sheet).
   */
  readonly sheets?: readonly string[];
}

/** Rows below a `Schlüssel | Wert` (or `Wert | Cluster`) header, or from the first row when there is none. */
function bodyRows(sheet: SheetGrid, first: string): number {
  const top = sheet.rows[0];
  return top && fold(cellText(top[0])) === fold(first) ? 1 : 0;
}

/**
 * Reads `Berichtsjahr` and `Ausgewertete Blätter` (SPEC §8). A listed name that names no sheet
 * of `workbook`, or a hidden one, gets an INVALID_SETTING finding (one per row).
 */
export function readSettings(sheet: SheetGrid | undefined, workbook: readonly SheetGrid[]): { settings: Settings; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!sheet) return { settings: {}, findings };
  let reportYear: number | undefined;
  const listed = new Set<string>();
  const wrongRows: { r: number; col: number; names: string[]; hidden: boolean }[] = [];
  // names that fold alike (`Straße`, `Strasse`) are told apart by their exact spelling first
  const byFolded = new Map(workbook.map((s) => [fold(s.name), s] as const));
  const find = (name: string): SheetGrid | undefined => workbook.find((s) => s.name === name) ?? byFolded.get(fold(name));
  for (let r = bodyRows(sheet, 'Schlüssel'); r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const key = fold(cellText(row[0]));
    if (key === '' || findCell(row, (c) => !isBlank(c), 1) < 0) continue;
    if (key === 'berichtsjahr') {
      const value = row[1] ?? null;
      const year = yearOf(value);
      if (year === undefined) findings.push(invalid(sheet, r, 1, MESSAGES.INVALID_SETTING(cellText(row[0]), cellText(value))));
      else reportYear = year;
    } else if (key === 'ausgewertete blaetter') {
      const wrong: { col: number; name: string; hidden: boolean }[] = [];
      forEachCell(row, (cell, c) => {
        if (c < 1) return;
        for (const name of sheetNames(cell, find)) {
          const found = find(name);
          if (found && found.visibility === 'visible') listed.add(found.name);
          else wrong.push({ col: c, name, hidden: found !== undefined });
        }
      });
      const first = wrong[0];
      if (first) wrongRows.push({ r, col: first.col, names: wrong.map((w) => w.name), hidden: wrong.some((w) => w.hidden) });
    }
  }
  for (const w of wrongRows) findings.push(invalid(sheet, w.r, w.col, MESSAGES.INVALID_SHEET_SETTING(w.names, w.hidden, listed.size === 0)));
  const settings: { reportYear?: number; sheets?: readonly string[] } = {};
  if (reportYear !== undefined) settings.reportYear = reportYear;
  // where no listed name names a visible sheet, the setting is ignored
  if (listed.size > 0) settings.sheets = workbook.filter((s) => listed.has(s.name)).map((s) => s.name);
  return { settings, findings };
}

/**
 * The sheet names one cell lists: the whole cell where it names a sheet, else its parts split
 * at `;` or line breaks — never at `,`, which sheet names may hold.
 */
function sheetNames(cell: Cell, find: (name: string) => SheetGrid | undefined): string[] {
  if (isBlank(cell)) return [];
  const text = cellText(cell).trim();
  if (find(text)) return [text];
  return text
    .split(/[;\r\n]/)
    .map((s) => s.trim())
    .filter((s) => !isBlank(s));
}

function invalid(sheet: SheetGrid, r: number, c: number, message: string): Finding {
  return { severity: SEVERITY.INVALID_SETTING, code: 'INVALID_SETTING', sheet: sheet.name, cell: a1(r, c), message };
}

/** The user mapping from the `Zuordnung` sheet (rows `Wert | Cluster`, SPEC §3). */
export function readMapping(sheet: SheetGrid | undefined): { mapping: MappingEntry[]; findings: Finding[] } {
  const mapping: MappingEntry[] = [];
  const findings: Finding[] = [];
  if (!sheet) return { mapping, findings };
  for (let r = bodyRows(sheet, 'Wert'); r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || isBlank(row[0])) continue;
    const clusterText = cellText(row[1] ?? null);
    const cluster: ClusterOrExcluded | undefined = parseClusterName(clusterText);
    if (!cluster) {
      findings.push({
        severity: SEVERITY.INVALID_MAPPING,
        code: 'INVALID_MAPPING',
        sheet: sheet.name,
        cell: a1(r, 1),
        message: MESSAGES.INVALID_MAPPING(clusterText),
      });
      continue;
    }
    mapping.push({ value: cellText(row[0]), cluster });
  }
  return { mapping, findings };
}
