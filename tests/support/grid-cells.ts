import { a1, type Cell, type MergedArea, type SheetGrid } from '../../src/core/grid';

/** Every filled cell of a sheet by A1 address, visiting only the cells that exist (rows are sparse). */
export function filledCells(sheet: SheetGrid): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const r in sheet.rows) {
    const row = sheet.rows[Number(r)];
    if (!row) continue;
    for (const c in row) {
      const cell = row[Number(c)];
      if (cell !== null && cell !== undefined) out[a1(Number(r), Number(c))] = cell;
    }
  }
  return out;
}

/** A merged area as `A1:C3`. */
export function areaText(m: MergedArea): string {
  return `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
}
