import fc from 'fast-check';
import { BUILT_IN_VALUES } from '../../src/core/clusters';
import type { Cell } from '../../src/core/grid';
import { analyze, type SheetSpec } from '../support/grid';

/*
 * SPEC §2, §4 rule 1: section headings, totals rows, empty rows and placeholder rows put
 * anywhere between the services change no count; each heading and totals row gets its one info.
 */

const HEADER: Cell[] = ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024'];
const STATUS = fc.constantFrom<Cell>(...Object.values(BUILT_IN_VALUES).flat(), 'teilweise', null);

const service = fc.record({ named: fc.boolean(), statuses: fc.tuple(STATUS, STATUS) });

type Noise = { rows: Cell[]; merged?: boolean; finding?: 'SECTION_HEADING' | 'TOTALS_ROW' };
const NOISE: readonly Noise[] = [
  { rows: ['Jagdwesen', null, null, null], merged: true, finding: 'SECTION_HEADING' },
  { rows: [null, 'Hundesteuer', null, null], finding: 'SECTION_HEADING' },
  { rows: ['Summe', null, 3, 4], finding: 'TOTALS_ROW' },
  { rows: [null, ' Ergebnis ', 1, 1], finding: 'TOTALS_ROW' },
  { rows: ['Summe Analog', null, 5, null], finding: 'TOTALS_ROW' },
  { rows: [null, 'Gesamtergebnis:', 12, 13], finding: 'TOTALS_ROW' },
  { rows: [null, null, null, null] },
  { rows: ['-', '\u2013', '.', ' \u00a0'] },
];

/** The services as a sheet, with `noise[i]` inserted before service `at[i]`. */
function render(services: { named: boolean; statuses: [Cell, Cell] }[], noise: [number, number][]): SheetSpec {
  const rows: Cell[][] = [HEADER];
  const merges: string[] = [];
  services.forEach((s, i) => {
    for (const [at, which] of noise) {
      if (at % (services.length + 1) !== i) continue;
      const n = NOISE[which % NOISE.length]!;
      rows.push(n.rows.slice());
      if (n.merged) merges.push(`A${rows.length}:D${rows.length}`);
    }
    rows.push([`99${String(100 + i).padStart(3, '0')}001000000`, s.named ? `Leistung ${i}` : null, ...s.statuses]);
  });
  return { name: 'Amt', rows, merges };
}

describe('rows that are no services (SPEC §2, §4 rule 1)', () => {
  it('headings, totals, empty and placeholder rows anywhere change no count; each heading and totals row gets one info', () => {
    fc.assert(
      fc.property(fc.array(service, { minLength: 1, maxLength: 10 }), fc.array(fc.tuple(fc.nat(20), fc.nat(20)), { maxLength: 8 }), (services, noise) => {
        const plain = analyze([render(services, [])]);
        const noisy = analyze([render(services, noise)]);
        expect([noisy.reportYear, noisy.years, noisy.total]).toEqual([plain.reportYear, plain.years, plain.total]);
        const inserted = noise.filter(([at]) => at % (services.length + 1) < services.length).map(([, which]) => NOISE[which % NOISE.length]!.finding);
        const extra = (code: string): number => noisy.findings.filter((f) => f.code === code).length - plain.findings.filter((f) => f.code === code).length;
        expect([extra('SECTION_HEADING'), extra('TOTALS_ROW')]).toEqual([
          inserted.filter((f) => f === 'SECTION_HEADING').length,
          inserted.filter((f) => f === 'TOTALS_ROW').length,
        ]);
        const others = (a: typeof plain): string[] => a.findings.map((f) => f.code).filter((c) => c !== 'SECTION_HEADING' && c !== 'TOTALS_ROW');
        expect(others(noisy)).toEqual(others(plain));
      }),
      { numRuns: 200 },
    );
  });
});
