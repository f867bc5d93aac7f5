/**
 * The task pane's „Amtsdateien hinzunehmen“ (SPEC §10) on the fake Excel: the open workbook
 * holds the first office file's sheets, the other office files made from the demo workbook
 * (scripts/make-office-files.js) are added as picked files. The evaluation equals the demo run
 * apart from file names, and the outputs go into the open workbook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OfficeWorkbookAdapter } from '../src/adapters/office';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { excelServices } from '../src/taskpane/pipeline/excel';
import { readFilesInWorker } from '../src/taskpane/pipeline/file';
import { type FakeBook, fakeBookFrom, fakeExcelRun } from './support/fake-excel';
import { InProcessWorker } from './support/in-process-worker';
import { DEMO_ORDER, NOT_A_WORKBOOK, asDemo, demoJson, jsonOf, makeOfficeFileSet, severalFileFindings } from './support/office-files';

const NOW = (): Date => new Date(2025, 2, 5);
const [OPEN, ...ADDED] = DEMO_ORDER as [string, ...string[]];

let dir: string;
beforeAll(async () => {
  dir = await makeOfficeFileSet();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const picked = (names: readonly string[]): File[] => names.map((n) => new File([fs.readFileSync(path.join(dir, n))], n));

function openWorkbook(): FakeBook {
  return fakeBookFrom(readXlsx(fs.readFileSync(path.join(dir, OPEN))));
}

describe('Amtsdateien hinzunehmen on the fake Excel (SPEC §10)', () => {
  it('evaluates the open workbook with the added files exactly like the demo workbook, apart from file names', async () => {
    const book = openWorkbook();
    // the files read as the page reads them: each in a worker of its own
    const inWorkers = (files: readonly File[]) => readFilesInWorker(() => new InProcessWorker(), files);
    const result = await excelServices(new OfficeWorkbookAdapter(fakeExcelRun(book), () => false), NOW, inWorkers).evaluate(() => undefined, { files: picked(ADDED) });
    const doc = jsonOf(result);
    // the open workbook's sheets are named as the demo names them: only the added files carry a file
    expect(asDemo(doc)).toEqual(demoJson(DEMO_ORDER));
    expect(severalFileFindings(doc)).toEqual([expect.stringMatching(/^OFFICE_IN_SEVERAL_FILES Ausländerbehörde 2\.xlsx › Ausländerbehörde!A\d+$/)]);
    expect(result.sources?.files.map((f) => f.file ?? '(geöffnet)')).toEqual(['(geöffnet)', ...ADDED]);
    expect(result.sources?.files[0]?.offices).toEqual(['Ordnungsamt']);
  });

  it('writes the outputs into the open workbook: Quelle names file and sheet, no link into an added file, the office sheets untouched', async () => {
    const book = openWorkbook();
    const before = book.values('Ordnungsamt');
    const result = await excelServices(new OfficeWorkbookAdapter(fakeExcelRun(book), () => false), NOW).evaluate(() => undefined, {
      files: picked([NOT_A_WORKBOOK, ...ADDED]),
    });
    expect(book.sheets.map((s) => s.name)).toEqual(['Anleitung', 'Ordnungsamt', 'Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich']);
    expect(book.values('Ordnungsamt')).toEqual(before);
    const quelle = book.values('Gesamtliste').slice(1).map((row) => String(row[8]));
    expect(quelle).toHaveLength(result.analysis.records.length);
    expect(quelle).toContain('Jugendamt.xlsx › Blatt1!D4');
    expect(quelle.filter((q) => q.startsWith('Ordnungsamt!')).length).toBeGreaterThan(0);
    const rows = book.values('Prüfhinweise');
    const at = (code: string): number => rows.findIndex((row) => row?.[1] === code);
    expect(rows[at('FILE_SKIPPED')]?.slice(2, 4)).toEqual([NOT_A_WORKBOOK, 'A1']);
    const invalid = at('INVALID_KEY');
    expect(rows[invalid]?.slice(2, 4)).toEqual(['Bauordnungsamt.xlsx › Tabelle1', 'A3']);
    expect(book.cell('Prüfhinweise', `D${invalid + 1}`)?.hyperlink).toBeUndefined();
    // a finding of the open workbook keeps its link to the cell
    const own = rows.findIndex((row) => row?.[2] === 'Ordnungsamt');
    expect(book.cell('Prüfhinweise', `D${own + 1}`)?.hyperlink).toBeDefined();
  });

  it('evaluates an open workbook without office sheets (only the target of the report) with the added files', async () => {
    const book = fakeBookFrom({ sheets: [{ name: 'Tabelle1', visibility: 'visible', rows: [], merges: [] }], definedNames: [] });
    const result = await excelServices(new OfficeWorkbookAdapter(fakeExcelRun(book), () => false), NOW).evaluate(() => undefined, { files: picked(DEMO_ORDER) });
    const demo = demoJson(DEMO_ORDER);
    expect([jsonOf(result).total, jsonOf(result).comparison]).toEqual([demo.total, demo.comparison]);
    expect(book.sheets.map((s) => s.name)).toEqual(['Tabelle1', 'Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich']);
  });
});
