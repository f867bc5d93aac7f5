import { ALL_SERVICES, COUNTED_CLUSTERS, type CountedCluster, type Counts, emptyCounts, shownClusters, UNASSIGNED } from '../clusters';
import { ComparisonInputError } from '../errors';
import type { CountedRecord } from '../model';
import { addToCounts as count, countRecords } from '../tally';
import type { Catalog } from '../catalog/types';
import { byIdentity } from './identity';
import { refinementsOf } from './refinement';
import type { ComparisonPart, OfficeComparison, TransitionMatrix, YearComparison } from './types';

export { ComparisonInputError };

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
    // identities are built once per year; an office's part is the slice of them in that office
    const before = byIdentity(fromRecords);
    const after = byIdentity(toRecords);
    const total = comparePart(from, to, { records: fromRecords, identities: before }, { records: toRecords, identities: after }, catalog);
    let offices: OfficeComparison[] | undefined;
    // per-office parts cost as much as the total; the JSON never reads them, the Vergleich sheet does
    result.push({
      from,
      to,
      ...total,
      get offices() {
        return (offices ??= officeParts(from, to, fromRecords, toRecords, before, after, officeOrder, catalog));
      },
    });
  }
  return result;
}

function officeParts(
  from: number,
  to: number,
  fromRecords: readonly CountedRecord[],
  toRecords: readonly CountedRecord[],
  before: ReadonlyMap<string, CountedRecord>,
  after: ReadonlyMap<string, CountedRecord>,
  officeOrder: readonly string[],
  catalog: Catalog | undefined,
): OfficeComparison[] {
  const fromByOffice = groupByOffice(fromRecords, before);
  const toByOffice = groupByOffice(toRecords, after);
  const none: YearSlice = { records: [], identities: new Map() };
  const offices: OfficeComparison[] = [];
  for (const office of officeOrder) {
    const f = fromByOffice.get(office) ?? none;
    const t = toByOffice.get(office) ?? none;
    if (f.records.length === 0 && t.records.length === 0) continue;
    offices.push({ office, ...comparePart(from, to, f, t, catalog) });
  }
  return offices;
}

/** One year's records of a scope, and the same records by identity (first record of an identity wins). */
interface YearSlice {
  readonly records: readonly CountedRecord[];
  readonly identities: ReadonlyMap<string, CountedRecord>;
}

function groupByOffice(records: readonly CountedRecord[], identities: ReadonlyMap<string, CountedRecord>): Map<string, { records: CountedRecord[]; identities: Map<string, CountedRecord> }> {
  const map = new Map<string, { records: CountedRecord[]; identities: Map<string, CountedRecord> }>();
  const slice = (office: string): { records: CountedRecord[]; identities: Map<string, CountedRecord> } => {
    let s = map.get(office);
    if (!s) map.set(office, (s = { records: [], identities: new Map() }));
    return s;
  };
  for (const r of records) slice(r.office).records.push(r);
  // identities carry their office, so each lands in exactly one office's slice
  for (const [id, r] of identities) slice(r.office).identities.set(id, r);
  return map;
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

function comparePart(from: number, to: number, fromSlice: YearSlice, toSlice: YearSlice, catalog: Catalog | undefined): ComparisonPart {
  const before = fromSlice.identities;
  const after = toSlice.identities;
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
  const published: Record<number, Counts> = { [from]: countRecords(fromSlice.records), [to]: countRecords(toSlice.records) };
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

/** The clusters a transition matrix shows: Nicht zugeordnet only where a service moved into or out of it. */
export function transitionClusters(transitions: TransitionMatrix): CountedCluster[] {
  return shownClusters(COUNTED_CLUSTERS.some((o) => transitions[UNASSIGNED][o] + transitions[o][UNASSIGNED] > 0));
}
