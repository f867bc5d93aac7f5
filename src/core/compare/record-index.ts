import { COUNTED_CLUSTERS } from '../clusters';
import { leistungsobjektOf } from '../key';
import type { RecordColumns } from '../record-table';
import { serviceIdentity } from './identity';

/** A counted cluster as its position in COUNTED_CLUSTERS. */
export const CLUSTER_COUNT = COUNTED_CLUSTERS.length;
const CLUSTER_INDEX = new Map(COUNTED_CLUSTERS.map((c, i) => [c, i]));

/**
 * The records of the compared years with every service identity (see `serviceIdentity`) interned
 * once as an integer id, in order of first appearance. Per-id arrays hold `count` ids (and room for more).
 */
export interface RecordIndex {
  readonly records: RecordColumns;
  readonly years: readonly number[];
  /** Offices in order of first appearance over all records (compared years or not). */
  readonly offices: readonly string[];
  /** Number of identities. */
  readonly count: number;
  /** Per id: its office's position in `offices`. */
  readonly officeOf: Int32Array;
  /** Per id: its Leistungsobjekt's position in `leistungsobjekte` (valid keys only), else -1. */
  readonly loOf: Int32Array;
  /** Per id: 1 where its key is the key of its Leistungsobjekt itself (`…000000`). */
  readonly isLoRow: Uint8Array;
  /** Leistungsobjekte (key digits 1–8) of the valid keys. */
  readonly leistungsobjekte: readonly string[];
  /** Per year (position in `years`), per id: 1 + the index in `records` of its first record that year, else 0. */
  readonly first: readonly Int32Array[];
  /** Per record: its cluster's position in COUNTED_CLUSTERS. */
  readonly clusterOf: Uint8Array;
  /** Per office: its records counted by year and cluster (`[year * CLUSTER_COUNT + cluster]`), the published table. */
  readonly published: readonly Int32Array[];
}

/**
 * Interns the identities of the records of `years` (the rule of `serviceIdentity`): per office
 * by valid key as it stands, else (rarely) by `serviceIdentity` itself.
 */
export function indexRecords(records: RecordColumns, years: readonly number[]): RecordIndex {
  const n = records.length;
  const clusterOf = new Uint8Array(n);
  const published: Int32Array[] = [];
  const clusters = CLUSTER_COUNT;
  const yearPosition = new Map(years.map((y, i) => [y, i]));
  // per-id arrays: there are at most as many identities as records (the years' arrays take 4 bytes × years × records)
  const officeOf = new Int32Array(n);
  const loOf = new Int32Array(n);
  const isLoRow = new Uint8Array(n);
  const first = years.map(() => new Int32Array(n));
  const offices: string[] = [];
  const officeIndex = new Map<string, number>();
  const byKey: Map<string, number>[] = [];
  const unkeyed = new Map<string, number>();
  const leistungsobjekte: string[] = [];
  const loIndex = new Map<string, number>();
  let count = 0;

  let lastLo = '';
  let lastLoIndex = -1;
  /** The position of a valid key's Leistungsobjekt; keys mostly come in order, so the last one is tried first. */
  const leistungsobjektIndex = (key: string): number => {
    if (lastLoIndex >= 0 && key.startsWith(lastLo)) return lastLoIndex;
    const lo = leistungsobjektOf(key);
    let l = loIndex.get(lo);
    if (l === undefined) {
      l = leistungsobjekte.length;
      loIndex.set(lo, l);
      leistungsobjekte.push(lo);
    }
    // a shorter one (never so from a valid key) would not stand for its keys' first eight digits
    if (lo.length === 8) {
      lastLo = lo;
      lastLoIndex = l;
    }
    return l;
  };
  /** A new identity of office `o`, first seen in `r`. */
  const created = (keyValid: boolean, key: string, o: number): number => {
    const id = count++;
    officeOf[id] = o;
    loOf[id] = keyValid ? leistungsobjektIndex(key) : -1;
    // the key of the Leistungsobjekt itself: its eight digits followed by six zeros
    isLoRow[id] = keyValid && key.length === 14 && key.endsWith('000000') ? 1 : 0;
    return id;
  };
  const unkeyedId = (i: number, o: number): number => {
    const identity = serviceIdentity({ office: records.office(i), keyValid: false, key: records.key(i), name: records.name(i) });
    let id = unkeyed.get(identity);
    if (id === undefined) unkeyed.set(identity, (id = created(false, records.key(i), o)));
    return id;
  };
  const officeNumber = (office: string): number => {
    let o = officeIndex.get(office);
    if (o === undefined) {
      o = offices.length;
      officeIndex.set(office, o);
      offices.push(office);
      byKey.push(new Map());
      published.push(new Int32Array(years.length * CLUSTER_COUNT));
    }
    return o;
  };

  // where the counter numbered office and key, an array by that number instead of a map per office
  const idOfKeyId = records.keyIds !== undefined && records.keyId ? new Int32Array(records.keyIds).fill(-1) : undefined;
  let lastOffice: string | undefined;
  let o = -1;
  let keys: Map<string, number> | undefined;
  let counts: Int32Array | undefined;
  for (let i = 0; i < n; i++) {
    const office = records.office(i);
    if (office !== lastOffice || keys === undefined || counts === undefined) {
      lastOffice = office;
      o = officeNumber(lastOffice);
      keys = byKey[o]!;
      counts = published[o]!;
    }
    const y = yearPosition.get(records.year(i));
    if (y === undefined) continue;
    const c = records.clusterNumber ? records.clusterNumber(i) : CLUSTER_INDEX.get(records.cluster(i))!;
    clusterOf[i] = c;
    counts[y * clusters + c]!++;
    let id: number | undefined;
    if (idOfKeyId) {
      const k = records.keyId!(i);
      if (k < 0) id = unkeyedId(i, o);
      else if ((id = idOfKeyId[k]!) < 0) idOfKeyId[k] = id = created(true, records.key(i), o);
    } else if (records.keyValid(i)) {
      const key = records.key(i);
      id = keys.get(key);
      if (id === undefined) keys.set(key, (id = created(true, key, o)));
    } else id = unkeyedId(i, o);
    const f = first[y]!;
    if (f[id] === 0) f[id] = i + 1;
  }
  return { records, years, offices, count, officeOf, loOf, isLoRow, leistungsobjekte, first, clusterOf, published };
}
