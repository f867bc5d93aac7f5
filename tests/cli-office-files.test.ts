/*
 * The command line on several files and on a folder (SPEC §10), run as a user runs it
 * (`node dist-node/cli/main.js`; npm test builds it first), on the office files made from the
 * demo workbook (scripts/make-office-files.js).
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEMO_ORDER, FOLDER_ORDER, LOCK_FILE, NOT_A_WORKBOOK, asDemo, demoJson, makeOfficeFileSet, severalFileFindings } from './support/office-files';

const MAIN = join(__dirname, '..', 'dist-node', 'cli', 'main.js');

function cli(args: string[], cwd?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', ...(cwd ? { cwd } : {}) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]): Record<string, unknown> {
  const r = cli([...args, '--json']);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

let root: string;
let folder: string;
beforeAll(async () => {
  const made = await makeOfficeFileSet();
  root = mkdtempSync(join(tmpdir(), 'leika-cli-amtsdateien-'));
  folder = join(root, 'Amtsdateien');
  renameSync(made, folder);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const hashes = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [e.name, createHash('sha256').update(readFileSync(join(folder, e.name))).digest('hex')]),
  );

describe('report -- Ordner/ and several files (SPEC §10)', () => {
  it('a folder: the files directly in it, sorted, lock file and other files left out; the demo’s counts and comparison', () => {
    const doc = json([`${folder}/`]);
    expect((doc.files as { file: string }[]).map((f) => f.file)).toEqual(FOLDER_ORDER);
    expect(FOLDER_ORDER).not.toContain(LOCK_FILE);
    expect(asDemo(doc)).toEqual(demoJson(FOLDER_ORDER));
    const demo = demoJson(DEMO_ORDER);
    expect([doc.total, doc.comparison]).toEqual([demo.total, demo.comparison]);
    expect(severalFileFindings(doc)).toEqual([`FILE_SKIPPED ${NOT_A_WORKBOOK} › !A1`, expect.stringMatching(/^OFFICE_IN_SEVERAL_FILES Ausländerbehörde 2\.xlsx › Ausländerbehörde!A\d+$/)]);
  });

  it('files in the order given: exactly the demo run, apart from file names', () => {
    const doc = json(DEMO_ORDER.map((f) => join(folder, f)));
    expect(asDemo(doc)).toEqual(demoJson(DEMO_ORDER));
    const files = doc.files as { file: string; sheets: string[]; offices: string[]; skippedSheets: { sheet: string }[] }[];
    expect(files[0]).toEqual({ file: 'Ordnungsamt.xlsx', sheets: ['Ordnungsamt'], offices: ['Ordnungsamt'], skippedSheets: [{ sheet: 'Anleitung', reason: expect.any(String) }] });
    expect(files[1]).toEqual({ file: 'Straßenverkehrsamt.xlsx', sheets: ['Tabelle1'], offices: ['Straßenverkehrsamt'], skippedSheets: [] });
    expect((doc.findings as { file?: string }[]).every((f) => typeof f.file === 'string')).toBe(true);
  });

  it('lists a file that is no workbook as skipped, with its reason, and evaluates the rest', () => {
    const doc = json([join(folder, NOT_A_WORKBOOK), join(folder, 'Jugendamt.xlsx')]);
    expect(doc.files).toEqual([
      { file: NOT_A_WORKBOOK, skipped: expect.stringContaining('keine Excel-Arbeitsmappe'), sheets: [], offices: [], skippedSheets: [] },
      { file: 'Jugendamt.xlsx', sheets: ['Blatt1'], offices: ['Jugendamt'], skippedSheets: [] },
    ]);
    expect((doc.offices as { office: string }[]).map((o) => o.office)).toEqual(['Jugendamt']);
    expect((doc.findings as { code: string; severity: string }[])[0]).toMatchObject({ code: 'FILE_SKIPPED', severity: 'error', file: NOT_A_WORKBOOK, cell: 'A1' });
  });

  it('prints each file with its offices', () => {
    const r = cli([folder]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Alle Dienstleistungen        835  1.187');
    expect(r.stdout).toContain('  - Kreiskasse.xlsm: Kreiskasse\n');
    expect(r.stdout).toContain(`  - ${NOT_A_WORKBOOK}: nicht ausgewertet – Die Datei ist keine Excel-Arbeitsmappe`);
  });

  it('--out: Quelle and Prüfhinweise name file and sheet, links are paths relative to the report; inputs untouched', async () => {
    const before = hashes();
    mkdirSync(join(root, 'Berichte'));
    const r = cli(['Amtsdateien', '--out', 'Berichte/Bericht.xlsx'], root);
    expect(r.code).toBe(0);
    expect(hashes()).toEqual(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(root, 'Berichte', 'Bericht.xlsx'));
    const findings = wb.getWorksheet('Prüfhinweise')!;
    const rows = findings.getSheetValues().slice(5) as unknown[][];
    const invalid = rows.find((row) => row[2] === 'INVALID_KEY')!;
    expect(invalid.slice(3, 5)).toEqual(['Bauordnungsamt.xlsx › Tabelle1', { text: 'A3', hyperlink: '../Amtsdateien/Bauordnungsamt.xlsx' }]);
    const skipped = rows.find((row) => row[2] === 'FILE_SKIPPED')!;
    expect(skipped.slice(3, 5)).toEqual([NOT_A_WORKBOOK, 'A1']);
    const quelle = (wb.getWorksheet('Gesamtliste')!.getSheetValues() as unknown[][]).slice(2).map((row) => row[9]);
    expect(quelle).toContain('Jugendamt.xlsx › Blatt1!D4');
    expect(quelle.filter((q) => typeof q !== 'string' || !/^[^›]+\.xls[xm] › [^!]+![A-Z]+\d+$/.test(q))).toEqual([]);
  });

  it('never writes --out over one of the files, not even a skipped one and not with --force', () => {
    const before = hashes();
    const r = cli([folder, '--out', join(folder, NOT_A_WORKBOOK), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/darf nicht die Eingabedatei sein/);
    expect(hashes()).toEqual(before);
  });

  it('takes the settings from the first file that has them and says which', async () => {
    const run = join(root, 'mit-einstellungen');
    mkdirSync(run);
    const a12 = new ExcelJS.Workbook();
    a12.addWorksheet('Einstellungen').addRows([
      ['Schlüssel', 'Wert'],
      ['Berichtsjahr', 2023],
    ]);
    await a12.xlsx.writeFile(join(run, 'A12.xlsx'));
    writeFileSync(join(run, 'Jugendamt.xlsx'), readFileSync(join(folder, 'Jugendamt.xlsx')));
    const doc = json([run]);
    expect([doc.reportYear, doc.settings, doc.years]).toEqual([2023, { file: 'A12.xlsx', sheet: 'Einstellungen' }, [2023]]);
    expect(cli([run]).stdout).toContain('Einstellungen: Blatt „Einstellungen“ aus A12.xlsx\n');
  });

  it('a folder with one workbook: Prüfhinweise link its cells in the file beside the report, none into the report itself', async () => {
    const one = join(root, 'ein-amt');
    mkdirSync(one);
    writeFileSync(join(one, 'Bauordnungsamt.xlsx'), readFileSync(join(folder, 'Bauordnungsamt.xlsx')));
    expect(cli([one, '--out', join(one, 'Bericht.xlsx')]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(one, 'Bericht.xlsx'));
    const rows = wb.getWorksheet('Prüfhinweise')!.getSheetValues().slice(5) as unknown[][];
    const invalid = rows.find((row) => row[2] === 'INVALID_KEY')!;
    expect(invalid.slice(3, 5)).toEqual(['Tabelle1', { text: 'A3', hyperlink: 'Bauordnungsamt.xlsx' }]);
  });

  it('refuses a folder without workbooks, and a folder whose files are all unreadable', () => {
    const empty = join(root, 'leer');
    mkdirSync(join(empty, 'Unterordner'), { recursive: true });
    writeFileSync(join(empty, 'Unterordner', 'Jugendamt.xlsx'), readFileSync(join(folder, 'Jugendamt.xlsx')));
    writeFileSync(join(empty, LOCK_FILE), 'x');
    const r = cli([empty]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^Fehler: .*leer ist ein Ordner ohne Arbeitsmappe.*\n$/);
    const broken = join(root, 'kaputt');
    mkdirSync(broken);
    writeFileSync(join(broken, 'Alt.xlsx'), 'kein zip');
    const b = cli([broken]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^Fehler: Keine Amtsblätter gefunden \(Alt\.xlsx: .*keine Excel-Arbeitsmappe.*\)\.\n$/);
  });

  it('one file keeps SPEC §6: a file that is no workbook ends the run with exit 2', () => {
    const r = cli([join(folder, NOT_A_WORKBOOK)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Fehler: .*keine Excel-Arbeitsmappe/);
    expect(dirname(folder)).toBe(root);
  });
});
