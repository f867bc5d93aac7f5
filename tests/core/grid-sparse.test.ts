import { type Cell, forEachCell, withMergesApplied } from '../../src/core/grid';
import { filledCells } from '../support/grid-cells';
import { area, sheet } from '../support/grid';

describe('sparse rows (issue 8)', () => {
  it('visits only the filled cells of a row, left to right, also with a cell in column XFD', () => {
    const row: Cell[] = ['Leistung', null, 'PDF'];
    row[16_383] = 'ganz rechts';
    const seen: [number, Cell][] = [];
    forEachCell(row, (cell, col) => void seen.push([col, cell]));
    expect(seen).toEqual([
      [0, 'Leistung'],
      [2, 'PDF'],
      [16_383, 'ganz rechts'],
    ]);
  });

  it('stops where the visitor returns false', () => {
    const seen: number[] = [];
    forEachCell(['a', 'b', 'c'], (_cell, col) => {
      seen.push(col);
      return col < 1;
    });
    expect(seen).toEqual([0, 1]);
  });

  it('applies a merged area only within the used range, so a merged whole sheet fills no empty rows or columns', () => {
    const grid = sheet({ name: 'Amt', rows: [['Titel'], ['LeiKa-Schlüssel', 'Leistung', 'Status'], ['99001001000000', 'Hundesteuer', 'PDF']], merges: ['A1:Z100'] });
    const merged = withMergesApplied(grid);
    expect(merged.rows).toHaveLength(3);
    expect(Object.keys(filledCells(merged))).toHaveLength(9);
    expect(merged.merges).toEqual([area('A1:Z100')]);
  });

  it('keeps a row with a far-out cell sparse when a merged area touches it', () => {
    const far: Cell[] = ['Hundesteuer'];
    far[16_383] = 1;
    const merged = withMergesApplied(sheet({ name: 'Amt', rows: [['Amt 1', 'x'], far], merges: ['A1:A2'] }));
    expect(filledCells(merged)).toEqual({ A1: 'Amt 1', B1: 'x', A2: 'Amt 1', XFD2: 1 });
    let steps = 0;
    for (const _ in merged.rows[1]!) steps++;
    expect(steps).toBe(2);
  });
});
