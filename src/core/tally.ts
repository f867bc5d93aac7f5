import { ALL_SERVICES, COUNTED_CLUSTERS, type CountedCluster, type Counts, emptyCounts } from './clusters';
import type { CountedRecord, OfficeCounts } from './model';

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
 * year).
 */
export function tally(
  records: readonly CountedRecord[],
  officeOrder: Iterable<string>,
): { years: number[]; total: Record<number, Counts>; offices: OfficeCounts[] } {
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  const total = emptyYearCounts(years);
  const byOffice = new Map<string, Record<number, Counts>>();
  // an office whose rows are all excluded is listed too, with zeros
  for (const office of officeOrder) byOffice.set(office, emptyYearCounts(years));
  for (const rec of records) {
    addToCounts(total[rec.year]!, rec.cluster);
    addToCounts(byOffice.get(rec.office)![rec.year]!, rec.cluster);
  }
  return { years, total, offices: [...byOffice].map(([office, counts]) => ({ office, counts })) };
}
