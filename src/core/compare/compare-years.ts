import { ALL_SERVICES, COUNTED_CLUSTERS, type CountedCluster, type Counts, shownClusters, UNASSIGNED } from '../clusters';
import { ComparisonInputError } from '../errors';
import type { CountedRecord } from '../model';
import { columnsOfRecords, type RecordColumns } from '../record-table';
import { countsOf } from '../tally';
import type { Catalog } from '../catalog/types';
import { CLUSTER_COUNT, indexRecords, type RecordIndex } from './record-index';
import { refinementsOf } from './refinement';
import { type Scope, ScopeTally, tallyScope } from './scope-tally';
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
export function compareYears(records: readonly CountedRecord[] | RecordColumns, opts: CompareOptions): YearComparison[] {
  const { years, catalog } = opts;
  for (let i = 0; i < years.length; i++) {
    const y = years[i]!;
    if (!Number.isInteger(y)) throw new ComparisonInputError(`compareYears: year ${String(y)} is not an integer`);
    if (i > 0 && y <= years[i - 1]!) throw new ComparisonInputError('compareYears: years must be strictly ascending');
  }
  const index = indexRecords(columnsOfRecords(records), years);
  const all: Scope = { start: 0, end: index.count };
  const tally = new ScopeTally(index.leistungsobjekte.length);
  const total = new Int32Array(years.length * CLUSTER_COUNT);
  for (const office of index.published) for (let k = 0; k < total.length; k++) total[k]! += office[k]!;
  let byOffice: IdsByOffice | undefined;

  const result: YearComparison[] = [];
  for (let i = 1; i < years.length; i++) {
    const from = years[i - 1]!;
    const to = years[i]!;
    const part = comparePart(index, all, i - 1, i, { [from]: countsOf(yearOf(total, i - 1)), [to]: countsOf(yearOf(total, i)) }, catalog, tally);
    let offices: OfficeComparison[] | undefined;
    // per-office parts cost as much as the total; the JSON never reads them, the Vergleich sheet does
    result.push({
      from,
      to,
      ...part,
      get offices() {
        return (offices ??= officeParts(index, (byOffice ??= idsByOffice(index)), i - 1, i, catalog, tally));
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

/** One year's row (position in the years) of a table counted by year and cluster. */
function yearOf(counts: Int32Array, year: number): Int32Array {
  return counts.subarray(year * CLUSTER_COUNT, (year + 1) * CLUSTER_COUNT);
}

function officeParts(
  index: RecordIndex,
  byOffice: IdsByOffice,
  fromYear: number,
  toYear: number,
  catalog: Catalog | undefined,
  tally: ScopeTally,
): OfficeComparison[] {
  const { years } = index;
  const offices: OfficeComparison[] = [];
  index.offices.forEach((office, o) => {
    const f = countsOf(yearOf(index.published[o]!, fromYear));
    const t = countsOf(yearOf(index.published[o]!, toYear));
    if (f[ALL_SERVICES] === 0 && t[ALL_SERVICES] === 0) return;
    const scope: Scope = { ids: byOffice.ids, start: byOffice.starts[o]!, end: byOffice.starts[o + 1]! };
    offices.push({ office, ...comparePart(index, scope, fromYear, toYear, { [years[fromYear]!]: f, [years[toYear]!]: t }, catalog, tally) });
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
  tally: ScopeTally,
): ComparisonPart {
  const from = index.years[fromYear]!;
  const to = index.years[toYear]!;
  tallyScope(index, scope, fromYear, toYear, tally);
  const addedByCluster = countsOf(tally.added);
  const removedByCluster = countsOf(tally.removed);
  return {
    common: tally.common,
    added: addedByCluster[ALL_SERVICES],
    removed: removedByCluster[ALL_SERVICES],
    transitions: matrixOf(tally.transitions),
    refinement: refinementsOf(index, scope, fromYear, toYear, tally, published[from]!, published[to]!, catalog),
    adjusted: { [from]: countsOf(tally.adjustedFrom), [to]: countsOf(tally.adjustedTo) },
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
