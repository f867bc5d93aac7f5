/*
 * Differential test (issue 8): the reader's grid of every corpus file (tests/fixtures/reader)
 * and of the demo workbook against LibreOffice's own reading of the same file, exported per
 * sheet with `soffice --convert-to csv` (all sheets, values not formulas). Files LibreOffice
 * cannot read, or that the reader refuses, name their reason in `<name>.expected.json`; cells
 * where LibreOffice 7.4 reads differently from Excel are listed below with the reason.
 * Needs `soffice`: without it the suite fails on CI and is skipped elsewhere, with the reason in its title.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { a1, type Cell } from '../src/core/grid';
import { filledCells } from './support/grid-cells';
import { describeIfAvailable, sofficeMissing } from './support/requirements';

const READER = join(__dirname, 'fixtures', 'reader');
const DEMO = join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');

/** Cells LibreOffice 7.4 reads differently from Excel (and the reader), by file and cell. */
const LIBREOFFICE_DIFFERS: Record<string, Record<string, string>> = {
  'inline-strings': { B1: 'drops an inline string that also carries a <v>' },
  'escapes-and-entities': { A1: 'reads the escaped CR LF (`_x000D_` + LF) as one LF' },
  // LibreOffice counts every serial day from 30 Dec 1899; Excel (and the reader) keep the fictitious 29 Feb 1900
  'dates-1900': { G1: 'serial 1 is 31 Dec 1899 in LibreOffice, 1 Jan 1900 in Excel' },
};

const compared = readdirSync(READER)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .filter((name) => (JSON.parse(readFileSync(join(READER, `${name}.expected.json`), 'utf8')) as { libreoffice: string }).libreoffice === 'compare');
const files = [...compared.map((n) => join(READER, `${n}.xlsx`)), DEMO];

/** How LibreOffice's CSV shows a cell the reader holds, or undefined where only a looser comparison fits. */
function agrees(mine: Cell | undefined, theirs: string): boolean {
  if (mine === undefined || mine === null) return theirs === '';
  if (typeof mine === 'string') {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(mine);
    // a date: LibreOffice writes it as its format shows it (M/D/Y, D.M.Y) or, without a date format, as the serial day
    if (iso && theirs !== mine) return sameDate(iso, theirs);
    return theirs === mine;
  }
  if (typeof mine === 'number') return theirs !== '' && Math.abs(Number(theirs) - mine) <= Math.abs(mine) * 1e-12;
  if (typeof mine === 'boolean') return theirs === (mine ? 'TRUE' : 'FALSE');
  return theirs === mine.code;
}

function sameDate([, y, m, d]: RegExpExecArray, theirs: string): boolean {
  const us = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(theirs);
  if (us) return us[3] === y && us[1] === m && us[2] === d;
  const de = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(theirs);
  if (de) return de[3] === y && de[2] === m && de[1] === d;
  if (/^\d+(\.\d+)?$/.test(theirs)) return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(theirs)) * 86_400_000).toISOString().slice(0, 10) === `${y}-${m}-${d}`;
  return false;
}

describeIfAvailable(sofficeMissing(), 'reader against LibreOffice', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'leika-reader-lo-'));
    const profile = mkdtempSync(join(tmpdir(), 'leika-lo-profile-'));
    // 76 = UTF-8, 1031 = German; -1: every sheet into `<file>-<sheet>.csv`
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1031,false,true,false,false,false,-1', '--outdir', out, ...files],
      { encoding: 'utf8', timeout: 180_000 },
    );
    rmSync(profile, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  }, 200_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('compares the demo and at least ten corpus files', () => {
    expect(compared.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [basename(f, '.xlsx'), f]))('%s: every sheet reads as LibreOffice reads it', (name, file) => {
    const wb = readXlsx(new Uint8Array(readFileSync(file)));
    const differs = LIBREOFFICE_DIFFERS[name] ?? {};
    for (const sheet of wb.sheets) {
      const csv = join(out, `${name}-${sheet.name}.csv`);
      expect([sheet.name, existsSync(csv)]).toEqual([sheet.name, true]);
      const theirs = parse(readFileSync(csv, 'utf8'), { relaxColumnCount: true, skipEmptyLines: false }) as string[][];
      const mine = filledCells(sheet);
      const refs = new Set(Object.keys(mine));
      theirs.forEach((row, r) => row.forEach((v, c) => v !== '' && refs.add(a1(r, c))));
      const disagreements: string[] = [];
      for (const ref of refs) {
        if (differs[ref]) continue;
        const at = /^([A-Z]+)(\d+)$/.exec(ref)!;
        const col = [...at[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const text = theirs[Number(at[2]) - 1]?.[col] ?? '';
        if (!agrees(mine[ref], text)) disagreements.push(`${sheet.name}!${ref}: Leser ${JSON.stringify(mine[ref])}, LibreOffice ${JSON.stringify(text)}`);
      }
      expect(disagreements).toEqual([]);
    }
  });
});
