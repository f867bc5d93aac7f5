import type { CountedCluster, Counts } from '../clusters';
import type { Catalog } from '../catalog/types';
import { leistungsobjektEntry } from '../catalog/parse';
import { COUNTED_CLUSTERS } from '../clusters';
import { NamePrefix } from './prefix';
import type { RecordIndex } from './record-index';
import { LO_FROM, LO_FROM_CLUSTERS, LO_TO, LO_TO_CLUSTERS, type Scope, type ScopeTally } from './scope-tally';
import type { Refinement, RefinementClusterPart } from './types';

/**
 * Leistungsobjekte (key digits 1–8) whose number of inventoried keys changed between the two
 * years (positions in `index.years`), largest absolute change first (then growth before
 * shrinkage, then by number). Only identities with a valid key take part, each with its first
 * record of the year; a key kept by two offices counts twice, as in the Monitoring table.
 * `tally` holds the scope's counts of the two years (`tallyScope`).
 */
export function refinementsOf(
  index: RecordIndex,
  scope: Scope,
  fromYear: number,
  toYear: number,
  tally: ScopeTally,
  publishedFrom: Counts,
  publishedTo: Counts,
  catalog: Catalog | undefined,
): Refinement[] {
  const { records } = index;
  const result: Refinement[] = [];
  /** Per Leistungsobjekt named by the prefix of its services' names: 1 + its position in `result`, else 0. */
  const prefixed = new Int32Array(index.leistungsobjekte.length);
  let prefixes = 0;
  for (let t = 0; t < tally.touchedCount; t++) {
    const lo = tally.touched[t]!;
    const from = tally.lo(lo, LO_FROM);
    const to = tally.lo(lo, LO_TO);
    if (from === to) continue;
    const clusters: Partial<Record<CountedCluster, RefinementClusterPart>> = {};
    COUNTED_CLUSTERS.forEach((c, i) => {
      const f = tally.lo(lo, LO_FROM_CLUSTERS + i);
      const n = tally.lo(lo, LO_TO_CLUSTERS + i);
      if (f !== 0 || n !== 0) clusters[c] = { from: f, to: n, change: n - f, clusterChange: publishedTo[c] - publishedFrom[c] };
    });
    const leistungsobjekt = index.leistungsobjekte[lo]!;
    // the LO row's name of the later year, else of the earlier one
    const ownAt = tally.loNameTo[lo] || tally.loNameFrom[lo]!;
    const official = ownAt > 0 || !catalog ? undefined : leistungsobjektEntry(catalog, leistungsobjekt)?.name;
    let named: Pick<Refinement, 'name' | 'nameSource'>;
    if (ownAt > 0) named = { name: records.name(ownAt - 1), nameSource: 'record' };
    else if (official) named = { name: official, nameSource: 'catalog' };
    else {
      // named below, once the names of its services are known
      named = { name: '', nameSource: 'prefix' };
      prefixed[lo] = result.length + 1;
      prefixes++;
    }
    result.push({ leistungsobjekt, ...named, from, to, change: to - from, clusters });
  }
  if (prefixes > 0)
    for (const [at, prefix] of namePrefixes(index, scope, fromYear, toYear, prefixed)) {
      const r = result[at]!;
      result[at] = { ...r, name: prefix.result() || `Leistungsobjekt ${r.leistungsobjekt}` };
    }

  return result.sort(
    (a, b) =>
      Math.abs(b.change) - Math.abs(a.change) || b.change - a.change || (a.leistungsobjekt < b.leistungsobjekt ? -1 : a.leistungsobjekt > b.leistungsobjekt ? 1 : 0),
  );
}

/** The names of the scope's services (both years) of each Leistungsobjekt of `prefixed`, by its position in the result. */
function namePrefixes(index: RecordIndex, scope: Scope, fromYear: number, toYear: number, prefixed: Int32Array): Map<number, NamePrefix> {
  const { records, loOf } = index;
  const before = index.first[fromYear]!;
  const after = index.first[toYear]!;
  const out = new Map<number, NamePrefix>();
  const { ids, end } = scope;
  for (let k = scope.start; k < end; k++) {
    const id = ids === undefined ? k : ids[k]!;
    const lo = loOf[id]!;
    const at = lo < 0 ? -1 : prefixed[lo]! - 1;
    if (at < 0) continue;
    let names = out.get(at);
    if (!names) out.set(at, (names = new NamePrefix()));
    const b = before[id]!;
    const a = after[id]!;
    const nameBefore = b > 0 ? records.name(b - 1) : '';
    if (nameBefore !== '') names.add(nameBefore);
    // the same name again changes nothing
    if (a > 0 && records.name(a - 1) !== nameBefore) names.add(records.name(a - 1));
  }
  return out;
}
