import type { OutTable } from '../../core/output-model';

/** Name of the product's PivotTable over the Gesamtliste table (on its own sheet, `Gesamtliste Pivot`). */
export const PIVOT_NAME = 'LeiKaPivotGesamtliste';

/**
 * Fields of the PivotTable: clusters × years, counted over Quelle (never empty: every counted
 * record has its sheet and cell), filterable by office. Counting Gesamtliste rows per cluster and
 * year gives the Monitoring table's year columns.
 */
export const PIVOT_FIELDS = { rows: 'Cluster', columns: 'Jahr', count: 'Quelle', filter: 'Amt' } as const;
export const PIVOT_DATA_NAME = 'Anzahl Dienstleistungen';

/**
 * Top-left cell of the PivotTable on its sheet: A3. Excel puts the report filter (Amt) two rows
 * above the PivotTable's first cell (filter in A1, a blank row 2); a PivotTable started in row 1
 * leaves it no room, so Excel refuses the filter field or moves the PivotTable.
 */
export const PIVOT_START = { row: 2, col: 0 } as const;

/** Whether the table has every column the PivotTable uses (a changed Gesamtliste layout skips it). */
export function pivotFits(table: OutTable): boolean {
  return Object.values(PIVOT_FIELDS).every((f) => table.header.includes(f));
}

/**
 * Queues the PivotTable on its own product sheet at A3 (`at`), over the Gesamtliste table. The
 * table may be created in the same batch: the PivotTable refers to it by the Table object.
 */
export function addGesamtlistePivot(ws: Excel.Worksheet, table: Excel.Table, at: { readonly row: number; readonly col: number } = PIVOT_START): void {
  const destination = ws.getRangeByIndexes(at.row, at.col, 1, 1);
  const pivot = ws.pivotTables.add(PIVOT_NAME, table, destination);
  pivot.rowHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.rows));
  pivot.columnHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.columns));
  pivot.filterHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.filter));
  const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.count));
  data.summarizeBy = 'Count';
  data.name = PIVOT_DATA_NAME;
}

/** A1 of the PivotTable sheet when the last evaluation asked for no PivotTable. */
export const PIVOT_ABSENT_NOTE = 'Keine PivotTable: Bei der letzten Auswertung war „PivotTable zur Gesamtliste anlegen“ nicht gewählt.';
