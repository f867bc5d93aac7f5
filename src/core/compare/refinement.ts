import type { CountedCluster, Counts } from '../clusters';
import type { CountedRecord } from '../model';
import type { Catalog } from '../catalog/types';
import { leistungsobjektEntry } from '../catalog/parse';
import { leistungsobjektKey, leistungsobjektOf } from '../key';
import { commonNamePrefix } from './prefix';
import type { Refinement, RefinementClusterPart } from './types';
import { COUNTED_CLUSTERS } from '../clusters';

interface LoTally {
  from: number;
  to: number;
  fromClusters: Map<CountedCluster, number>;
  toClusters: Map<CountedCluster, number>;
  names: string[];
  loNameFrom: string;
  loNameTo: string;
}

function tally(map: Map<string, LoTally>, lo: string): LoTally {
  let t = map.get(lo);
  if (!t) map.set(lo, (t = { from: 0, to: 0, fromClusters: new Map(), toClusters: new Map(), names: [], loNameFrom: '', loNameTo: '' }));
  return t;
}

/**
 * Leistungsobjekte (key digits 1–8) whose number of inventoried keys changed between the two
 * years, largest absolute change first (then growth before shrinkage, then by number).
 * Only identities with a valid key take part; a key kept by two offices counts twice,
 * as in the Monitoring table.
 */
export function refinementsOf(
  before: ReadonlyMap<string, CountedRecord>,
  after: ReadonlyMap<string, CountedRecord>,
  publishedFrom: Counts,
  publishedTo: Counts,
  catalog: Catalog | undefined,
): Refinement[] {
  const los = new Map<string, LoTally>();
  const add = (r: CountedRecord, side: 'from' | 'to'): void => {
    if (!r.keyValid) return;
    const lo = leistungsobjektOf(r.key);
    const t = tally(los, lo);
    t[side]++;
    const clusters = side === 'from' ? t.fromClusters : t.toClusters;
    clusters.set(r.cluster, (clusters.get(r.cluster) ?? 0) + 1);
    // record names arrive with whitespace collapsed (analyze reads them so)
    const name = r.name;
    if (name === '') return;
    t.names.push(name);
    if (r.key === leistungsobjektKey(lo)) {
      if (side === 'from' && t.loNameFrom === '') t.loNameFrom = name;
      if (side === 'to' && t.loNameTo === '') t.loNameTo = name;
    }
  };
  for (const r of before.values()) add(r, 'from');
  for (const r of after.values()) add(r, 'to');

  const result: Refinement[] = [];
  for (const [lo, t] of los) {
    if (t.from === t.to) continue;
    const clusters: Partial<Record<CountedCluster, RefinementClusterPart>> = {};
    for (const c of COUNTED_CLUSTERS) {
      const f = t.fromClusters.get(c) ?? 0;
      const n = t.toClusters.get(c) ?? 0;
      if (f === 0 && n === 0) continue;
      clusters[c] = { from: f, to: n, change: n - f, clusterChange: publishedTo[c] - publishedFrom[c] };
    }
    result.push({ leistungsobjekt: lo, ...nameOf(lo, t, catalog), from: t.from, to: t.to, change: t.to - t.from, clusters });
  }
  return result.sort(
    (a, b) =>
      Math.abs(b.change) - Math.abs(a.change) || b.change - a.change || (a.leistungsobjekt < b.leistungsobjekt ? -1 : a.leistungsobjekt > b.leistungsobjekt ? 1 : 0),
  );
}

function nameOf(lo: string, t: LoTally, catalog: Catalog | undefined): Pick<Refinement, 'name' | 'nameSource'> {
  const own = t.loNameTo || t.loNameFrom;
  if (own) return { name: own, nameSource: 'record' };
  const official = catalog ? leistungsobjektEntry(catalog, lo)?.name : undefined;
  if (official) return { name: official, nameSource: 'catalog' };
  const prefix = commonNamePrefix(t.names);
  return { name: prefix || `Leistungsobjekt ${lo}`, nameSource: 'prefix' };
}
