import { type ClusterOrExcluded, parseClusterName } from './clusters';
import type { MappingEntry } from './classify';
import { SEVERITY, type Finding } from './findings';
import { fold } from './fold';
import { type SheetGrid, a1, cellText, isEmptyCell } from './grid';
import { yearOf } from './header';
import { MESSAGES } from './messages';

export const SETTINGS_SHEET = 'Einstellungen';
export const MAPPING_SHEET = 'Zuordnung';

/** Settings from the `Einstellungen` sheet (rows `Schlüssel | Wert`, SPEC §8). */
export interface Settings {
  readonly reportYear?: number;
  /** Sheet names to evaluate; undefined = all office sheets. */
  readonly sheets?: readonly string[];
}

/** Rows below a `Schlüssel | Wert` (or `Wert | Cluster`) header, or from the first row when there is none. */
function bodyRows(sheet: SheetGrid, first: string): number {
  const top = sheet.rows[0];
  return top && fold(cellText(top[0])) === fold(first) ? 1 : 0;
}

export function readSettings(sheet: SheetGrid | undefined): { settings: Settings; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!sheet) return { settings: {}, findings };
  let reportYear: number | undefined;
  let sheets: string[] | undefined;
  for (let r = bodyRows(sheet, 'Schlüssel'); r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const key = fold(cellText(row[0]));
    const value = row[1] ?? null;
    if (key === '' || isEmptyCell(value)) continue;
    if (key === 'berichtsjahr') {
      const year = yearOf(value);
      if (year === undefined) findings.push(invalid(sheet, r, cellText(row[0]), cellText(value)));
      else reportYear = year;
    } else if (key === 'ausgewertete blaetter') {
      sheets = cellText(value)
        .split(/[;\n]|,(?=\s*\S)/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    }
  }
  const settings: { reportYear?: number; sheets?: readonly string[] } = {};
  if (reportYear !== undefined) settings.reportYear = reportYear;
  if (sheets !== undefined) settings.sheets = sheets;
  return { settings, findings };
}

function invalid(sheet: SheetGrid, r: number, key: string, value: string): Finding {
  return { severity: SEVERITY.INVALID_SETTING, code: 'INVALID_SETTING', sheet: sheet.name, cell: a1(r, 1), message: MESSAGES.INVALID_SETTING(key, value) };
}

/** The user mapping from the `Zuordnung` sheet (rows `Wert | Cluster`, SPEC §3). */
export function readMapping(sheet: SheetGrid | undefined): { mapping: MappingEntry[]; findings: Finding[] } {
  const mapping: MappingEntry[] = [];
  const findings: Finding[] = [];
  if (!sheet) return { mapping, findings };
  for (let r = bodyRows(sheet, 'Wert'); r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || isEmptyCell(row[0])) continue;
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
