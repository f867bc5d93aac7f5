import type { OutTable } from '../../core/output-model';

/** Name of the product's PivotTable on the Gesamtliste sheet (workbook-wide, like table names). */
export const PIVOT_NAME = 'LeiKaPivotGesamtliste';

/**
 * Fields of the PivotTable: clusters × years, counted over Quelle (never empty: every counted
 * record has its sheet and cell), filterable by office. Counting Gesamtliste rows per cluster and
 * year gives the Monitoring table's year columns.
 */
export const PIVOT_FIELDS = { rows: 'Cluster', columns: 'Jahr', count: 'Quelle', filter: 'Amt' } as const;
export const PIVOT_DATA_NAME = 'Anzahl Dienstleistungen';

/** Columns left free between the Gesamtliste table and the PivotTable beside it. */
const GAP = 1;

/** Whether the table has every column the PivotTable uses (a changed Gesamtliste layout skips it). */
export function pivotFits(table: OutTable): boolean {
  return Object.values(PIVOT_FIELDS).every((f) => table.header.includes(f));
}

/**
 * Queues the PivotTable beside the Gesamtliste table (same header row, one column gap). The table
 * may be created in the same batch: the PivotTable refers to it by the Table object.
 */
export function addGesamtlistePivot(ws: Excel.Worksheet, table: Excel.Table, block: OutTable): void {
  const destination = ws.getRangeByIndexes(block.row, block.col + block.header.length + GAP, 1, 1);
  const pivot = ws.pivotTables.add(PIVOT_NAME, table, destination);
  pivot.rowHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.rows));
  pivot.columnHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.columns));
  pivot.filterHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.filter));
  const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(PIVOT_FIELDS.count));
  data.summarizeBy = 'Count';
  data.name = PIVOT_DATA_NAME;
}
