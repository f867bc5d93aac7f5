import type { MappingEntry } from './classify';
import type { Finding, SkippedSheet } from './findings';
import { type SheetGrid, type WorkbookGrid, withMergesApplied } from './grid';
import { type TableHeader, findTables } from './header';
import { type MergeIndex, indexMerges } from './merge-index';
import { SKIP_REASONS } from './messages';
import { productRoles } from './product-sheet';
import { MAPPING_SHEET, SETTINGS_SHEET, type Settings, readMapping, readSettings, sharedSheetRole } from './settings';

/** An office sheet (SPEC §2): merges applied, with its tables. */
export interface OfficeSheet {
  readonly sheet: SheetGrid;
  readonly tables: readonly TableHeader[];
  readonly merges: MergeIndex;
}

export interface Discovery {
  readonly settings: Settings;
  readonly mapping: readonly MappingEntry[];
  /** Findings on the settings and Zuordnung sheets. */
  readonly findings: readonly Finding[];
  readonly skippedSheets: readonly SkippedSheet[];
  readonly officeSheets: readonly OfficeSheet[];
}

/**
 * Finds the office sheets of a workbook and reads its settings and Zuordnung (SPEC §2, §3, §8):
 * every other sheet is listed with the reason it was skipped.
 */
export function discoverSheets(workbook: WorkbookGrid): Discovery {
  const settingsSheet = findSheet(workbook, SETTINGS_SHEET);
  const mappingSheet = findSheet(workbook, MAPPING_SHEET);
  const { settings, findings: settingFindings } = readSettings(settingsSheet, workbook.sheets);
  const { mapping, findings: mappingFindings } = readMapping(mappingSheet);

  const roles = productRoles(workbook);
  const selected = settings.sheets && new Set(settings.sheets);

  const skippedSheets: SkippedSheet[] = [];
  const officeSheets: OfficeSheet[] = [];
  for (const sheet of workbook.sheets) {
    const role = roles.get(sheet.name) ?? (sheet === settingsSheet ? SETTINGS_SHEET : sheet === mappingSheet ? MAPPING_SHEET : undefined);
    if (role !== undefined) skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.productSheet(role) });
    else if (sheet.kind === 'chart') skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.chart });
    else if (sheet.visibility !== 'visible') skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.hidden });
    else if (selected && !selected.has(sheet.name)) skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.notSelected });
    else {
      const merged = withMergesApplied(sheet);
      const tables = findTables(merged);
      if (tables.length === 0) skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.noHeader });
      else officeSheets.push({ sheet: merged, tables, merges: indexMerges(merged) });
    }
  }
  return { settings, mapping, findings: [...settingFindings, ...mappingFindings], skippedSheets, officeSheets };
}

function findSheet(workbook: WorkbookGrid, role: typeof SETTINGS_SHEET | typeof MAPPING_SHEET): SheetGrid | undefined {
  return workbook.sheets.find((s) => sharedSheetRole(s.name) === role);
}
