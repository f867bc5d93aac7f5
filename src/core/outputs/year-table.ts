import { ALL_SERVICES, type CountKey, shownClusters, UNASSIGNED } from '../clusters';
import type { Analysis } from '../model';
import type { OutTable, OutValue } from '../output-model';
import { num, text } from './values';

/** One row of the year table: a cluster, Nicht zugeordnet or Alle Dienstleistungen, with its count per year. */
export interface YearTableRow {
  readonly label: CountKey;
  readonly values: readonly number[];
  /** The last row, Alle Dienstleistungen: the sum of the rows above it. */
  readonly total: boolean;
}

/**
 * The year table of SPEC §1, the one model that the Monitoring sheet, the Baustein, the CLI's
 * text and the task pane's preview render.
 */
export interface YearTable {
  readonly years: readonly number[];
  readonly header: readonly string[];
  readonly rows: readonly YearTableRow[];
}

/**
 * Clusters × `years` (all counted years unless given): the five clusters, Nicht zugeordnet only
 * where it is non-zero in one of those years (so every column still adds up), then Alle
 * Dienstleistungen.
 */
export function yearTable(analysis: Pick<Analysis, 'years' | 'total'>, years: readonly number[] = analysis.years): YearTable {
  const count = (y: number, k: CountKey): number => analysis.total[y]?.[k] ?? 0;
  const keys: CountKey[] = [...shownClusters(years.some((y) => count(y, UNASSIGNED) !== 0)), ALL_SERVICES];
  return {
    years,
    header: ['Umsetzungsstatus', ...years.map(String)],
    rows: keys.map((k) => ({ label: k, values: years.map((y) => count(y, k)), total: k === ALL_SERVICES })),
  };
}

/** The year table as an output table at `row`/`col`, its last row the total row. */
export function yearOutTable(table: YearTable, place: { readonly id: string; readonly row: number; readonly col: number }): OutTable {
  return {
    kind: 'table',
    ...place,
    header: table.header,
    rows: table.rows.map((r): OutValue[] => [text(r.label), ...r.values.map((v) => num(v))]),
    totalRow: true,
  };
}
