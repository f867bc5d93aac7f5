import fc from 'fast-check';
import { ALL_SERVICES, BUILT_IN_VALUES, CLUSTERS, UNASSIGNED } from '../../src/core/clusters';
import { makeClassifier } from '../../src/core/classify';
import type { Cell } from '../../src/core/grid';
import { normalizeKey } from '../../src/core/key';
import { analyze } from '../support/grid';

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('LeiKa-Schlüssel', 'Leistung', 'Status', 'Status 2023', 'Jahr', 'Amt', 'Reifegrad', 'Summe', 'PDF', 'online', 'nicht zuständig', '2024'),
  fc.integer({ min: -5, max: 2100 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant({ kind: 'error', code: '#N/A' } as const),
  fc.constantFrom('99001001000000', '99001002000000', '9,9067E+13'),
);
const anyRows = fc.array(fc.array(anyCell, { maxLength: 6 }), { maxLength: 25 });

/** An office sheet whose header is valid, with arbitrary rows below it. */
const officeRows = fc.tuple(
  fc.constantFrom<Cell[]>(
    ['LeiKa-Schlüssel', 'Leistung', 'Status 2023', 'Status 2024'],
    ['Jahr', 'Leistung', 'Status', 'Reifegrad'],
    ['Amt', 'LeiKa', 'Umsetzungsstatus', 'Reifegrad 2023'],
  ),
  anyRows,
);

describe('properties', () => {
  it('never throws on arbitrary grids and merges', () => {
    fc.assert(
      fc.property(anyRows, fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.nat(3), fc.nat(3))), (rows, merges) => {
        const a = analyze({
          sheets: [{ name: 'S', visibility: 'visible', rows, merges: merges.map(([r, c, h, w]) => ({ top: r, left: c, bottom: r + h, right: c + w })) }],
          definedNames: [],
        });
        expect(a.findings.every((f) => /^[A-Z]+\d+$/.test(f.cell))).toBe(true);
      }),
    );
  });

  it('Alle Dienstleistungen = sum of the clusters + Nicht zugeordnet = counted records, every year and office', () => {
    fc.assert(
      fc.property(officeRows, ([header, rows]) => {
        const a = analyze([{ name: 'Amt', rows: [header, ...rows] }]);
        for (const y of a.years) {
          const t = a.total[y]!;
          const parts = ([...CLUSTERS, UNASSIGNED] as const).reduce((sum, k) => sum + t[k], 0);
          expect(t[ALL_SERVICES]).toBe(parts);
          expect(t[ALL_SERVICES]).toBe(a.records.filter((r) => r.year === y).length);
          expect(a.offices.reduce((sum, o) => sum + o.counts[y]![ALL_SERVICES], 0)).toBe(t[ALL_SERVICES]);
        }
        expect(a.years.every((y) => a.total[y]![ALL_SERVICES] > 0)).toBe(true);
      }),
    );
  });

  it('classification is invariant under case, whitespace and umlaut spelling', () => {
    const classifier = makeClassifier();
    const values: string[] = Object.values(BUILT_IN_VALUES).flat();
    const spell = (v: string, upper: boolean, pad: string): string =>
      pad + (upper ? v.toUpperCase() : v.toLowerCase()).replace(/ä/gi, (m) => (m === 'ä' ? 'ae' : 'AE')).replace(/ö/gi, (m) => (m === 'ö' ? 'oe' : 'OE')).replace(/ü/gi, (m) => (m === 'ü' ? 'ue' : 'UE')).replace(/ /g, '  ') + pad;
    fc.assert(
      fc.property(fc.constantFrom(...values), fc.boolean(), fc.constantFrom('', ' ', '\n', '\t '), (value, upper, pad) => {
        expect(classifier.classify(spell(value, upper, pad))).toBe(classifier.classify(value));
      }),
    );
  });

  it('key normalisation is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9 .\-']{0,20}$/), fc.integer({ min: 0, max: 2 ** 52 })), (key) => {
        const once = normalizeKey(key);
        expect(normalizeKey(once)).toBe(once);
      }),
    );
  });
});
