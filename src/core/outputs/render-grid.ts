import type { Cell } from '../grid';
import type { OutputSheet, OutValue } from '../output-model';

/** The value a grid cell holds for an output value: text stays text, links show their text. */
export function outValueCell(value: OutValue): Cell {
  switch (value.kind) {
    case 'empty':
      return null;
    case 'text':
      return value.text === '' ? null : value.text;
    case 'number':
      return value.value;
    case 'date':
      return value.iso;
    case 'link':
      return value.text;
  }
}

/**
 * An output sheet as plain cell values (rows[r][c], 0-based), as a reader would see them
 * afterwards. Charts have no cells. Later blocks win where blocks overlap.
 */
export function renderOutputGrid(sheet: OutputSheet): Cell[][] {
  const rows: Cell[][] = [];
  const put = (r: number, c: number, cell: Cell): void => {
    const row = rows[r] ?? (rows[r] = []);
    while (row.length < c) row.push(null);
    row[c] = cell;
  };
  for (const block of sheet.blocks) {
    if (block.kind === 'text') put(block.row, block.col, block.text);
    if (block.kind !== 'table') continue;
    block.header.forEach((h, c) => put(block.row, block.col + c, h));
    block.rows.forEach((values, r) => values.forEach((v, c) => put(block.row + 1 + r, block.col + c, outValueCell(v))));
  }
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return rows;
}
