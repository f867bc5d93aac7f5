import type { Catalog } from '../catalog/types';
import { leistungsobjektEntry } from '../catalog/parse';
import { COUNTED_CLUSTERS, type CountedCluster } from '../clusters';
import { leistungsobjektKey, leistungsobjektOf } from '../key';
import type { CountedRecord } from '../model';
import type { BausteinRefinement } from './types';

/** SPEC §9: a Leistungsobjekt counts as refined with at least this many more distinct keys. */
export const REFINEMENT_MIN_GROWTH = 10;
/** SPEC §9: at most this many refinements are named. */
export const MAX_REFINEMENTS = 5;

interface LoKeys {
  /** Distinct valid keys in the earlier year. */
  readonly from: Set<string>;
  /** Distinct valid keys in the later year, each with the cluster of its first record. */
  readonly to: Map<string, CountedCluster>;
  ownName: string;
  ownNameFrom: string;
}

/**
 * The refinements of SPEC §9 between `from` and `to`: Leistungsobjekte (key digits 1–8) with at
 * least ten more distinct valid keys, over all offices, in `to` than in `from`; largest growth
 * first (then by Leistungsobjekt), at most five. Named after the Leistungsobjekt's own
 * `…000000` row (later year first), else the catalogue, else its key.
 */
export function significantRefinements(records: readonly CountedRecord[], from: number, to: number, catalog?: Catalog): BausteinRefinement[] {
  const los = new Map<string, LoKeys>();
  for (const r of records) {
    if (!r.keyValid || (r.year !== from && r.year !== to)) continue;
    const lo = leistungsobjektOf(r.key);
    let t = los.get(lo);
    if (!t) los.set(lo, (t = { from: new Set(), to: new Map(), ownName: '', ownNameFrom: '' }));
    if (r.year === from) t.from.add(r.key);
    else if (!t.to.has(r.key)) t.to.set(r.key, r.cluster);
    if (r.key === leistungsobjektKey(lo) && r.name !== '') {
      if (r.year === to && t.ownName === '') t.ownName = r.name;
      if (r.year === from && t.ownNameFrom === '') t.ownNameFrom = r.name;
    }
  }
  const result: BausteinRefinement[] = [];
  for (const [lo, t] of los) {
    if (t.to.size - t.from.size < REFINEMENT_MIN_GROWTH) continue;
    const clusters: Partial<Record<CountedCluster, number>> = {};
    for (const k of COUNTED_CLUSTERS) {
      let n = 0;
      for (const c of t.to.values()) if (c === k) n++;
      if (n > 0) clusters[k] = n;
    }
    result.push({ leistungsobjekt: lo, ...nameOf(lo, t, catalog), from: t.from.size, to: t.to.size, clusters });
  }
  result.sort((a, b) => b.to - b.from - (a.to - a.from) || (a.leistungsobjekt < b.leistungsobjekt ? -1 : 1));
  return result.slice(0, MAX_REFINEMENTS);
}

function nameOf(lo: string, t: LoKeys, catalog: Catalog | undefined): Pick<BausteinRefinement, 'name' | 'nameSource'> {
  const own = t.ownName || t.ownNameFrom;
  if (own) return { name: own, nameSource: 'record' };
  const official = catalog ? leistungsobjektEntry(catalog, lo)?.name : undefined;
  if (official) return { name: official, nameSource: 'catalog' };
  return { name: `Leistungsobjekt ${lo}`, nameSource: 'key' };
}
