import type { CountedCluster, Counts } from '../clusters';
import type { Catalog } from '../catalog/types';
import { leistungsobjektEntry } from '../catalog/parse';
import { COUNTED_CLUSTERS } from '../clusters';
import { NamePrefix } from './prefix';
import { CLUSTER_COUNT, type RecordIndex } from './record-index';
import type { Refinement, RefinementClusterPart } from './types';

/** Per Leistungsobjekt: keys in the earlier and the later year, then both years' keys per cluster. */
const FROM = 0;
const TO = 1;
const FROM_CLUSTERS = 2;
const TO_CLUSTERS = 2 + CLUSTER_COUNT;
const STRIDE = 2 + 2 * CLUSTER_COUNT;

/**
 * Tallies per Leistungsobjekt of one scope at a time. Every scope leaves them as it found them
 * (only the Leistungsobjekte it touched are reset), so one instance serves the total and every office.
 */
export interface RefinementScratch {
  readonly counts: Int32Array;
  /** Per Leistungsobjekt and year: 1 + the first record of its LO row with a name, else 0. */
  readonly nameFrom: Int32Array;
  readonly nameTo: Int32Array;
  /** The Leistungsobjekte the scope touched, in `touched[0..]`. */
  readonly touched: Int32Array;
  /** Per Leistungsobjekt: 1 + its position among those named by prefix, else 0. */
  readonly prefixed: Int32Array;
}

export function refinementScratch(index: RecordIndex): RefinementScratch {
  const n = index.leistungsobjekte.length;
  return { counts: new Int32Array(n * STRIDE), nameFrom: new Int32Array(n), nameTo: new Int32Array(n), touched: new Int32Array(n), prefixed: new Int32Array(n) };
}

/** A scope: the identities `ids[start..end)`. */
export interface Scope {
  readonly ids: Int32Array;
  readonly start: number;
  readonly end: number;
}

/**
 * Leistungsobjekte (key digits 1–8) whose number of inventoried keys changed between the two
 * years (positions in `index.years`), largest absolute change first (then growth before
 * shrinkage, then by number). Only identities with a valid key take part, each with its first
 * record of the year; a key kept by two offices counts twice, as in the Monitoring table.
 */
export function refinementsOf(
  index: RecordIndex,
  scope: Scope,
  fromYear: number,
  toYear: number,
  publishedFrom: Counts,
  publishedTo: Counts,
  catalog: Catalog | undefined,
  scratch: RefinementScratch,
): Refinement[] {
  const before = index.first[fromYear]!;
  const after = index.first[toYear]!;
  const touched = tally(index, scope, before, after, scratch);
  const { counts, nameFrom, nameTo, prefixed } = scratch;
  const { records } = index;
  const result: Refinement[] = [];
  const prefixes: { readonly at: number; readonly names: NamePrefix }[] = [];
  for (let t = 0; t < touched; t++) {
    const lo = scratch.touched[t]!;
    const base = lo * STRIDE;
    const from = counts[base + FROM]!;
    const to = counts[base + TO]!;
    if (from !== to) {
      const clusters: Partial<Record<CountedCluster, RefinementClusterPart>> = {};
      COUNTED_CLUSTERS.forEach((c, i) => {
        const f = counts[base + FROM_CLUSTERS + i]!;
        const n = counts[base + TO_CLUSTERS + i]!;
        if (f !== 0 || n !== 0) clusters[c] = { from: f, to: n, change: n - f, clusterChange: publishedTo[c] - publishedFrom[c] };
      });
      const leistungsobjekt = index.leistungsobjekte[lo]!;
      // the LO row's name of the later year, else of the earlier one
      const ownAt = nameTo[lo] || nameFrom[lo]!;
      const official = ownAt > 0 || !catalog ? undefined : leistungsobjektEntry(catalog, leistungsobjekt)?.name;
      let named: Pick<Refinement, 'name' | 'nameSource'>;
      if (ownAt > 0) named = { name: records[ownAt - 1]!.name, nameSource: 'record' };
      else if (official) named = { name: official, nameSource: 'catalog' };
      else {
        // named below, once the names of its services are known
        named = { name: '', nameSource: 'prefix' };
        prefixes.push({ at: result.length, names: new NamePrefix() });
        prefixed[lo] = prefixes.length;
      }
      result.push({ leistungsobjekt, ...named, from, to, change: to - from, clusters });
    }
  }
  if (prefixes.length > 0) {
    addNames(index, scope, before, after, prefixed, prefixes);
    for (const { at, names } of prefixes) {
      const r = result[at]!;
      result[at] = { ...r, name: names.result() || `Leistungsobjekt ${r.leistungsobjekt}` };
    }
  }
  for (let t = 0; t < touched; t++) {
    const lo = scratch.touched[t]!;
    counts.fill(0, lo * STRIDE, (lo + 1) * STRIDE);
    nameFrom[lo] = nameTo[lo] = prefixed[lo] = 0;
  }

  return result.sort(
    (a, b) =>
      Math.abs(b.change) - Math.abs(a.change) || b.change - a.change || (a.leistungsobjekt < b.leistungsobjekt ? -1 : a.leistungsobjekt > b.leistungsobjekt ? 1 : 0),
  );
}

/** Tallies the scope's identities per Leistungsobjekt into `scratch`; returns how many Leistungsobjekte it touched. */
function tally(index: RecordIndex, scope: Scope, before: Int32Array, after: Int32Array, scratch: RefinementScratch): number {
  const { records, loOf, isLoRow, clusterOf } = index;
  const { counts, nameFrom, nameTo, touched } = scratch;
  const { ids, end } = scope;
  let touchedCount = 0;
  for (let k = scope.start; k < end; k++) {
    const id = ids[k]!;
    const lo = loOf[id]!;
    if (lo < 0) continue;
    const b = before[id]!;
    const a = after[id]!;
    if (b === 0 && a === 0) continue;
    const base = lo * STRIDE;
    if (counts[base + FROM] === 0 && counts[base + TO] === 0) touched[touchedCount++] = lo;
    // the LO row's name: of the year's first record among the LO rows with a name (record names arrive with whitespace collapsed)
    if (b > 0) {
      counts[base + FROM]!++;
      counts[base + FROM_CLUSTERS + clusterOf[b - 1]!]!++;
      if (isLoRow[id] === 1 && (nameFrom[lo] === 0 || b < nameFrom[lo]!) && records[b - 1]!.name !== '') nameFrom[lo] = b;
    }
    if (a > 0) {
      counts[base + TO]!++;
      counts[base + TO_CLUSTERS + clusterOf[a - 1]!]!++;
      if (isLoRow[id] === 1 && (nameTo[lo] === 0 || a < nameTo[lo]!) && records[a - 1]!.name !== '') nameTo[lo] = a;
    }
  }
  return touchedCount;
}

/** Adds the names of the scope's services (both years) of each Leistungsobjekt named by prefix. */
function addNames(
  index: RecordIndex,
  scope: Scope,
  before: Int32Array,
  after: Int32Array,
  prefixed: Int32Array,
  prefixes: readonly { readonly names: NamePrefix }[],
): void {
  const { records, loOf } = index;
  const { ids, end } = scope;
  for (let k = scope.start; k < end; k++) {
    const id = ids[k]!;
    const lo = loOf[id]!;
    const slot = lo < 0 ? 0 : prefixed[lo]!;
    if (slot === 0) continue;
    const names = prefixes[slot - 1]!.names;
    const b = before[id]!;
    const a = after[id]!;
    const nameBefore = b > 0 ? records[b - 1]!.name : '';
    if (nameBefore !== '') names.add(nameBefore);
    // the same name again changes nothing
    if (a > 0 && records[a - 1]!.name !== nameBefore) names.add(records[a - 1]!.name);
  }
}
