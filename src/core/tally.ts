import { ALL_SERVICES, COUNTED_CLUSTERS, type CountedCluster, type Counts, emptyCounts } from './clusters';
import type { CountedRecord, OfficeCounts } from './model';
import type { RecordColumns } from './record-table';

/*
 * Cluster tallies: the one place where a counted record adds to a count table. Every table
 * (totals, offices, breakdowns, comparisons) counts through `addToCounts`, so in each of
 * them Alle Dienstleistungen equals the sum of the six rows above it.
 */

/** Adds one record of `cluster` to `counts`: its cluster and Alle Dienstleistungen. */
export function addToCounts(counts: Counts, cluster: CountedCluster): void {
  counts[cluster]++;
  counts[ALL_SERVICES]++;
}

/** The counts of a tally per cluster (`perCluster[i]`: records of COUNTED_CLUSTERS[i]). */
export function countsOf(perCluster: ArrayLike<number>): Counts {
  const counts = emptyCounts();
  COUNTED_CLUSTERS.forEach((c, i) => {
    counts[c] += perCluster[i]!;
    counts[ALL_SERVICES] += perCluster[i]!;
  });
  return counts;
}

/** The counts of `records` by cluster. */
export function countRecords(records: Iterable<CountedRecord>): Counts {
  const counts = emptyCounts();
  for (const r of records) addToCounts(counts, r.cluster);
  return counts;
}

/** Zero counts for each of `years`. */
export function emptyYearCounts(years: readonly number[]): Record<number, Counts> {
  const counts: Record<number, Counts> = {};
  for (const y of years) counts[y] = emptyCounts();
  return counts;
}

/**
 * Totals and per-office counts of `records` (offices in the order given, each with every
 * year); `years` holds the records' years, ascending.
 */
export function tally(
  records: Pick<RecordColumns, 'length' | 'office' | 'year' | 'cluster'>,
  years: readonly number[],
  officeOrder: Iterable<string>,
): { years: number[]; total: Record<number, Counts>; offices: OfficeCounts[] } {
  const first = years[0] ?? 0;
  // each year's counts also by `year - first`: an array index per record instead of a lookup by year
  const byIndex = (counts: Record<number, Counts>): Counts[] => {
    const at: Counts[] = [];
    for (const y of years) at[y - first] = counts[y]!;
    return at;
  };
  const total = emptyYearCounts(years);
  const totalAt = byIndex(total);
  const byOffice = new Map<string, { counts: Record<number, Counts>; at: Counts[] }>();
  // an office whose rows are all excluded is listed too, with zeros
  for (const office of officeOrder) {
    const counts = emptyYearCounts(years);
    byOffice.set(office, { counts, at: byIndex(counts) });
  }
  // records come office by office: the office's counts are looked up once per run
  let office: string | undefined;
  let officeAt: Counts[] = [];
  for (let i = 0; i < records.length; i++) {
    const recOffice = records.office(i);
    if (recOffice !== office) officeAt = byOffice.get((office = recOffice))!.at;
    const at = records.year(i) - first;
    const cluster = records.cluster(i);
    addToCounts(totalAt[at]!, cluster);
    addToCounts(officeAt[at]!, cluster);
  }
  return { years: [...years], total, offices: [...byOffice].map(([office, { counts }]) => ({ office, counts })) };
}
