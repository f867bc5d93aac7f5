/*
 * Integration: every fixture workbook in tests/fixtures (made by scripts/make-fixtures.js)
 * through the command line (`--json`, SPEC §6), compared with the expectation derived by hand
 * from the SPEC (`<name>.expected.json`). The same expectation applies to the copy re-saved by
 * LibreOffice (tests/fixtures/libreoffice) and to the .xlsm copy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../src/cli/run';

const FIXTURES = join(__dirname, 'fixtures');
const NOW = new Date(Date.UTC(2025, 0, 15, 9, 0, 0));

const SEVERITY: Record<string, string> = {
  UNKNOWN_STATUS: 'error',
  INVALID_REIFEGRAD: 'error',
  INVALID_KEY: 'error',
  CONFLICTING_DUPLICATE: 'error',
  DUPLICATE_YEAR_COLUMN: 'error',
  DUPLICATE_KEY: 'warning',
  NO_STATUS: 'warning',
  STATUS_WITHOUT_SERVICE: 'warning',
  NO_KEY: 'info',
  EXCLUDED: 'info',
  TOTALS_ROW: 'info',
  KEY_IN_SEVERAL_OFFICES: 'info',
};
/** A message or reason a user reads: one line of words, no placeholder left unfilled. */
const ONE_GERMAN_LINE = /^(?!.*\b(?:undefined|null|NaN|\[object Object\])\b)[^\n]*\p{L}{2}[^\n]*$/u;
const SEVEN = ['Analog', 'Kein Optimierungspotenzial', 'PDF', 'Digital', 'Projekt in Umsetzung', 'Nicht zugeordnet', 'Alle Dienstleistungen'];

interface Finding {
  severity: string;
  code: string;
  sheet: string;
  cell: string;
  message: string;
  suggestion?: string;
}
interface Report {
  years: number[];
  reportYear: number;
  clusters: string[];
  total: Record<string, Record<string, number>>;
  offices: { office: string; counts: Record<string, Record<string, number>> }[];
  findings: Finding[];
  skippedSheets: { sheet: string; reason: string }[];
}
interface Expected {
  years: number[];
  reportYear: number;
  total: Record<string, Record<string, number>>;
  offices: { office: string; counts: Record<string, Record<string, number>> }[];
  findings: { code: string; sheet: string; cell: string }[];
  skippedSheets: string[];
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => NOW });
  return { code, stdout, stderr };
}

async function report(file: string): Promise<Report> {
  const r = await cli([file, '--json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

const findingKey = (f: { code: string; sheet: string; cell: string }): string => `${f.code} ${f.sheet}!${f.cell}`;

const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

const cases: [string, string][] = [];
for (const name of names) {
  for (const file of [`${name}.xlsx`, `${name}.xlsm`, join('libreoffice', `${name}.xlsx`)]) {
    if (existsSync(join(FIXTURES, file))) cases.push([file, name]);
  }
}

test('every layout of SPEC §2 has a fixture, the messy one has every finding code, some went through LibreOffice', () => {
  expect(names).toEqual(
    expect.arrayContaining([
      'layout-title-rows',
      'layout-linebreak-headers',
      'layout-numeric-years',
      'layout-status-variants',
      'layout-two-row-header',
      'layout-long-format',
      'layout-office-column',
      'layout-multi-table',
      'messy',
    ]),
  );
  const messy = JSON.parse(readFileSync(join(FIXTURES, 'messy.expected.json'), 'utf8')) as Expected;
  expect(new Set(messy.findings.map((f) => f.code))).toEqual(new Set(Object.keys(SEVERITY)));
  expect(cases.filter(([file]) => file.startsWith('libreoffice')).length).toBeGreaterThanOrEqual(5);
  expect(cases.some(([file]) => file.endsWith('.xlsm'))).toBe(true);
});

describe.each(cases)('%s', (file, name) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
  let got: Report;
  beforeAll(async () => {
    got = await report(join(FIXTURES, file));
  });

  test('years and report year', () => {
    expect(got.years).toEqual(expected.years);
    expect(got.reportYear).toBe(expected.reportYear);
    expect(got.clusters).toEqual(SEVEN.slice(0, 5));
  });

  test('totals per year (all seven keys)', () => {
    expect(Object.keys(got.total).sort()).toEqual(expected.years.map(String));
    for (const year of expected.years) expect(got.total[year]).toEqual(expected.total[year]);
  });

  test('offices in order of first appearance, with their counts', () => {
    expect(got.offices.map((o) => o.office)).toEqual(expected.offices.map((o) => o.office));
    for (const o of expected.offices) {
      const g = got.offices.find((x) => x.office === o.office);
      for (const year of expected.years) expect({ office: o.office, year, counts: g?.counts[year] }).toEqual({ office: o.office, year, counts: o.counts[year] });
    }
  });

  test('findings: code, sheet and cell', () => {
    expect(got.findings.map(findingKey).sort()).toEqual(expected.findings.map(findingKey).sort());
    for (const f of got.findings) {
      expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
      if (SEVERITY[f.code]) expect({ code: f.code, severity: f.severity }).toEqual({ code: f.code, severity: SEVERITY[f.code] });
      expect(f.message).toMatch(ONE_GERMAN_LINE);
    }
  });

  test('skipped sheets', () => {
    expect(got.skippedSheets.map((s) => s.sheet).sort()).toEqual(expected.skippedSheets.slice().sort());
    for (const s of got.skippedSheets) expect(s.reason).toMatch(ONE_GERMAN_LINE);
  });
});

describe('unusable input: exit 2, one clear line on stderr, no stack trace', () => {
  const errors = join(FIXTURES, 'errors');
  test.each([
    ['legacy.xls', /xlsx/i],
    ['truncated.xlsx', /./],
    ['not-a-workbook.xlsx', /./],
    ['no-office-sheet.xlsx', /./],
    ['does-not-exist.xlsx', /./],
  ])('%s', async (file, mention) => {
    const r = await cli([join(errors, file), '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const text = r.stderr.trim();
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toMatch(mention);
    expect(text).not.toMatch(/\n\s+at |Error:|TypeError|undefined/);
  });

  test('legacy .xls is not called encrypted', async () => {
    const r = await cli([join(errors, 'legacy.xls'), '--json']);
    expect(r.stderr).not.toMatch(/verschlüsselt/i);
  });
});
