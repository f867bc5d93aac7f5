/*
 * Sheet-qualified cell references as Excel writes them in formulas, defined names and links:
 * one home for quoting a sheet name and for reading `'Sheet name'!$A$1` back.
 */
import { parseA1 } from './grid';

/** `'Sheet name'`, as a reference needs it: always quoted (valid for every name), quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Whether Excel shows a sheet name in a reference without quotes (`Monitoring`; not `Amt 1`, not `A1`). */
function bare(sheet: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
}

/**
 * `'Sheet name'!A1`, the cell as given (`$A$1` stays absolute). With `'when needed'` a name
 * that needs no quotes stays bare, as Excel shows it (`Monitoring!A1`, `'Amt 1'!A1`).
 */
export function sheetRef(sheet: string, cell: string, quotes: 'always' | 'when needed' = 'always'): string {
  return `${quotes === 'when needed' && bare(sheet) ? sheet : quoteSheet(sheet)}!${cell}`;
}

const SHEET_REF = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/;

/**
 * `'Sheet name'!$A$1`, `Sheet!A1` or a defined name's formula `=Sheet!$B$7` → sheet and plain
 * upper-case cell (`A1`); undefined for ranges, formulas and anything else.
 */
export function parseSheetRef(ref: string): { sheet: string; cell: string } | undefined {
  const m = SHEET_REF.exec(ref.trim());
  if (!m || m[3] === undefined || !parseA1(m[3])) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  return { sheet, cell: m[3].replace(/\$/g, '').toUpperCase() };
}
