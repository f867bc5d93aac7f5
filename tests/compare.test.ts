import fc from 'fast-check';
import { ALL_SERVICES, type CountedCluster, type Counts, UNASSIGNED } from '../src/core/clusters';
import { isValidKey } from '../src/core/key';
import type { CountedRecord } from '../src/core/model';
import type { Catalog } from '../src/core/catalog';
import { COUNTED_CLUSTERS, ComparisonInputError, compareYears, type YearComparison } from '../src/core/compare';

let nextRow = 1;
/** One counted record; `key` may be valid, invalid or '' (no key). */
function rec(year: number, office: string, key: string, name: string, cluster: CountedCluster): CountedRecord {
  const row = nextRow++;
  return { year, office, sheet: office, row, key, keyValid: isValidKey(key), keyCell: `A${row + 1}`, name, status: cluster, cluster, remark: '', onlineService: '', cell: `C${row + 1}` };
}

function only(comparisons: YearComparison[]): YearComparison {
  expect(comparisons).toHaveLength(1);
  return comparisons[0]!;
}

/** n keys of one Leistungsobjekt, numbered from Verrichtung 001. */
function keysOf(lo: string, n: number, start = 1): string[] {
  return Array.from({ length: n }, (_, i) => `${lo}${String(start + i).padStart(3, '0')}000`);
}

function sumOfRows(c: Counts): number {
  return COUNTED_CLUSTERS.reduce((s, k) => s + c[k], 0);
}

describe('identity of a service across years', () => {
  it('matches services by office and valid key, even when the name changed', () => {
    const c = only(
      compareYears(
        [rec(2023, 'Ordnungsamt', '99067004001000', 'Jagdschein', 'PDF'), rec(2024, 'Ordnungsamt', '99067004001000', 'Jagdschein – Erteilung', 'Digital')],
        { years: [2023, 2024] },
      ),
    );
    expect([c.common, c.added, c.removed]).toEqual([1, 0, 0]);
    expect(c.transitions.PDF.Digital).toBe(1);
  });

  it('matches services without valid key by folded name', () => {
    const c = only(
      compareYears(
        [
          rec(2023, 'Bauamt', '', 'Baugenehmigung für Garagen', 'Analog'),
          rec(2023, 'Bauamt', '9,9067E+13', 'Straßen-Sondernutzung', 'PDF'),
          rec(2024, 'Bauamt', 'nicht im LeiKa', '  BAUGENEHMIGUNG FÜR  GARAGEN ', 'PDF'),
          rec(2024, 'Bauamt', '', 'Strassen Sondernutzung.', 'PDF'),
        ],
        { years: [2023, 2024] },
      ),
    );
    expect([c.common, c.added, c.removed]).toEqual([2, 0, 0]);
    expect(c.transitions.Analog.PDF).toBe(1);
    expect(c.transitions.PDF.PDF).toBe(1);
  });

  it('does not match the same key in two different offices', () => {
    const c = only(
      compareYears([rec(2023, 'Amt A', '99067004001000', 'Jagdschein', 'PDF'), rec(2024, 'Amt B', '99067004001000', 'Jagdschein', 'PDF')], {
        years: [2023, 2024],
      }),
    );
    expect([c.common, c.added, c.removed]).toEqual([0, 1, 1]);
  });

  it('does not match a keyed service with an unkeyed one of the same name', () => {
    const c = only(
      compareYears([rec(2023, 'Amt A', '', 'Jagdschein', 'PDF'), rec(2024, 'Amt A', '99067004001000', 'Jagdschein', 'PDF')], { years: [2023, 2024] }),
    );
    expect([c.common, c.added, c.removed]).toEqual([0, 1, 1]);
  });

  it('counts a service named twice in one office and year once', () => {
    const c = only(
      compareYears(
        [
          rec(2023, 'Amt A', '', 'Hundesteuer', 'Analog'),
          rec(2023, 'Amt A', '', 'Hundesteuer', 'PDF'),
          rec(2024, 'Amt A', '', 'hundesteuer', 'Digital'),
        ],
        { years: [2023, 2024] },
      ),
    );
    expect([c.common, c.added, c.removed]).toEqual([1, 0, 0]);
    // the first record of the year wins
    expect(c.transitions.Analog.Digital).toBe(1);
    expect(c.adjusted[2023]![ALL_SERVICES]).toBe(1);
    // the published table counts every record as the Monitoring table does
    expect(c.published[2023]![ALL_SERVICES]).toBe(2);
  });
});

describe('common, added, removed and transitions', () => {
  const records = [
    rec(2023, 'Amt A', '99000001001000', 'S1', 'Analog'),
    rec(2023, 'Amt A', '99000002001000', 'S2', 'PDF'),
    rec(2023, 'Amt A', '99000003001000', 'S3', 'PDF'),
    rec(2023, 'Amt A', '99000004001000', 'S4', UNASSIGNED),
    rec(2023, 'Amt A', '99000005001000', 'S5 (entfällt)', 'Digital'),
    rec(2023, 'Amt B', '', 'B1', 'Projekt in Umsetzung'),
    rec(2023, 'Amt B', '', 'B2', 'Kein Optimierungspotenzial'),
    rec(2024, 'Amt A', '99000001001000', 'S1', 'PDF'),
    rec(2024, 'Amt A', '99000002001000', 'S2', 'Digital'),
    rec(2024, 'Amt A', '99000003001000', 'S3', 'Digital'),
    rec(2024, 'Amt A', '99000004001000', 'S4', 'Analog'),
    rec(2024, 'Amt A', '99000006001000', 'S6 (neu)', 'PDF'),
    rec(2024, 'Amt B', '', 'B1', 'Digital'),
    rec(2024, 'Amt B', '', 'B2', 'Kein Optimierungspotenzial'),
    rec(2024, 'Amt B', '', 'B3 (neu)', UNASSIGNED),
  ];
  const c = only(compareYears(records, { years: [2023, 2024] }));

  it('counts services in both years, only in the later and only in the earlier year', () => {
    expect(c.from).toBe(2023);
    expect(c.to).toBe(2024);
    expect([c.common, c.added, c.removed]).toEqual([6, 2, 1]);
    expect(c.addedByCluster.PDF).toBe(1);
    expect(c.addedByCluster[UNASSIGNED]).toBe(1);
    expect(c.removedByCluster.Digital).toBe(1);
  });

  it('fills every cell of the transition matrix, Nicht zugeordnet included', () => {
    const expected: Partial<Record<CountedCluster, Partial<Record<CountedCluster, number>>>> = {
      Analog: { PDF: 1 },
      PDF: { Digital: 2 },
      [UNASSIGNED]: { Analog: 1 },
      'Projekt in Umsetzung': { Digital: 1 },
      'Kein Optimierungspotenzial': { 'Kein Optimierungspotenzial': 1 },
    };
    for (const a of COUNTED_CLUSTERS) for (const b of COUNTED_CLUSTERS) expect([a, b, c.transitions[a][b]]).toEqual([a, b, expected[a]?.[b] ?? 0]);
  });

  it('counts the adjusted table over the common services only, reconciling to Alle Dienstleistungen', () => {
    expect(c.adjusted[2023]).toEqual({
      Analog: 1,
      'Kein Optimierungspotenzial': 1,
      PDF: 2,
      Digital: 0,
      'Projekt in Umsetzung': 1,
      [UNASSIGNED]: 1,
      [ALL_SERVICES]: 6,
    });
    expect(c.adjusted[2024]).toEqual({
      Analog: 1,
      'Kein Optimierungspotenzial': 1,
      PDF: 1,
      Digital: 3,
      'Projekt in Umsetzung': 0,
      [UNASSIGNED]: 0,
      [ALL_SERVICES]: 6,
    });
    for (const y of [2023, 2024]) expect(sumOfRows(c.adjusted[y]!)).toBe(c.adjusted[y]![ALL_SERVICES]);
    expect(c.published[2024]![ALL_SERVICES]).toBe(8);
  });

  it('gives the same per office, offices in order of first appearance', () => {
    expect(c.offices.map((o) => [o.office, o.common, o.added, o.removed])).toEqual([
      ['Amt A', 4, 1, 1],
      ['Amt B', 2, 1, 0],
    ]);
    const b = c.offices[1]!;
    expect(b.transitions['Projekt in Umsetzung'].Digital).toBe(1);
    expect(b.adjusted[2024]![ALL_SERVICES]).toBe(2);
    expect(b.published[2024]![ALL_SERVICES]).toBe(3);
  });

  it('serializes to the JSON shape of the CLI', () => {
    const json = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
    expect(json).toMatchObject({ from: 2023, to: 2024, common: 6, added: 2, removed: 1 });
    expect(Object.keys(json['adjusted'] as object)).toEqual(['2023', '2024']);
    expect(Object.keys((json['adjusted'] as Record<string, object>)['2024']!)).toEqual([...COUNTED_CLUSTERS, ALL_SERVICES]);
    expect((json['transitions'] as Record<string, Record<string, number>>)['PDF']!['Digital']).toBe(2);
  });
});

describe('consecutive years', () => {
  it('compares every consecutive pair of the given years', () => {
    const records = [rec(2022, 'A', '', 'x', 'Analog'), rec(2023, 'A', '', 'x', 'PDF'), rec(2025, 'A', '', 'x', 'Digital')];
    const cs = compareYears(records, { years: [2022, 2023, 2025] });
    expect(cs.map((c) => [c.from, c.to, c.common])).toEqual([
      [2022, 2023, 1],
      [2023, 2025, 1],
    ]);
    expect(cs[1]!.transitions.PDF.Digital).toBe(1);
  });

  it('gives no comparison for a single year', () => {
    expect(compareYears([rec(2024, 'A', '', 'x', 'PDF')], { years: [2024] })).toEqual([]);
  });

  it('refuses years that are not ascending', () => {
    expect(() => compareYears([], { years: [2024, 2023] })).toThrow(ComparisonInputError);
  });
});

describe('LeiKa refinement', () => {
  it('lists Leistungsobjekte whose number of keys changed, largest change first, with the LO row name', () => {
    const records = [
      rec(2023, 'Ordnungsamt', '99067004000000', 'Jagdschein', 'PDF'),
      ...keysOf('99067004', 6).map((k) => rec(2023, 'Ordnungsamt', k, 'Jagdschein Erteilung', 'PDF')),
      rec(2024, 'Ordnungsamt', '99067004000000', 'Jagdschein', 'PDF'),
      ...keysOf('99067004', 101).map((k) => rec(2024, 'Ordnungsamt', k, 'Jagdschein Erteilung', 'PDF')),
      ...keysOf('99010001', 3).map((k) => rec(2023, 'Ordnungsamt', k, 'Fischereischein Erteilung', 'Analog')),
      ...keysOf('99010001', 1).map((k) => rec(2024, 'Ordnungsamt', k, 'Fischereischein Erteilung', 'Analog')),
      // unchanged count: not listed
      ...keysOf('99020002', 2).map((k) => rec(2023, 'Ordnungsamt', k, 'Waffenschein', 'PDF')),
      ...keysOf('99020002', 2).map((k) => rec(2024, 'Ordnungsamt', k, 'Waffenschein', 'Digital')),
    ];
    const c = only(compareYears(records, { years: [2023, 2024] }));
    expect(c.refinement.map((r) => [r.leistungsobjekt, r.name, r.from, r.to, r.change])).toEqual([
      ['99067004', 'Jagdschein', 7, 102, 95],
      ['99010001', 'Fischereischein Erteilung', 3, 1, -2],
    ]);
    expect(c.refinement[0]!.nameSource).toBe('record');
  });

  it('orders equal changes growth first, then by Leistungsobjekt', () => {
    const records = [
      ...keysOf('99000003', 2).map((k) => rec(2024, 'A', k, 'C', 'PDF')),
      ...keysOf('99000002', 2).map((k) => rec(2023, 'A', k, 'B', 'PDF')),
      ...keysOf('99000001', 2).map((k) => rec(2024, 'A', k, 'A', 'PDF')),
    ];
    const c = only(compareYears(records, { years: [2023, 2024] }));
    expect(c.refinement.map((r) => r.leistungsobjekt)).toEqual(['99000001', '99000003', '99000002']);
  });

  it('takes the name from the catalogue where no LO row is inventoried', () => {
    const catalog: Catalog = {
      source: 'leika.csv',
      entries: new Map([['99067004000000', { key: '99067004000000', name: 'Jagdschein', typ: '2/3', ozgId: '', ozgLeistung: '', lebenslage: '', themenfeld: '' }]]),
    };
    const records = [rec(2023, 'A', '99067004001000', 'JS Erteilung', 'PDF'), rec(2024, 'A', '99067004001000', 'JS Erteilung', 'PDF'), rec(2024, 'A', '99067004002000', 'JS Verlängerung', 'PDF')];
    const c = only(compareYears(records, { years: [2023, 2024], catalog }));
    expect(c.refinement[0]).toMatchObject({ name: 'Jagdschein', nameSource: 'catalog' });
    // without catalogue: the longest common prefix of the names, trimmed
    const plain = only(compareYears(records, { years: [2023, 2024] }));
    expect(plain.refinement[0]).toMatchObject({ name: 'JS', nameSource: 'prefix' });
  });

  it('prefers the LO row name over the catalogue', () => {
    const catalog: Catalog = {
      source: 'leika.csv',
      entries: new Map([['99067004000000', { key: '99067004000000', name: 'Jagdschein (amtlich)', typ: '', ozgId: '', ozgLeistung: '', lebenslage: '', themenfeld: '' }]]),
    };
    const records = [rec(2023, 'A', '99067004000000', 'Jagdschein', 'PDF'), rec(2024, 'A', '99067004000000', 'Jagdschein', 'PDF'), rec(2024, 'A', '99067004001000', 'Jagdschein Erteilung', 'PDF')];
    expect(only(compareYears(records, { years: [2023, 2024], catalog })).refinement[0]!.name).toBe('Jagdschein');
  });

  it('cuts the common prefix back to whole words', () => {
    const records = [
      rec(2023, 'A', '99000010001000', 'Hundesteuer Anmeldung', 'PDF'),
      rec(2024, 'A', '99000010001000', 'Hundesteuer Anmeldung', 'PDF'),
      rec(2024, 'A', '99000010002000', 'Hundesteuer Abmeldung', 'PDF'),
      rec(2024, 'A', '99000011001000', 'Abfallbehandlung', 'PDF'),
      rec(2024, 'A', '99000011002000', 'Abfallbeseitigung', 'PDF'),
    ];
    const c = only(compareYears(records, { years: [2023, 2024] }));
    expect(c.refinement.map((r) => r.name)).toEqual(['Leistungsobjekt 99000011', 'Hundesteuer']);
  });

  it('ignores records without valid key', () => {
    const records = [rec(2024, 'A', '', 'Ohne Schlüssel', 'PDF'), rec(2024, 'A', '12345', 'Falscher Schlüssel', 'PDF')];
    expect(only(compareYears(records, { years: [2023, 2024] })).refinement).toEqual([]);
  });

  it("shows each cluster's part next to the cluster's whole change", () => {
    const records = [
      rec(2023, 'A', '99067004001000', 'Jagdschein Erteilung', 'PDF'),
      rec(2024, 'A', '99067004001000', 'Jagdschein Erteilung', 'PDF'),
      rec(2024, 'A', '99067004002000', 'Jagdschein Verlängerung', 'PDF'),
      rec(2024, 'A', '99067004003000', 'Jagdschein Ersatz', 'Digital'),
      // three other PDF services left the cluster
      ...keysOf('99000020', 3).map((k) => rec(2023, 'A', k, 'Sonstiges', 'PDF')),
      ...keysOf('99000020', 3).map((k) => rec(2024, 'A', k, 'Sonstiges', 'Analog')),
    ];
    const r = only(compareYears(records, { years: [2023, 2024] })).refinement[0]!;
    expect(r.clusters).toEqual({
      PDF: { from: 1, to: 2, change: 1, clusterChange: -2 },
      Digital: { from: 0, to: 1, change: 1, clusterChange: 1 },
    });
    expect(Object.keys(r.clusters)).toEqual(['PDF', 'Digital']);
  });

  it('counts a key kept by two offices twice in the total, once per office', () => {
    const records = [
      rec(2023, 'A', '99067004001000', 'Jagdschein Erteilung', 'PDF'),
      rec(2024, 'A', '99067004001000', 'Jagdschein Erteilung', 'PDF'),
      rec(2024, 'B', '99067004001000', 'Jagdschein Erteilung', 'PDF'),
    ];
    const c = only(compareYears(records, { years: [2023, 2024] }));
    expect(c.refinement[0]).toMatchObject({ from: 1, to: 2 });
    expect(c.offices.map((o) => o.refinement.map((r) => [r.from, r.to]))).toEqual([[], [[0, 1]]]);
  });
});

describe('the Jagdschein scenario of the council report', () => {
  const records = [
    rec(2023, 'Ordnungsamt', '99067004000000', 'Jagdschein', 'PDF'),
    ...keysOf('99067004', 6).map((k) => rec(2023, 'Ordnungsamt', k, 'Jagdschein Erteilung', 'PDF')),
    rec(2024, 'Ordnungsamt', '99067004000000', 'Jagdschein', 'PDF'),
    ...keysOf('99067004', 101).map((k) => rec(2024, 'Ordnungsamt', k, 'Jagdschein Erteilung', 'PDF')),
    ...keysOf('99000030', 10).map((k) => rec(2023, 'Ordnungsamt', k, 'Sonstige', 'Analog')),
    ...keysOf('99000030', 10).map((k, i) => rec(2024, 'Ordnungsamt', k, 'Sonstige', i < 4 ? 'PDF' : 'Analog')),
  ];
  const c = only(compareYears(records, { years: [2023, 2024] }));

  it('explains the PDF jump by the refinement 7 → 102, all PDF', () => {
    expect(c.published[2023]!.PDF).toBe(7);
    expect(c.published[2024]!.PDF).toBe(106);
    expect(c.refinement).toHaveLength(1);
    expect(c.refinement[0]).toMatchObject({
      leistungsobjekt: '99067004',
      name: 'Jagdschein',
      from: 7,
      to: 102,
      clusters: { PDF: { from: 7, to: 102, change: 95, clusterChange: 99 } },
    });
    expect(c.adjusted[2023]!.PDF).toBe(7);
    expect(c.adjusted[2024]!.PDF).toBe(11);
    expect([c.common, c.added, c.removed]).toEqual([17, 95, 0]);
  });
});

describe('property', () => {
  const clusterArb = fc.constantFrom<CountedCluster>(...COUNTED_CLUSTERS);
  const recordArb = fc.record({
    year: fc.constantFrom(2022, 2023, 2024),
    office: fc.constantFrom('Amt A', 'Amt B'),
    key: fc.oneof(fc.constantFrom('', 'nicht im LeiKa', '123'), fc.integer({ min: 0, max: 40 }).map((n) => `990000${String(n % 5).padStart(2, '0')}${String(n).padStart(3, '0')}000`)),
    name: fc.constantFrom('Hundesteuer', 'hundesteuer', 'Jagdschein', 'Fischereischein', 'Bauantrag', ''),
    cluster: clusterArb,
  });

  it('adjusted Alle Dienstleistungen of both years equals common, and rows reconcile', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (raw) => {
        const records = raw.map((r) => rec(r.year, r.office, r.key, r.name, r.cluster));
        for (const c of compareYears(records, { years: [2022, 2023, 2024] })) {
          for (const y of [c.from, c.to]) {
            expect(c.adjusted[y]![ALL_SERVICES]).toBe(c.common);
            expect(sumOfRows(c.adjusted[y]!)).toBe(c.common);
          }
          const matrixSum = COUNTED_CLUSTERS.reduce((s, a) => s + COUNTED_CLUSTERS.reduce((t, b) => t + c.transitions[a][b], 0), 0);
          expect(matrixSum).toBe(c.common);
          expect(c.offices.reduce((s, o) => s + o.common, 0)).toBe(c.common);
          expect(c.offices.reduce((s, o) => s + o.added, 0)).toBe(c.added);
          expect(c.offices.reduce((s, o) => s + o.removed, 0)).toBe(c.removed);
          expect(sortedByLo(c.refinement.map((r) => [r.leistungsobjekt, r.from, r.to, r.change] as const))).toEqual(refinedLos(records, c.from, c.to));
        }
      }),
    );
  });
});

/** Distinct (office, valid key) pairs of a year per Leistungsobjekt (key digits 1–8), counted from the records. */
function keysPerLo(records: readonly CountedRecord[], year: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.year !== year || !r.keyValid) continue;
    const lo = r.key.slice(0, 8);
    out.set(lo, (out.get(lo) ?? new Set()).add(`${r.office}|${r.key}`));
  }
  return out;
}

function sortedByLo<T extends readonly [string, ...unknown[]]>(rows: T[]): T[] {
  return rows.slice().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The Leistungsobjekte whose number of keys differs between the years, with from, to and change. */
function refinedLos(records: readonly CountedRecord[], from: number, to: number): (readonly [string, number, number, number])[] {
  const before = keysPerLo(records, from);
  const after = keysPerLo(records, to);
  const rows: (readonly [string, number, number, number])[] = [];
  for (const lo of new Set([...before.keys(), ...after.keys()])) {
    const f = before.get(lo)?.size ?? 0;
    const t = after.get(lo)?.size ?? 0;
    if (f !== t) rows.push([lo, f, t, t - f]);
  }
  return sortedByLo(rows);
}
