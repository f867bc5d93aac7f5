import { ALL_SERVICES, type Counts, emptyCounts } from './clusters';
import type { CountedRecord, OfficeCounts } from './model';

/**
 * Totals and per-office counts of `records` (offices in the order given, each with every
 * year); Alle Dienstleistungen always equals the sum of the six rows above it.
 */
export function tally(
  records: readonly CountedRecord[],
  officeOrder: Iterable<string>,
): { years: number[]; total: Record<number, Counts>; offices: OfficeCounts[] } {
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  const total: Record<number, Counts> = {};
  const byOffice = new Map<string, Record<number, Counts>>();
  for (const y of years) total[y] = emptyCounts();
  // an office whose rows are all excluded is listed too, with zeros
  for (const office of officeOrder) {
    const counts: Record<number, Counts> = {};
    for (const y of years) counts[y] = emptyCounts();
    byOffice.set(office, counts);
  }
  for (const rec of records) {
    const counts = byOffice.get(rec.office)!;
    for (const c of [total[rec.year]!, counts[rec.year]!]) {
      c[rec.cluster]++;
      c[ALL_SERVICES]++;
    }
  }
  return { years, total, offices: [...byOffice].map(([office, counts]) => ({ office, counts })) };
}
