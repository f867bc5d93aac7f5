/** Why Excel would refuse a sheet name a user typed (checked before Excel sees it). */
export type SheetNameProblem = 'blank' | 'tooLong' | 'forbiddenChar' | 'apostrophe' | 'reserved' | 'taken';

/** Longest sheet name Excel accepts. */
export const SHEET_NAME_MAX = 31;

/**
 * Excel's rules for a sheet name (support.microsoft.com, "Rename a worksheet"): not blank, at
 * most 31 characters, none of `: \ / ? * [ ]`, no apostrophe at the start or end, not `History`,
 * and not the name of another sheet — compared ignoring case, as Excel does („Ämter“ = „ämter“).
 */
export function sheetNameProblem(name: string, existing: readonly string[]): SheetNameProblem | undefined {
  if (name.trim() === '') return 'blank';
  if (name.length > SHEET_NAME_MAX) return 'tooLong';
  if (/[:\\/?*[\]]/.test(name)) return 'forbiddenChar';
  if (name.startsWith("'") || name.endsWith("'")) return 'apostrophe';
  const lower = name.toLowerCase();
  if (lower === 'history') return 'reserved';
  if (existing.some((s) => s.toLowerCase() === lower)) return 'taken';
  return undefined;
}
