import fc from 'fast-check';
import { ALL_SERVICES, BUILT_IN_VALUES, CLUSTERS, type Cluster, COUNT_KEYS, type Counts, UNASSIGNED, emptyCounts } from '../../src/core/clusters';
import type { Cell } from '../../src/core/grid';
import { analyze, type SheetSpec } from '../support/grid';

/*
 * Workbooks nobody wrote by hand: random services rendered in every layout of SPEC §2,
 * counted by the engine and compared with counts derived from the services themselves.
 */

const YEARS = [2022, 2023, 2024] as const;
type Status = { kind: 'cluster'; cluster: Cluster; spelling: string } | { kind: 'excluded'; spelling: string } | { kind: 'empty' };
interface Service {
  key: string | null;
  name: string;
  status: Record<number, Status>;
}

const respell = (value: string, variant: number): string =>
  [value, value.toUpperCase(), ` ${value.toLowerCase()} `, value.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'), `${value}.`][variant % 5]!;

const status: fc.Arbitrary<Status> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...CLUSTERS), fc.nat(), fc.nat()).map(([cluster, i, v]) => ({ kind: 'cluster' as const, cluster, spelling: respell(BUILT_IN_VALUES[cluster][i % BUILT_IN_VALUES[cluster].length]!, v) })) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([i, v]) => ({ kind: 'excluded' as const, spelling: respell(BUILT_IN_VALUES.ausgeschlossen[i % 3]!, v) })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

const services = fc.array(
  fc.record({
    keyKind: fc.constantFrom('valid', 'valid', 'valid', 'missing', 'nicht im LeiKa'),
    name: fc.constantFrom('Abfallgebühr', 'Jagdschein Erteilung', 'Hundesteuer', 'Elterngeld', 'Baugenehmigung', null),
    statuses: fc.tuple(status, status, status),
  }),
  { maxLength: 12 },
).map((items) =>
  items.map((item, i): Service => {
    const key = item.keyKind === 'valid' ? `99${String(100 + i).padStart(3, '0')}001000000` : item.keyKind === 'missing' ? null : 'nicht im LeiKa';
    // a row needs a key or a name to be a service row
    const name = item.name ?? (key === null ? `Leistung ${i}` : '');
    return { key, name, status: { 2022: item.statuses[0], 2023: item.statuses[1], 2024: item.statuses[2] } };
  }),
);

type Layout = 'wide-text' | 'wide-paren' | 'numeric' | 'two-row' | 'long';
const layout = fc.constantFrom<Layout>('wide-text', 'wide-paren', 'numeric', 'two-row', 'long');
const titleRows = fc.array(fc.constantFrom('Digitalisierungsübersicht', 'Stand: 31.03.2024', 'Bearbeitet von: Amt 32', ''), { maxLength: 3 });

function render(name: string, list: Service[], how: Layout, titles: string[], order: number[]): SheetSpec {
  const rows: Cell[][] = titles.map((t) => [t === '' ? null : t]);
  const merges: string[] = [];
  const cell = (s: Status): Cell => (s.kind === 'empty' ? null : s.spelling);
  const permute = (cells: Cell[]): Cell[] => order.map((i) => cells[i] ?? null);
  if (how === 'long') {
    rows.push(permute(['LeiKa-Schlüssel', 'Leistung', 'Jahr', 'Umsetzungsstatus']));
    for (const s of list) for (const y of YEARS) if (s.status[y]!.kind !== 'empty') rows.push(permute([s.key, s.name, y, cell(s.status[y]!)]));
    return { name, rows, merges };
  }
  if (how === 'two-row') {
    const top = rows.length;
    rows.push(['LeiKa-Nr.', 'Bezeichnung', 'Umsetzungsstatus', null, null], [null, null, ...YEARS.map(String)]);
    merges.push(`A${top + 1}:A${top + 2}`, `B${top + 1}:B${top + 2}`, `C${top + 1}:E${top + 1}`);
    for (const s of list) rows.push([s.key, s.name, ...YEARS.map((y) => cell(s.status[y]!))]);
    return { name, rows, merges };
  }
  const header = (y: number): Cell => (how === 'numeric' ? y : how === 'wide-paren' ? `Status (${y})` : `Umsetzungsstatus\n${y}`);
  rows.push(permute(['LeiKa-\nSchlüssel', 'Leistung', ...YEARS.map(header)]));
  for (const s of list) rows.push(permute([s.key, s.name, ...YEARS.map((y) => cell(s.status[y]!))]));
  return { name, rows, merges };
}

/** A row whose only content is one text without digits is a section heading, not a service (SPEC §2). */
function isHeading(s: Service): boolean {
  const statuses = YEARS.map((y) => s.status[y]!).filter((st) => st.kind !== 'empty');
  const texts = [s.key, s.name].filter((c): c is string => c !== null && c !== '');
  return statuses.length === 0 && texts.length === 1 && !/\d/.test(texts[0]!);
}

/** What SPEC §2–§4 say the services count to. */
function expected(sheets: { list: Service[]; how: Layout }[]): Record<number, Counts> {
  const total: Record<number, Counts> = {};
  const bump = (year: number, key: keyof Counts): void => {
    const c = (total[year] ??= emptyCounts());
    c[key]++;
    c[ALL_SERVICES]++;
  };
  // the report year: the latest year with a value, else the calendar year the tests fix (2026)
  const withValue = sheets.flatMap(({ list }) => list.flatMap((s) => YEARS.filter((y) => s.status[y]!.kind !== 'empty')));
  const reportYear = withValue.length > 0 ? Math.max(...withValue) : 2026;
  for (const { list, how } of sheets)
    for (const s of list) {
      if (how !== 'long' && isHeading(s)) continue;
      let inventoried = false;
      for (const y of YEARS) {
        const st = s.status[y]!;
        if (st.kind !== 'empty') inventoried = true;
        if (st.kind === 'cluster') bump(y, st.cluster);
      }
      if (!inventoried && how !== 'long') bump(reportYear, UNASSIGNED);
    }
  return total;
}

describe('layouts nobody wrote by hand', () => {
  it('every layout of SPEC §2 counts exactly what its services say', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(services, layout, titleRows, fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 })), { minLength: 1, maxLength: 3 }),
        (specs) => {
          const sheets = specs.map(([list, how, titles, order], i) => ({ list, how, spec: render(`Amt ${i + 1}`, list, how, titles, order) }));
          const a = analyze(sheets.map((s) => s.spec));
          const want = expected(sheets);
          const wantYears = Object.keys(want).map(Number).sort();
          expect(a.years).toEqual(wantYears);
          for (const y of wantYears) for (const k of COUNT_KEYS) expect([y, k, a.total[y]![k]]).toEqual([y, k, want[y]![k]]);
          const errors = a.findings.filter((f) => f.severity === 'error');
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
