/** How a German user sorts file names: `Amt 2` before `Amt 10`, `Ä` with `A`, case ignored. */
const COLLATOR = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

/** File names in the order a German user sorts them (SPEC §10); ties keep their order. */
export function sortFileNames<T>(items: readonly T[], name: (item: T) => string): T[] {
  return items.slice().sort((a, b) => COLLATOR.compare(name(a), name(b)));
}

/**
 * True for a file a folder evaluation reads: an .xlsx or .xlsm workbook, not Excel's lock file
 * `~$…` that sits beside a workbook while it is open.
 */
export function isOfficeFileName(name: string): boolean {
  return /\.xls[xm]$/i.test(name) && !name.startsWith('~$');
}
