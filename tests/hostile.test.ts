import ExcelJS from 'exceljs';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { CORPUS, dir, expectRefused, expectWithinBudget, ROOT, run } from './support/hostile';
import { REFUSED } from './support/hostile-cases';

/* The hostile corpus through the CLI (issue 9). */

/** The `location` of every hyperlink in the report's worksheets (parsed, entities decoded). */
function hyperlinkLocations(report: string): string[] {
  const found: string[] = [];
  for (const [path, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(report))))) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => {
      const location = tag.attributes['location'];
      if (tag.name === 'hyperlink' && typeof location === 'string') found.push(location);
    });
    parser.write(strFromU8(bytes)).close();
  }
  return found;
}

/** Files whose hostile content is read and counted (the tests below check it never acts). */
const EVALUATED = ['pfad-traversal.xlsx', 'steuerzeichen-und-bidi.xlsx', 'blattnamen.xlsx', 'formeln-und-dde.xlsx'];

describe('hostile corpus through the CLI (issue 9)', () => {
  describe('zip bombs, broken, disguised and malicious packages end with exit 2 and one German line', () => {
    it.each(REFUSED)('%s', (file, message) => {
      const r = run(file);
      expectRefused(r, message);
      expectWithinBudget(file, r);
    });

    it('never reads a file an external entity names', () => {
      const r = run('externe-entitaet.xlsx', '--json');
      expect(r.stdout + r.stderr).not.toContain('root:');
    });
  });

  it('covers every file of the corpus', () => {
    const tested = new Set([...REFUSED.map(([file]) => file), ...EVALUATED]);
    expect(readdirSync(CORPUS).filter((f) => !tested.has(f))).toEqual([]);
  });

  describe('hostile content is evaluated, and never acts', () => {
    it('pfad-traversal.xlsx: entries named ../../x are ignored and nothing is written outside', () => {
      const r = run('pfad-traversal.xlsx', '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).total['2024']['Alle Dienstleistungen']).toBe(2);
      for (const f of ['/tmp/leika-hostile-traversal.txt', '/tmp/leika-hostile-absolute.txt', join(ROOT, '..', 'leika-hostile-backslash.txt')]) expect([f, existsSync(f)]).toEqual([f, false]);
      expectWithinBudget('pfad-traversal.xlsx', r);
    });

    it('steuerzeichen-und-bidi.xlsx: the printed text holds no control or bidi character', () => {
      const r = run('steuerzeichen-und-bidi.xlsx');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Prüfhinweise: \d+$/m);
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expectWithinBudget('steuerzeichen-und-bidi.xlsx', r);
    });

    it('blattnamen.xlsx: sheet names with quotes, brackets and HTML are offices, and their links are quoted', async () => {
      const out = join(dir, 'blattnamen-bericht.xlsx');
      const r = run('blattnamen.xlsx', '--out', out);
      expect(r.code).toBe(0);
      const json = JSON.parse(run('blattnamen.xlsx', '--json').stdout);
      expect(json.offices.map((o: { office: string }) => o.office)).toEqual(["O'Briens Amt", 'Amt [1]', '<script>alert(1)</script>']);
      const locations = hyperlinkLocations(out);
      expect(locations).toEqual(expect.arrayContaining(["'O''Briens Amt'!C4", "'Amt [1]'!A2", "'<script>alert(1)</script>'!C2"]));
      const raw = Object.values(unzipSync(new Uint8Array(readFileSync(out)))).map((b) => strFromU8(b));
      expect(raw.some((xml) => xml.includes('<script>'))).toBe(false);
      expectWithinBudget('blattnamen.xlsx', r);
    });

    it('formeln-und-dde.xlsx: formulas and DDE strings from cells stay text in every output sheet', async () => {
      const out = join(dir, 'formeln-bericht.xlsx');
      const r = run('formeln-und-dde.xlsx', '--out', out);
      expect(r.code).toBe(0);
      const parts = unzipSync(new Uint8Array(readFileSync(out)));
      for (const [p, b] of Object.entries(parts)) if (p.startsWith('xl/worksheets/')) expect([p, strFromU8(b)]).not.toEqual([p, expect.stringMatching(/<f[\s>]/)]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const texts: unknown[] = [];
      wb.getWorksheet('Gesamtliste')!.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
      expect(texts).toEqual(expect.arrayContaining(["=cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", '-2+3', '=1+1', '+1+1', '=HYPERLINK("https://example.org","klick")']));
      expectWithinBudget('formeln-und-dde.xlsx', r);
    });
  });
});
