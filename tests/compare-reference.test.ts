import fc from 'fast-check';
import { ALL_SERVICES, type CountedCluster, type Counts, emptyCounts } from '../src/core/clusters';
import { fold } from '../src/core/fold';
import { isValidKey } from '../src/core/key';
import type { CountedRecord } from '../src/core/model';
import type { Catalog, CatalogEntry } from '../src/core/catalog';
import { COUNTED_CLUSTERS, commonNamePrefix, compareYears, type ComparisonPart, type Refinement, type YearComparison } from '../src/core/compare';

/*
 * The comparison against a reference written straight from the rules of its doc comments, on
 * random records: offices, valid and invalid keys, names in several spellings, duplicates,
 * records of a year that is not compared, a catalogue or none.
 */

/** The rule of commonNamePrefix, as first written: normalise every name, then compare them all. */
function referencePrefix(names: readonly string[]): string {
  const list = names.map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => n !== '');
  const first = list[0];
  if (first === undefined) return '';
  let len = first.length;
  for (const n of list) {
    let i = 0;
    while (i < len && i < n.length && n[i] === first[i]) i++;
    len = i;
  }
  const word = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  let prefix = first.slice(0, len);
  if (list.some((n) => n.length > len && word(n[len]) && len > 0 && word(n[len - 1]))) {
    const cut = prefix.search(/[^\p{L}\p{N}][\p{L}\p{N}]*$/u);
    prefix = cut > 0 ? prefix.slice(0, cut) : '';
  }
  return prefix.replace(/[\s\-–—,;:/(\[&+]+$/u, '').trim();
}

/** Same office and valid key; else same office and folded name; else same office and folded key as written. */
function identity(r: CountedRecord): string {
  if (r.keyValid) return `${r.office}|key|${r.key}`;
  return fold(r.name) !== '' ? `${r.office}|name|${fold(r.name)}` : `${r.office}|written|${fold(r.key)}`;
}

/** The year's records by identity, in order of first appearance; the first record of an identity wins. */
function firstRecords(records: readonly CountedRecord[]): Map<string, CountedRecord> {
  const out = new Map<string, CountedRecord>();
  for (const r of records) if (!out.has(identity(r))) out.set(identity(r), r);
  return out;
}

function counted(records: Iterable<CountedRecord>): Counts {
  const c = emptyCounts();
  for (const r of records) {
    c[r.cluster]++;
    c[ALL_SERVICES]++;
  }
  return c;
}

function referenceRefinement(before: Map<string, CountedRecord>, after: Map<string, CountedRecord>, published: Record<number, Counts>, from: number, to: number, catalog: Catalog | undefined): Refinement[] {
  const keyed = (m: Map<string, CountedRecord>): CountedRecord[] => [...m.values()].filter((r) => r.keyValid);
  const los = [...new Set([...keyed(before), ...keyed(after)].map((r) => r.key.slice(0, 8)))];
  const out: Refinement[] = [];
  for (const lo of los) {
    const of = (m: Map<string, CountedRecord>): CountedRecord[] => keyed(m).filter((r) => r.key.slice(0, 8) === lo);
    const b = of(before);
    const a = of(after);
    if (b.length === a.length) continue;
    const clusters: Partial<Record<CountedCluster, { from: number; to: number; change: number; clusterChange: number }>> = {};
    for (const c of COUNTED_CLUSTERS) {
      const f = b.filter((r) => r.cluster === c).length;
      const n = a.filter((r) => r.cluster === c).length;
      if (f + n > 0) clusters[c] = { from: f, to: n, change: n - f, clusterChange: published[to]![c] - published[from]![c] };
    }
    const loRowName = (list: CountedRecord[]): string => list.find((r) => r.key === `${lo}000000` && r.name !== '')?.name ?? '';
    const own = loRowName(a) || loRowName(b);
    const official = catalog?.entries.get(`${lo}000000`)?.name;
    const named: Pick<Refinement, 'name' | 'nameSource'> = own
      ? { name: own, nameSource: 'record' }
      : official
        ? { name: official, nameSource: 'catalog' }
        : { name: referencePrefix([...b, ...a].map((r) => r.name)) || `Leistungsobjekt ${lo}`, nameSource: 'prefix' };
    out.push({ leistungsobjekt: lo, ...named, from: b.length, to: a.length, change: a.length - b.length, clusters });
  }
  return out.sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || y.change - x.change || (x.leistungsobjekt < y.leistungsobjekt ? -1 : 1));
}

function referencePart(all: readonly CountedRecord[], from: number, to: number, catalog: Catalog | undefined): ComparisonPart {
  const fromRecords = all.filter((r) => r.year === from);
  const toRecords = all.filter((r) => r.year === to);
  const before = firstRecords(fromRecords);
  const after = firstRecords(toRecords);
  const transitions = Object.fromEntries(COUNTED_CLUSTERS.map((x) => [x, Object.fromEntries(COUNTED_CLUSTERS.map((y) => [y, 0]))])) as Record<CountedCluster, Record<CountedCluster, number>>;
  const bothBefore: CountedRecord[] = [];
  const bothAfter: CountedRecord[] = [];
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) continue;
    transitions[b.cluster][a.cluster]++;
    bothBefore.push(b);
    bothAfter.push(a);
  }
  const addedByCluster = counted([...after].filter(([id]) => !before.has(id)).map(([, r]) => r));
  const removedByCluster = counted([...before].filter(([id]) => !after.has(id)).map(([, r]) => r));
  const published = { [from]: counted(fromRecords), [to]: counted(toRecords) };
  return {
    common: bothBefore.length,
    added: addedByCluster[ALL_SERVICES],
    removed: removedByCluster[ALL_SERVICES],
    transitions,
    refinement: referenceRefinement(before, after, published, from, to, catalog),
    adjusted: { [from]: counted(bothBefore), [to]: counted(bothAfter) },
    published,
    addedByCluster,
    removedByCluster,
  };
}

function referenceComparison(records: readonly CountedRecord[], years: readonly number[], catalog: Catalog | undefined): YearComparison[] {
  const offices = [...new Set(records.map((r) => r.office))];
  return years.slice(1).map((to, i) => {
    const from = years[i]!;
    const inPair = records.filter((r) => r.year === from || r.year === to);
    return {
      from,
      to,
      ...referencePart(inPair, from, to, catalog),
      offices: offices
        .filter((o) => inPair.some((r) => r.office === o))
        .map((office) => ({ office, ...referencePart(inPair.filter((r) => r.office === office), from, to, catalog) })),
    };
  });
}

let nextRow = 1;
function rec(year: number, office: string, key: string, name: string, cluster: CountedCluster): CountedRecord {
  const row = nextRow++;
  return { year, office, sheet: office, row, key, keyValid: isValidKey(key), keyCell: `A${row + 1}`, name, status: cluster, cluster, remark: '', onlineService: '', cell: `C${row + 1}` };
}

/** Names that fold alike, share prefixes to a word or inside one, or carry odd whitespace. */
const nameArb = fc.constantFrom(
  '',
  'Hundesteuer',
  'hundesteuer',
  'Hundesteuer Anmeldung',
  'Hundesteuer Abmeldung',
  'Hundesteuer  Abmeldung ',
  'Jagdschein',
  'Jagdschein – Erteilung',
  'Jagdschein\u00a0Verlängerung',
  'Straßen-Sondernutzung',
  'Strassen Sondernutzung.',
  'Fischereischein (Ersatz)',
);
const lo = fc.constantFrom('99067004', '99010001');
const keyArb = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('', 'nicht im LeiKa', '123', '99 067', 'x-1') },
  // the Leistungsobjekt's own row, often in several offices
  { weight: 2, arbitrary: lo.map((l) => `${l}000000`) },
  { weight: 3, arbitrary: fc.tuple(lo, fc.constantFrom('001000', '002000', '002001', '003000')).map(([l, rest]) => l + rest) },
);
const recordArb = fc.record({
  year: fc.constantFrom(2021, 2022, 2023, 2024),
  office: fc.constantFrom('Ordnungsamt', 'Bauamt', 'Amt C'),
  key: keyArb,
  name: nameArb,
  cluster: fc.constantFrom<CountedCluster>(...COUNTED_CLUSTERS),
});
const catalogArb = fc.option(
  fc.subarray(['99067004', '99010001', '99000020']).chain((los) =>
    fc.tuple(...los.map((lo) => fc.constantFrom('', `Amtlich ${lo}`).map((name): CatalogEntry => ({ key: `${lo}000000`, name, typ: '', ozgId: '', ozgLeistung: '', lebenslage: '', themenfeld: '' })))),
  ),
  { nil: undefined },
);

describe('compareYears against the rules', () => {
  it('gives what a direct reading of the rules gives, per office too', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 80 }), catalogArb, (raw, entries) => {
        const records = raw.map((r) => rec(r.year, r.office, r.key, r.name, r.cluster));
        const catalog: Catalog | undefined = entries && { source: 'leika.csv', entries: new Map(entries.map((e) => [e.key, e])) };
        const years = [2022, 2023, 2024];
        const actual = compareYears(records, { years, ...(catalog ? { catalog } : {}) }).map((c) => ({ ...c, offices: c.offices }));
        expect(actual).toEqual(referenceComparison(records, years, catalog));
      }),
      { numRuns: 300 },
    );
  });
});

describe('commonNamePrefix', () => {
  const part = fc.constantFrom('Hund', 'Hunde', 'e', 'steuer', 'Ab', 'An', 'Jagd', 'ä', '1', ' ', '  ', '\u00a0', '\t', '-', '–', ',', '(', '/', ':', '.');
  // names that often begin alike: a stem and a few more parts, or a stem cut short
  const stem = fc.constantFrom('Hundesteuer An', 'Hund', ' Jagd-', '');
  const name = fc.oneof(
    fc.tuple(stem, fc.array(part, { maxLength: 3 })).map(([s, p]) => s + p.join('')),
    fc.tuple(stem, fc.nat(14)).map(([s, n]) => s.slice(0, n)),
  );

  it('does not depend on the order or repetition of the names', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 8 }), fc.infiniteStream(fc.nat()), (names, picks) => {
        const shuffled = names.map((n, i) => ({ n, k: picks.next().value + i })).sort((a, b) => a.k - b.k).map((x) => x.n);
        expect(commonNamePrefix(shuffled)).toBe(referencePrefix(names));
        expect(commonNamePrefix([...names, ...shuffled])).toBe(referencePrefix(names));
      }),
      { numRuns: 1000 },
    );
  });
});
