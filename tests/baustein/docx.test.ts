import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { formatInt, formatPercent } from '../../src/core/baustein';
import type { OutputSheet } from '../../src/core/output-model';
import { reportSheets } from '../../src/core/report';
import { runCli } from '../../src/cli/run';
import { readDocx } from './docx-xml';
import { DEMO, demoEvaluation } from './support';

/** Numbers as the text writes them: `1.187`, `36,1 %`, `2024`, `99067004`. */
export function numbersIn(text: string): string[] {
  return text.match(/\d+(?:\.\d{3})*(?:,\d+ %)?/g) ?? [];
}

/** Every number the output sheets show, written as the text writes it (signs are words in the text). */
function sheetNumbers(sheets: readonly OutputSheet[]): Set<string> {
  const shown = new Set<string>();
  for (const sheet of sheets)
    for (const block of sheet.blocks) {
      if (block.kind !== 'table') continue;
      for (const h of block.header) if (/^\d+$/.test(h)) shown.add(h);
      for (const row of block.rows)
        for (const v of row) {
          if (v.kind === 'number') shown.add(v.format === 'percent' || v.format === 'signedPercent' ? formatPercent(Math.abs(v.value)) : formatInt(Math.abs(v.value)));
          if (v.kind === 'text' && /^\d+$/.test(v.text)) shown.add(v.text);
        }
    }
  return shown;
}

describe('report --docx on the demo workbook', () => {
  let dir: string;
  let path: string;
  let stdout = '';
  let code: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leika-docx-'));
    path = join(dir, 'Baustein.docx');
    code = await runCli([DEMO, '--docx', path], { stdout: (t) => void (stdout += t), stderr: (t) => void (stdout += t), now: () => new Date(2025, 2, 5) });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the document and says where', () => {
    expect(code).toBe(0);
    expect(stdout).toContain(`Baustein für die Mitteilungsvorlage geschrieben: ${path}`);
  });

  it('holds the year table with a marked header row, the chart picture with alternative text, German language and theme fonts', () => {
    const doc = readDocx(readFileSync(path));
    expect(doc.rows[0]).toEqual({ cells: ['Umsetzungsstatus', '2023', '2024'], header: true });
    expect(doc.rows.slice(1).map((r) => r.cells)).toEqual([
      ['Analog', '125', '126'],
      ['Kein Optimierungspotenzial', '180', '199'],
      ['PDF', '218', '428'],
      ['Digital', '258', '283'],
      ['Projekt in Umsetzung', '54', '151'],
      ['Alle Dienstleistungen', '835', '1.187'],
    ]);
    expect(doc.rows.slice(1).every((r) => !r.header)).toBe(true);
    expect(doc.pictures).toHaveLength(1);
    expect(doc.pictures[0]).toContain('PDF 218 und 428');
    expect(doc.parts.some((p) => /^word\/media\/.+\.png$/.test(p))).toBe(true);
    expect([...doc.languages]).toEqual(['de-DE']);
    expect(doc.themeFonts).toEqual(new Set(['minorHAnsi', 'majorHAnsi']));
  });

  it('names Aufenthaltserlaubnis and Jagdschein as SPEC §9 phrases them', () => {
    const text = readDocx(readFileSync(path)).paragraphs.join('\n');
    expect(text).toContain('die Verwaltungsleistung „Aufenthaltserlaubnis“ im Vergleich zum Vorjahr weiter ausdifferenziert (2023: 6 LeiKa-Leistungen, 2024: 181 LeiKa-Leistungen); alle sind dem Cluster „PDF“ zuzuordnen.');
    expect(text).toContain('die Verwaltungsleistung „Jagdschein“ im Vergleich zum Vorjahr weiter ausdifferenziert (2023: 7 LeiKa-Leistungen, 2024: 102 LeiKa-Leistungen); alle sind dem Cluster „PDF“ zuzuordnen.');
  });

  it('uses only numbers that the output sheets show', () => {
    const doc = readDocx(readFileSync(path));
    const shown = sheetNumbers(reportSheets(demoEvaluation(), { evaluatedAt: '2025-03-05' }));
    const numbers = doc.paragraphs.flatMap(numbersIn);
    expect(numbers).toEqual(expect.arrayContaining(['1.187', '352', '36,1 %', '181', '102']));
    expect(numbers.filter((n) => !shown.has(n))).toEqual([]);
  });

  it('refuses to replace an existing file without --force', async () => {
    let err = '';
    const again = await runCli([DEMO, '--docx', path], { stdout: () => undefined, stderr: (t) => void (err += t), now: () => new Date(2025, 2, 5) });
    expect(again).toBe(2);
    expect(err).toMatch(/^Fehler: .*gibt es schon.*--force/);
  });

  it('writes the report workbook and the Baustein in one run, never into the same file', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined, now: () => new Date(2025, 2, 5) };
    const same = join(dir, 'beides.docx');
    expect(await runCli([DEMO, '--out', same, '--docx', same], io)).toBe(2);
    expect(existsSync(same)).toBe(false);
    const out = join(dir, 'Bericht.xlsx');
    const docx = join(dir, 'Baustein2.docx');
    expect(await runCli([DEMO, '--out', out, '--docx', docx], io)).toBe(0);
    expect([existsSync(out), readDocx(readFileSync(docx)).pictures.length]).toEqual([true, 1]);
  });

  it('makes a missing folder for the Baustein, as in `--docx out/Baustein.docx` in a fresh checkout', async () => {
    const nested = join(dir, 'out', 'Baustein.docx');
    const io = { stdout: () => undefined, stderr: () => undefined, now: () => new Date(2025, 2, 5) };
    expect(await runCli([DEMO, '--docx', nested], io)).toBe(0);
    expect(readDocx(readFileSync(nested)).rows[0]!.header).toBe(true);
  });

  it('never writes over the input', async () => {
    const before = readFileSync(DEMO);
    let err = '';
    const refused = await runCli([DEMO, '--docx', DEMO, '--force'], { stdout: () => undefined, stderr: (t) => void (err += t), now: () => new Date(2025, 2, 5) });
    expect(refused).toBe(2);
    expect(err).toContain('--docx');
    expect(readFileSync(DEMO).equals(before)).toBe(true);
  });
});
