import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCatalogFile } from '../src/adapters/catalog-file';
import { SHARED_CATALOG } from './support/requirements';
import { writeOutputsIntoXlsx } from './support/xlsx-file-adapter';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { buildCatalogSheet } from '../src/core/catalog';
import { COUNT_KEYS } from '../src/core/clusters';
import { parseA1 } from '../src/core/grid';
import { normalizeKey } from '../src/core/key';

/* `--catalog` and the catalogue kept in the workbook, as a user runs the CLI (dist-node, built by npm test). */
const MAIN = join(__dirname, '..', 'dist-node', 'cli', 'main.js');
const DEMO = join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const CATALOG = SHARED_CATALOG;
const dir = mkdtempSync(join(tmpdir(), 'leika-cli-catalog-'));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
}
type Counts = Record<string, number>;
interface JsonBreakdown {
  name: string;
  counts: Record<string, Counts>;
}

/** Keys of the catalogue file, read from its raw text (independent of the product's CSV reading). */
const catalogKeys = new Set(readFileSync(CATALOG, 'utf8').match(/^99\d{12}(?=;)/gm));
const demoGrid = readXlsx(new Uint8Array(readFileSync(DEMO)));

/** The key written in a cell of the demo workbook. */
function keyAt(sheet: string, cell: string): string {
  const at = parseA1(cell)!;
  return normalizeKey(demoGrid.sheets.find((s) => s.name === sheet)!.rows[at.row]?.[at.col] ?? null);
}

describe('--catalog with the shared extract on the demo workbook', () => {
  const run = cli(DEMO, '--catalog', CATALOG, '--json');
  const json = JSON.parse(run.stdout);
  const notInCatalog: JsonFinding[] = json.findings.filter((f: JsonFinding) => f.code === 'KEY_NOT_IN_CATALOG');

  it('exits 0 and says what it read from the catalogue', () => {
    expect(run.code).toBe(0);
    expect(json.catalog).toEqual({ source: 'leika_ozg_catalog_nrw_2019.csv', entries: 4813, rowsWithoutKey: 436, invalidKeys: 2 });
    expect(json.findings.filter((f: JsonFinding) => f.sheet === 'leika_ozg_catalog_nrw_2019.csv').map((f: JsonFinding) => `${f.code} ${f.cell}`)).toEqual([
      'INVALID_KEY A5251',
      'INVALID_KEY A5252',
    ]);
  });

  it('keeps every key of SPEC §6 and the published table', () => {
    expect(Object.keys(json)).toEqual(['years', 'reportYear', 'clusters', 'total', 'offices', 'findings', 'skippedSheets', 'comparison', 'catalog', 'breakdowns']);
    expect(json.total['2024']['Alle Dienstleistungen']).toBe(1187);
    expect(json.total['2023']['Alle Dienstleistungen']).toBe(835);
  });

  it('flags exactly the demo keys that are absent from the catalogue: the generated Jagdschein and Aufenthaltserlaubnis details', () => {
    const flagged = notInCatalog.map((f) => keyAt(f.sheet, f.cell));
    // each finding sits on a key cell whose key the catalogue file does not hold
    expect(flagged.every((k) => /^99\d{12}$/.test(k) && !catalogKeys.has(k))).toBe(true);
    expect(new Set(flagged).size).toBe(flagged.length);
    // and every such key of the workbook is flagged
    const absent = new Set<string>();
    for (const s of demoGrid.sheets)
      if (s.visibility === 'visible')
        for (const row of s.rows) for (const cell of row ?? []) {
          const k = normalizeKey(cell ?? null);
          if (/^99\d{12}$/.test(k) && !catalogKeys.has(k)) absent.add(k);
        }
    expect(new Set(flagged)).toEqual(absent);
    const byLo = (lo: string): number => flagged.filter((k) => k.startsWith(lo)).length;
    expect([byLo('99067004'), byLo('99010001'), flagged.length]).toEqual([92, 57, 149]);
    expect([...new Set(notInCatalog.map((f) => f.sheet))].sort()).toEqual(['Ausländerbehörde', 'Untere Jagdbehörde']);
    expect(notInCatalog.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('breaks every year down by Themenfeld and LeiKa-Typ, adding up to the Monitoring totals', () => {
    for (const field of ['themenfeld', 'typ'] as const) {
      const rows: JsonBreakdown[] = json.breakdowns[field];
      for (const year of ['2023', '2024'])
        for (const key of COUNT_KEYS) expect([field, year, key, rows.reduce((s, r) => s + r.counts[year]![key]!, 0)]).toEqual([field, year, key, json.total[year][key]]);
    }
    const themen = json.breakdowns.themenfeld.map((r: JsonBreakdown) => r.name);
    expect(themen).toEqual(expect.arrayContaining(['Ein- & Auswanderung', 'Engagement & Hobby', 'Nicht im Katalog']));
  });

  it('names the refined Leistungsobjekte Jagdschein 7 → 102 and Aufenthaltserlaubnis 6 → 181', () => {
    const refinement = json.comparison[0].refinement.map((r: { leistungsobjekt: string; name: string; from: number; to: number }) => [r.leistungsobjekt, r.name, r.from, r.to]);
    expect(refinement.slice(0, 2)).toEqual([
      ['99010001', 'Aufenthaltserlaubnis', 6, 181],
      ['99067004', 'Jagdschein', 7, 102],
    ]);
  });

  it('prints what the catalogue held and the Themenfeld table as text', () => {
    const text = cli(DEMO, '--catalog', CATALOG);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('LeiKa-Katalog: „leika_ozg_catalog_nrw_2019.csv“, 4.813 Leistungen übernommen (nicht übernommen: 436 Zeilen ohne Schlüssel, 2 mit ungültigem Schlüssel)');
    expect(text.stdout).toMatch(/nicht im Katalog stehen: 149/);
    expect(text.stdout).toMatch(/^Ein- & Auswanderung\s+\d+$/m);
  });

  it('writes the breakdowns and the official names into the report workbook', () => {
    const out = join(dir, 'bericht.xlsx');
    expect(cli(DEMO, '--catalog', CATALOG, '--out', out).code).toBe(0);
    const report = readXlsx(new Uint8Array(readFileSync(out)));
    const cells = (name: string): string[] => report.sheets.find((s) => s.name === name)!.rows.flatMap((r) => (r ?? []).map(String));
    expect(cells('Monitoring')).toEqual(expect.arrayContaining(['Dienstleistungen je Themenfeld 2024 (LeiKa-Katalog)', 'Alle Themenfelder', 'Alle Typen']));
    expect(report.sheets.find((s) => s.name === 'Gesamtliste')!.rows[0]).toEqual(expect.arrayContaining(['Leistung', 'LeiKa-Bezeichnung (Katalog)']));
    expect(cells('Vergleich')).toEqual(expect.arrayContaining(['Je Themenfeld (LeiKa-Katalog)']));
    // the text block of SPEC §9, wrapped into consecutive rows
    expect(cells('Vergleich').join(' ')).toContain('„Jagdschein“ im Vergleich zum Vorjahr weiter ausdifferenziert (2023: 7 LeiKa-Leistungen, 2024: 102 LeiKa-Leistungen)');
  });
});

describe('the catalogue kept in the workbook (sheet „LeiKa-Katalog“)', () => {
  let marked: string;
  beforeAll(async () => {
    const catalog = readCatalogFile(new Uint8Array(readFileSync(CATALOG)), 'leika_ozg_catalog_nrw_2019.csv').catalog;
    const { bytes } = await writeOutputsIntoXlsx(new Uint8Array(readFileSync(DEMO)), [buildCatalogSheet(catalog, { importedAt: '2025-03-05' })]);
    marked = join(dir, 'mit-katalog.xlsx');
    writeFileSync(marked, bytes);
  });

  it('is found without --catalog and gives the same findings', () => {
    const r = cli(marked, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.catalog).toEqual({ source: 'LeiKa-Katalog', entries: 4813, rowsWithoutKey: 0, invalidKeys: 0 });
    expect(json.findings.filter((f: JsonFinding) => f.code === 'KEY_NOT_IN_CATALOG')).toHaveLength(149);
    expect(json.skippedSheets).toEqual(expect.arrayContaining([{ sheet: 'LeiKa-Katalog', reason: expect.stringContaining('eigenes Blatt') }]));
    expect(json.total['2024']['Alle Dienstleistungen']).toBe(1187);
  });

  it('gives way to --catalog', () => {
    const small = join(dir, 'klein.csv');
    writeFileSync(small, 'LeiKa-Schlüssel;Bezeichnung;Themenfeld\n99067004000000;Jagdschein;Engagement & Hobby\n');
    const json = JSON.parse(cli(marked, '--json', '--catalog', small).stdout);
    expect(json.catalog).toEqual({ source: 'klein.csv', entries: 1, rowsWithoutKey: 0, invalidKeys: 0 });
  });
});

describe('a catalogue the CLI cannot use', () => {
  const write = (name: string, content: string | Uint8Array): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it.each([
    ['a missing file', () => join(dir, 'fehlt.csv'), /LeiKa-Katalog wurde nicht gefunden/],
    ['a list without catalogue header', () => write('liste.csv', 'Amt;Status\nBauamt;PDF\n'), /„liste\.csv“ ist kein LeiKa-Katalog/],
    ['a CSV with an unterminated quote', () => write('kaputt.csv', 'LeiKa-Schlüssel;Bezeichnung\n99067004000000;"Jagdschein\n'), /keine lesbare CSV-Datei/],
    ['a damaged XLSX', () => write('kaputt.xlsx', readFileSync(DEMO).subarray(0, 4000)), /LeiKa-Katalog kaputt\.xlsx kann nicht gelesen werden/],
    ['the office workbook without catalogue', () => DEMO, /ist kein LeiKa-Katalog/],
  ])('exits 2 with one German line for %s', (_label, path, message) => {
    const r = cli(DEMO, '--catalog', path());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
