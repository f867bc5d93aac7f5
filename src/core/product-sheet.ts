import { fold } from './fold';
import type { WorkbookGrid } from './grid';
import { sharedSheetRole } from './settings';

/** Marker names of the product's own sheets: `LeiKaMonitor_<role>` (SPEC §5). */
const MARKER = /^LeiKaMonitor_(.+)$/i;

/** Sheet name → role of every sheet marked as the product's own by a defined name. */
export function productRoles(workbook: WorkbookGrid): Map<string, string> {
  const roles = new Map<string, string>();
  for (const dn of workbook.definedNames) {
    const m = MARKER.exec(dn.name);
    if (m?.[1]) roles.set(dn.sheet, m[1]);
  }
  return roles;
}

/**
 * Whether a sheet belongs to the product rather than to an office: marked by a defined name
 * `LeiKaMonitor_<role>` (output sheets, wherever they were renamed to), or the shared
 * settings sheets `Einstellungen` and `Zuordnung` (SPEC §8). A sheet merely *named* like an
 * output sheet is a user's sheet.
 */
export function isProductSheet(workbook: WorkbookGrid, sheet: string): boolean {
  const name = fold(sheet);
  if (sharedSheetRole(sheet) !== undefined) return true;
  return workbook.definedNames.some((dn) => MARKER.test(dn.name) && fold(dn.sheet) === name);
}
