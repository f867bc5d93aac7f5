import { ALL_SERVICES, type CountedCluster, type Counts, emptyCounts } from '../clusters';
import { COUNTED_CLUSTERS } from './counted-clusters';
import type { CountedRecord } from '../model';
import type { Catalog } from '../catalog/types';
import { byIdentity } from './identity';
import { refinementsOf } from './refinement';
import type { ComparisonPart, OfficeComparison, TransitionMatrix, YearComparison } from './types';

/** Thrown for a caller's misuse of compareYears (not for bad data). */
export class ComparisonInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComparisonInputError';
  }
}

export interface CompareOptions {
  /** Official names of Leistungsobjekte whose LO row is not inventoried. */
  readonly catalog?: Catalog;
  /** Strictly ascending years; every consecutive pair is compared (usually `Analysis.years`). */
  readonly years: readonly number[];
}

/**
 * Compares every pair of consecutive entries of `years` (Y-1 → Y), over all offices and per
 * office. Identity of a service: same office and same valid key, else same office and same
 * folded name; a repeated identity in one office and year counts once (the first record wins).
 * `published` counts every record as given (the Monitoring table); everything else counts identities.
 */
export function compareYears(records: readonly CountedRecord[], opts: CompareOptions): YearComparison[] {
  const { years, catalog } = opts;
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    if (!Number.isInteger(y)) throw new ComparisonInputError(`compareYears: year ${String(y)} is not an integer`);
    if (i > 0 && y <= years[i - 1]!) throw new ComparisonInputError('compareYears: years must be strictly ascending');
  }
  const byYear = new Map<number, CountedRecord[]>();
  const officeOrder: string[] = [];
  const seenOffices = new Set<string>();
  for (const r of records) {
    let list = byYear.get(r.year);
    if (!list) byYear.set(r.year, (list = []));
    list.push(r);
    if (!seenOffices.has(r.office)) {
      seenOffices.add(r.office);
      officeOrder.push(r.office);
    }
  }

  const result: YearComparison[] = [];
  for (let i = 1; i < years.length; i++) {
    const from = years[i - 1]!;
    const to = years[i]!;
    const fromRecords = byYear.get(from) ?? [];
    const toRecords = byYear.get(to) ?? [];
    const total = comparePart(from, to, fromRecords, toRecords, catalog);
    const fromByOffice = groupByOffice(fromRecords);
    const toByOffice = groupByOffice(toRecords);
    const offices: OfficeComparison[] = [];
    for (const office of officeOrder) {
      const f = fromByOffice.get(office) ?? [];
      const t = toByOffice.get(office) ?? [];
      if (f.length === 0 && t.length === 0) continue;
      offices.push({ office, ...comparePart(from, to, f, t, catalog) });
    }
    result.push({ from, to, ...total, offices });
  }
  return result;
}

function groupByOffice(records: readonly CountedRecord[]): Map<string, CountedRecord[]> {
  const map = new Map<string, CountedRecord[]>();
  for (const r of records) {
    let list = map.get(r.office);
    if (!list) map.set(r.office, (list = []));
    list.push(r);
  }
  return map;
}

function count(counts: Counts, cluster: CountedCluster): void {
  counts[cluster]++;
  counts[ALL_SERVICES]++;
}

export function countRecords(records: Iterable<CountedRecord>): Counts {
  const counts = emptyCounts();
  for (const r of records) count(counts, r.cluster);
  return counts;
}

function emptyMatrix(): Record<CountedCluster, Record<CountedCluster, number>> {
  const m = {} as Record<CountedCluster, Record<CountedCluster, number>>;
  for (const a of COUNTED_CLUSTERS) {
    const row = {} as Record<CountedCluster, number>;
    for (const b of COUNTED_CLUSTERS) row[b] = 0;
    m[a] = row;
  }
  return m;
}

function comparePart(
  from: number,
  to: number,
  fromRecords: readonly CountedRecord[],
  toRecords: readonly CountedRecord[],
  catalog: Catalog | undefined,
): ComparisonPart {
  const before = byIdentity(fromRecords);
  const after = byIdentity(toRecords);
  const transitions = emptyMatrix();
  const adjustedFrom = emptyCounts();
  const adjustedTo = emptyCounts();
  const addedByCluster = emptyCounts();
  const removedByCluster = emptyCounts();
  let common = 0;
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) {
      count(removedByCluster, b.cluster);
      continue;
    }
    common++;
    transitions[b.cluster][a.cluster]++;
    count(adjustedFrom, b.cluster);
    count(adjustedTo, a.cluster);
  }
  for (const [id, a] of after) if (!before.has(id)) count(addedByCluster, a.cluster);
  const published: Record<number, Counts> = { [from]: countRecords(fromRecords), [to]: countRecords(toRecords) };
  const matrix: TransitionMatrix = transitions;
  return {
    common,
    added: addedByCluster[ALL_SERVICES],
    removed: removedByCluster[ALL_SERVICES],
    transitions: matrix,
    refinement: refinementsOf(before, after, published[from]!, published[to]!, catalog),
    adjusted: { [from]: adjustedFrom, [to]: adjustedTo },
    published,
    addedByCluster,
    removedByCluster,
  };
}
