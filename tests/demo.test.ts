/*
 * The demo workbook (assets/demo, made by scripts/make-demo.js) reproduces the published
 * table of SPEC §1 exactly, and everything else its expectation (assets/demo/expected.json)
 * lists: per-office counts, findings, skipped sheets and the LeiKa refinement.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { analyzeWorkbook } from '../src/core/analyze';
import { runCli } from '../src/cli/run';
import { describeIfAvailable, SHARED_CATALOG } from './support/requirements';

const ROOT = join(__dirname, '..');
const DEMO = join(ROOT, 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const EXPECTED = JSON.parse(readFileSync(join(ROOT, 'assets', 'demo', 'expected.json'), 'utf8')) as {
  years: number[];
  reportYear: number;
  total: Record<string, Record<string, number>>;
  offices: { office: string; counts: Record<string, Record<string, number>> }[];
  refinement: { office: string; leistungsobjekt: string; name: string; cluster: string; counts: Record<string, number> }[];
  findings: { code: string; sheet: string; cell: string }[];
  skippedSheets: string[];
  officeSheets: string[];
};

/** SPEC §1, typed in from the published council report. */
const PUBLISHED: Record<number, Record<string, number>> = {
  2023: { Analog: 125, 'Kein Optimierungspotenzial': 180, PDF: 218, Digital: 258, 'Projekt in Umsetzung': 54, 'Nicht zugeordnet': 0, 'Alle Dienstleistungen': 835 },
  2024: { Analog: 126, 'Kein Optimierungspotenzial': 199, PDF: 428, Digital: 283, 'Projekt in Umsetzung': 151, 'Nicht zugeordnet': 0, 'Alle Dienstleistungen': 1187 },
};

interface Report {
  years: number[];
  reportYear: number;
  total: Record<string, Record<string, number>>;
  offices: { office: string; counts: Record<string, Record<string, number>> }[];
  findings: { severity: string; code: string; sheet: string; cell: string }[];
  skippedSheets: { sheet: string; reason: string }[];
}

let got: Report;
beforeAll(async () => {
  let stdout = '';
  let stderr = '';
  const code = await runCli([DEMO, '--json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date(Date.UTC(2025, 0, 15)) });
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  got = JSON.parse(stdout) as Report;
});

test('reproduces the published table of SPEC §1 exactly', () => {
  expect(got.years).toEqual([2023, 2024]);
  expect(got.reportYear).toBe(2024);
  expect(got.total).toEqual(PUBLISHED);
});

test('expected.json holds the §1 table too', () => {
  expect(EXPECTED.total).toEqual(PUBLISHED);
  expect(EXPECTED.years).toEqual([2023, 2024]);
});

test('per-office counts as generated, offices in order of first appearance', () => {
  expect(got.offices.map((o) => o.office)).toEqual(EXPECTED.offices.map((o) => o.office));
  for (const o of EXPECTED.offices) {
    const g = got.offices.find((x) => x.office === o.office);
    expect({ office: o.office, counts: g?.counts }).toEqual({ office: o.office, counts: o.counts });
  }
  expect(got.offices).toHaveLength(16);
});

test('findings as generated (none of them changes the totals; no UNKNOWN_STATUS)', () => {
  const key = (f: { code: string; sheet: string; cell: string }): string => `${f.code} ${f.sheet}!${f.cell}`;
  expect(got.findings.map(key).sort()).toEqual(EXPECTED.findings.map(key).sort());
  expect(got.findings.filter((f) => f.code === 'UNKNOWN_STATUS' || f.code === 'NO_STATUS')).toEqual([]);
});

test('skips the instruction sheet and the hidden sheet', () => {
  expect(got.skippedSheets.map((s) => s.sheet).sort()).toEqual(EXPECTED.skippedSheets.slice().sort());
});

test('LeiKa refinement: Jagdschein 7 → 102, Aufenthaltserlaubnis 6 → 181, all PDF', () => {
  const analysis = analyzeWorkbook(readXlsx(new Uint8Array(readFileSync(DEMO))), { currentYear: 2025 });
  const published = { Jagdschein: { 2023: 7, 2024: 102 }, Aufenthaltserlaubnis: { 2023: 6, 2024: 181 } } as Record<string, Record<number, number>>;
  for (const r of EXPECTED.refinement) {
    for (const year of [2023, 2024]) {
      const records = analysis.records.filter((x) => x.office === r.office && x.year === year && x.keyValid && x.key.startsWith(r.leistungsobjekt));
      expect({ lo: r.name, year, n: records.length }).toEqual({ lo: r.name, year, n: published[r.name]?.[year] });
      expect(new Set(records.map((x) => x.cluster))).toEqual(new Set(['PDF']));
      expect(new Set(records.map((x) => x.key)).size).toBe(records.length);
      expect(r.counts[year]).toBe(published[r.name]?.[year]);
    }
  }
});

describeIfAvailable(existsSync(SHARED_CATALOG) ? undefined : `the shared LeiKa extract (${SHARED_CATALOG})`, 'scripts/make-demo.js', () => {
  test('is deterministic and the committed files are current', () => {
    const out = mkdtempSync(join(tmpdir(), 'leika-demo-'));
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-demo.js'), '--out', out, '--catalog', SHARED_CATALOG], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(readFileSync(join(out, 'expected.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'assets', 'demo', 'expected.json'), 'utf8'));
      expect(readFileSync(join(out, 'Digitalisierungsuebersicht_Demo.xlsx')).equals(readFileSync(DEMO))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
