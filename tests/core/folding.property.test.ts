import fc from 'fast-check';
import { BUILT_IN_VALUES } from '../../src/core/clusters';
import { fold, foldedStartTest } from '../../src/core/fold';
import type { Cell } from '../../src/core/grid';
import { analyze, codes, type SheetSpec } from '../support/grid';

/*
 * SPEC §2: folding comes first. The same sheet typed with other padding, non-breaking spaces,
 * byte-order marks, dashes, case, decomposed umlauts or a trailing `.`/`:` counts the same
 * and gets the same findings on the same cells.
 */

const SPACES = [' ', '  ', '\u00a0', '\t', '\n', '\ufeff ', ' \u00a0 '];
const DASHES = ['-', '\u2010', '\u2011', '\u2013', '\u2014', '\u2212', '_', '/'];

/** A spelling of `text` that folds to the same value as `text` (`seed` picks the variations). */
function respell(text: string, seed: number[]): string {
  let i = 0;
  const pick = <T,>(list: readonly T[]): T => list[(seed[i++ % seed.length] ?? 0) % list.length]!;
  let s = text.replace(/[ \-–—/_]/g, () => (pick([0, 1]) === 0 ? pick(SPACES) : pick(DASHES)));
  s = [s, s.toUpperCase(), s.toLowerCase(), s.normalize('NFD')][pick([0, 1, 2, 3])]!;
  if (!/[.:]\s*$/.test(s) && pick([0, 1, 2]) === 0) s += pick(['.', ':']);
  return pick(SPACES.concat('')) + s + pick(SPACES.concat(''));
}

/** Keys keep their digits; only whitespace around and between digit groups varies. */
function respellKey(key: string, seed: number[]): string {
  const pad = SPACES[(seed[0] ?? 0) % SPACES.length]!;
  return (seed[1] ?? 0) % 2 === 0 ? `${pad}${key}${pad}` : key.replace(/^(\d{2})(\d{3})/, `$1${pad}$2${pad}`);
}

const STATUS_VALUES = [...Object.values(BUILT_IN_VALUES).flat(), 'teilweise online', '-', '\u2013', null];
const NAMES = ['Abfallgebühr', 'Jagdschein Erteilung', 'Hundesteuer', 'Straßenverkehr Genehmigung', 'Summe', 'Ergebnis der Wahl', 'Summe Analog', 'Jagdwesen'];
const KEY_HEADERS = ['LeiKa-Schlüssel', 'LeiKa-Nr.', 'Schlüssel (14-stellig)', 'Leistungsschlüssel'];
const NAME_HEADERS = ['Leistung', 'Leistungsbezeichnung', 'Leistung (Bezeichnung)', 'Dienstleistung'];
const STATUS_HEADERS = (y: number): string[] => [`Umsetzungsstatus ${y}`, `Status (${y})`, `Stand: ${y}`, `Digitalisierungsstand – ${y}`];

const row = fc.record({
  key: fc.oneof(fc.constant(null), fc.constant('nicht im LeiKa'), fc.integer({ min: 0, max: 30 }).map((i) => `99${String(100 + i).padStart(3, '0')}001000000`)),
  name: fc.oneof(fc.constant(null), fc.constantFrom(...NAMES)),
  statuses: fc.tuple(fc.constantFrom(...STATUS_VALUES), fc.constantFrom(...STATUS_VALUES)),
});
const sheetArb = fc.record({
  headers: fc.tuple(fc.constantFrom(...KEY_HEADERS), fc.constantFrom(...NAME_HEADERS), fc.nat(3), fc.nat(3)),
  rows: fc.array(row, { maxLength: 15 }),
  seeds: fc.array(fc.array(fc.nat(50), { minLength: 4, maxLength: 8 }), { minLength: 200, maxLength: 200 }),
});

type SheetInput = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function render({ headers, rows }: SheetInput, text: (s: string, n: number) => string, key: (s: string, n: number) => string): SheetSpec {
  let n = 0;
  const t = (s: string | null): Cell => (s === null ? null : text(s, n++));
  const head: Cell[] = [t(headers[0]), t(headers[1]), t(STATUS_HEADERS(2023)[headers[2]]!), t(STATUS_HEADERS(2024)[headers[3]]!)];
  const body = rows.map((r): Cell[] => [r.key === null ? null : /^\d+$/.test(r.key) ? key(r.key, n++) : t(r.key), t(r.name), t(r.statuses[0]), t(r.statuses[1])]);
  return { name: 'Amt', rows: [head, ...body] };
}

describe('folding comes first (SPEC §2)', () => {
  it('counts and reports the same whatever padding, NBSP, dash, case or umlaut spelling headers and values carry', () => {
    fc.assert(
      fc.property(sheetArb, (spec) => {
        const plain = analyze([render(spec, (s) => s, (s) => s)]);
        const seed = (n: number): number[] => spec.seeds[n % spec.seeds.length]!;
        const noisy = analyze([render(spec, (s, n) => respell(s, seed(n)), (s, n) => respellKey(s, seed(n)))]);
        expect(noisy.officeSheets).toEqual(plain.officeSheets);
        expect([noisy.reportYear, noisy.years, noisy.total]).toEqual([plain.reportYear, plain.years, plain.total]);
        expect(codes(noisy)).toEqual(codes(plain));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the raw-text pre-filters never reject what folding accepts', () => {
  const ALIASES = ['LeiKa-Schlüssel', 'LeiKa-Nr.', 'LeiKa-Nummer', 'LeiKa-ID', 'Leistungsschlüssel', 'Schlüssel', 'Leistung', 'Leistungsbezeichnung', 'Straße', 'Gesamtsumme'];

  it('a respelled value, with a remark in parentheses or a trailing mark, passes the value test', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALIASES), fc.array(fc.nat(50), { minLength: 4, maxLength: 8 }), fc.constantFrom('', ' (14-stellig)', '\u00a0(Pflicht)', '.', ':'), (value, seed, tail) => {
        const raw = respell(value, seed) + tail;
        expect([raw, foldedStartTest([fold(value)], 'value').test(raw)]).toEqual([raw, true]);
      }),
    );
  });

  it('a respelled word followed by more text passes the word test', () => {
    fc.assert(
      fc.property(fc.constantFrom('Summe', 'Gesamtergebnis', 'Straße'), fc.array(fc.nat(50), { minLength: 4, maxLength: 8 }), (word, seed) => {
        const raw = `${respell(word, seed)}\u00a0Analog`;
        expect([raw, foldedStartTest([fold(word)], 'word').test(raw)]).toEqual([raw, true]);
      }),
    );
  });

  it('rejects a data cell that only begins like an alias', () => {
    expect(foldedStartTest([fold('Leistung')], 'value').test('Leistung 2.2')).toBe(false);
    expect(foldedStartTest([fold('Summe')], 'word').test('Summen der Anträge')).toBe(false);
  });
});
