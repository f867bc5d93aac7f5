import type { MergedArea, SheetGrid } from './grid';

/** The merged areas of a sheet, looked up by cell (only within the rows the sheet holds). */
export interface MergeIndex {
  /** The merged area that holds row `r`, column `c`, if any. */
  areaAt(r: number, c: number): MergedArea | undefined;
}

const NONE: MergeIndex = { areaAt: () => undefined };

/** Indexes the merged areas of `sheet` by row. */
export function indexMerges(sheet: SheetGrid): MergeIndex {
  if (sheet.merges.length === 0) return NONE;
  const byRow = new Map<number, MergedArea[]>();
  const last = sheet.rows.length - 1;
  for (const m of sheet.merges) {
    if (m.right === m.left && m.bottom === m.top) continue;
    for (let r = Math.max(m.top, 0); r <= Math.min(m.bottom, last); r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return {
    areaAt(r, c) {
      const list = byRow.get(r);
      if (list) for (const m of list) if (m.left <= c && c <= m.right) return m;
      return undefined;
    },
  };
}

/** A merged area that spans two or more columns: it gives its rows no key, name or status (SPEC §2). */
export function spansColumns(area: MergedArea | undefined): boolean {
  return area !== undefined && area.right > area.left;
}
