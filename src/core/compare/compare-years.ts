import { ALL_SERVICES, COUNTED_CLUSTERS, type CountedCluster, type Counts, shownClusters, UNASSIGNED } from '../clusters';
import { ComparisonInputError } from '../errors';
import type { CountedRecord } from '../model';
import { countsOf } from '../tally';
import type { Catalog } from '../catalog/types';
import { CLUSTER_COUNT, indexRecords, type RecordIndex } from './record-index';
import { refinementScratch, refinementsOf, type RefinementScratch, type Scope } from './refinement';
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
  const index = indexRecords(records, years);
  const byOffice = idsByOffice(index);
  const all: Scope = { ids: byOffice.ids, start: 0, end: index.count };
  const scratch = refinementScratch(index);
  let officePublished: Int32Array | undefined;

  const result: YearComparison[] = [];
  for (let i = 1; i < years.length; i++) {
    const from = years[i - 1]!;
    const to = years[i]!;
    const published = { [from]: countsOf(index.published.subarray((i - 1) * CLUSTER_COUNT, i * CLUSTER_COUNT)), [to]: countsOf(index.published.subarray(i * CLUSTER_COUNT, (i + 1) * CLUSTER_COUNT)) };
    const total = comparePart(index, all, i - 1, i, published, catalog, scratch);
    let offices: OfficeComparison[] | undefined;
    // per-office parts cost as much as the total; the JSON never reads them, the Vergleich sheet does
    result.push({
      from,
      to,
      ...total,
      get offices() {
        return (offices ??= officeParts(index, byOffice, i - 1, i, (officePublished ??= publishedByOffice(index)), catalog, scratch));
      },
    });
  }
  return result;
}

/** The identities grouped by office: office `o` holds `ids[starts[o]..starts[o + 1])`, in id order. */
interface IdsByOffice {
  readonly ids: Int32Array;
  readonly starts: Int32Array;
}

function idsByOffice(index: RecordIndex): IdsByOffice {
  const { count, officeOf } = index;
  const starts = new Int32Array(index.offices.length + 1);
  for (let id = 0; id < count; id++) starts[officeOf[id]! + 1]!++;
  for (let o = 0; o < index.offices.length; o++) starts[o + 1]! += starts[o]!;
  const next = starts.slice(0, index.offices.length);
  const ids = new Int32Array(count);
  for (let id = 0; id < count; id++) ids[next[officeOf[id]!]!++] = id;
  return { ids, starts };
}

/** Per office and year, every record counted by cluster: `[(office * years + year) * CLUSTER_COUNT + cluster]`. */
function publishedByOffice(index: RecordIndex): Int32Array {
  const { years, yearOf, officeOfRecord, clusterOf } = index;
  const out = new Int32Array(index.offices.length * years.length * CLUSTER_COUNT);
  for (let r = 0; r < index.records.length; r++) {
    const y = yearOf[r]!;
    if (y >= 0) out[(officeOfRecord[r]! * years.length + y) * CLUSTER_COUNT + clusterOf[r]!]!++;
  }
  return out;
}

function officeParts(
  index: RecordIndex,
  byOffice: IdsByOffice,
  fromYear: number,
  toYear: number,
  published: Int32Array,
  catalog: Catalog | undefined,
  scratch: RefinementScratch,
): OfficeComparison[] {
  const { years } = index;
  const tallyOf = (o: number, y: number): Int32Array => published.subarray((o * years.length + y) * CLUSTER_COUNT, (o * years.length + y + 1) * CLUSTER_COUNT);
  const offices: OfficeComparison[] = [];
  index.offices.forEach((office, o) => {
    const f = countsOf(tallyOf(o, fromYear));
    const t = countsOf(tallyOf(o, toYear));
    if (f[ALL_SERVICES] === 0 && t[ALL_SERVICES] === 0) return;
    const scope: Scope = { ids: byOffice.ids, start: byOffice.starts[o]!, end: byOffice.starts[o + 1]! };
    offices.push({ office, ...comparePart(index, scope, fromYear, toYear, { [years[fromYear]!]: f, [years[toYear]!]: t }, catalog, scratch) });
  });
  return offices;
}

/**
 * One scope's comparison of two years (positions in `index.years`); `published` holds the
 * scope's published table of both.
 */
function comparePart(
  index: RecordIndex,
  scope: Scope,
  fromYear: number,
  toYear: number,
  published: Record<number, Counts>,
  catalog: Catalog | undefined,
  scratch: RefinementScratch,
): ComparisonPart {
  const from = index.years[fromYear]!;
  const to = index.years[toYear]!;
  const before = index.first[fromYear]!;
  const after = index.first[toYear]!;
  const { clusterOf } = index;
  const transitions = new Int32Array(CLUSTER_COUNT * CLUSTER_COUNT);
  const adjustedFrom = new Int32Array(CLUSTER_COUNT);
  const adjustedTo = new Int32Array(CLUSTER_COUNT);
  const added = new Int32Array(CLUSTER_COUNT);
  const removed = new Int32Array(CLUSTER_COUNT);
  let common = 0;
  const { ids, start, end } = scope;
  for (let k = start; k < end; k++) {
    const id = ids[k]!;
    const b = before[id]! - 1;
    const a = after[id]! - 1;
    if (b < 0) {
      if (a >= 0) added[clusterOf[a]!]!++;
    } else if (a < 0) removed[clusterOf[b]!]!++;
    else {
      const cb = clusterOf[b]!;
      const ca = clusterOf[a]!;
      common++;
      transitions[cb * CLUSTER_COUNT + ca]!++;
      adjustedFrom[cb]!++;
      adjustedTo[ca]!++;
    }
  }
  const addedByCluster = countsOf(added);
  const removedByCluster = countsOf(removed);
  return {
    common,
    added: addedByCluster[ALL_SERVICES],
    removed: removedByCluster[ALL_SERVICES],
    transitions: matrixOf(transitions),
    refinement: refinementsOf(index, scope, fromYear, toYear, published[from]!, published[to]!, catalog, scratch),
    adjusted: { [from]: countsOf(adjustedFrom), [to]: countsOf(adjustedTo) },
    published,
    addedByCluster,
    removedByCluster,
  };
}

/** The matrix of a flat tally (`[from * CLUSTER_COUNT + to]`), every cell of both axes present. */
function matrixOf(flat: Int32Array): TransitionMatrix {
  const m = {} as Record<CountedCluster, Record<CountedCluster, number>>;
  COUNTED_CLUSTERS.forEach((a, i) => {
    const row = {} as Record<CountedCluster, number>;
    COUNTED_CLUSTERS.forEach((b, j) => (row[b] = flat[i * CLUSTER_COUNT + j]!));
    m[a] = row;
  });
  return m;
}

/** The clusters a transition matrix shows: Nicht zugeordnet only where a service moved into or out of it. */
export function transitionClusters(transitions: TransitionMatrix): CountedCluster[] {
  return shownClusters(COUNTED_CLUSTERS.some((o) => transitions[UNASSIGNED][o] + transitions[o][UNASSIGNED] > 0));
}
