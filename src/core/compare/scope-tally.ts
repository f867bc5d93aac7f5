import { CLUSTER_COUNT, type RecordIndex } from './record-index';

/** A scope: the identities `ids[start..end)`, or the ids `start..end` themselves where `ids` is absent. */
export interface Scope {
  readonly ids?: Int32Array;
  readonly start: number;
  readonly end: number;
}

/** Per Leistungsobjekt in `ScopeTally.perLo`: keys in the earlier and the later year, then both years' keys per cluster. */
export const LO_FROM = 0;
export const LO_TO = 1;
export const LO_FROM_CLUSTERS = 2;
export const LO_TO_CLUSTERS = 2 + CLUSTER_COUNT;
const LO_STRIDE = 2 + 2 * CLUSTER_COUNT;

/**
 * The counts of one scope and pair of years, filled by `tallyScope` in one pass over the scope's
 * identities; one instance serves the total and every office in turn. Clusters are positions in
 * COUNTED_CLUSTERS; an identity counts with its first record of each year.
 */
export class ScopeTally {
  /** Identities in both years. */
  common = 0;
  /** `[clusterBefore * CLUSTER_COUNT + clusterAfter]`: identities in both years. */
  readonly transitions = new Int32Array(CLUSTER_COUNT * CLUSTER_COUNT);
  /** Identities in both years by their cluster in the earlier and in the later year. */
  readonly adjustedFrom = new Int32Array(CLUSTER_COUNT);
  readonly adjustedTo = new Int32Array(CLUSTER_COUNT);
  /** Identities only in the later year (their cluster then) and only in the earlier year. */
  readonly added = new Int32Array(CLUSTER_COUNT);
  readonly removed = new Int32Array(CLUSTER_COUNT);
  /** Per Leistungsobjekt, identities with a valid key: `[lo * LO_STRIDE + LO_…]`. */
  readonly perLo: Int32Array;
  /** Per Leistungsobjekt and year: 1 + the first record of its LO row with a name, else 0. */
  readonly loNameFrom: Int32Array;
  readonly loNameTo: Int32Array;
  /** The Leistungsobjekte the scope has keys of, `touched[0..touchedCount)`. */
  readonly touched: Int32Array;
  touchedCount = 0;

  constructor(leistungsobjekte: number) {
    this.perLo = new Int32Array(leistungsobjekte * LO_STRIDE);
    this.loNameFrom = new Int32Array(leistungsobjekte);
    this.loNameTo = new Int32Array(leistungsobjekte);
    this.touched = new Int32Array(leistungsobjekte);
  }

  /** The tally of Leistungsobjekt `lo` at `field` (LO_…). */
  lo(lo: number, field: number): number {
    return this.perLo[lo * LO_STRIDE + field]!;
  }

  /** Back to zero; of the Leistungsobjekte only those touched. */
  clear(): void {
    this.common = 0;
    for (const a of [this.transitions, this.adjustedFrom, this.adjustedTo, this.added, this.removed]) a.fill(0);
    for (let t = 0; t < this.touchedCount; t++) {
      const lo = this.touched[t]!;
      this.perLo.fill(0, lo * LO_STRIDE, (lo + 1) * LO_STRIDE);
      this.loNameFrom[lo] = this.loNameTo[lo] = 0;
    }
    this.touchedCount = 0;
  }
}

/** Fills `tally` with the scope's counts of the years at positions `fromYear` and `toYear`. */
export function tallyScope(index: RecordIndex, scope: Scope, fromYear: number, toYear: number, tally: ScopeTally): void {
  tally.clear();
  const { records, clusterOf, loOf, isLoRow } = index;
  const before = index.first[fromYear]!;
  const after = index.first[toYear]!;
  const { transitions, adjustedFrom, adjustedTo, added, removed, perLo, loNameFrom, loNameTo, touched } = tally;
  const { ids, end } = scope;
  let common = 0;
  let touchedCount = 0;
  for (let k = scope.start; k < end; k++) {
    const id = ids === undefined ? k : ids[k]!;
    // 1 + record index, 0 where the identity has no record that year
    const b = before[id]!;
    const a = after[id]!;
    if (b === 0) {
      if (a === 0) continue;
      added[clusterOf[a - 1]!]!++;
    } else if (a === 0) removed[clusterOf[b - 1]!]!++;
    else {
      const cb = clusterOf[b - 1]!;
      const ca = clusterOf[a - 1]!;
      common++;
      transitions[cb * CLUSTER_COUNT + ca]!++;
      adjustedFrom[cb]!++;
      adjustedTo[ca]!++;
    }
    const lo = loOf[id]!;
    if (lo < 0) continue;
    const base = lo * LO_STRIDE;
    if (perLo[base + LO_FROM] === 0 && perLo[base + LO_TO] === 0) touched[touchedCount++] = lo;
    // the LO row's name: of the year's first record among the LO rows with a name (record names arrive with whitespace collapsed)
    if (b > 0) {
      perLo[base + LO_FROM]!++;
      perLo[base + LO_FROM_CLUSTERS + clusterOf[b - 1]!]!++;
      if (isLoRow[id] === 1 && (loNameFrom[lo] === 0 || b < loNameFrom[lo]!) && records.name(b - 1) !== '') loNameFrom[lo] = b;
    }
    if (a > 0) {
      perLo[base + LO_TO]!++;
      perLo[base + LO_TO_CLUSTERS + clusterOf[a - 1]!]!++;
      if (isLoRow[id] === 1 && (loNameTo[lo] === 0 || a < loNameTo[lo]!) && records.name(a - 1) !== '') loNameTo[lo] = a;
    }
  }
  tally.common = common;
  tally.touchedCount = touchedCount;
}
