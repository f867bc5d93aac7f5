/**
 * Regressions of issue 7: the Office adapter checked against Microsoft's API reference and the
 * office-js issue tracker. Each test fails on the code before its fix; the fake refuses what
 * Excel refuses (tests/support/fake-excel/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExcelRun, OfficeWorkbookAdapter } from '../src/adapters/office';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { charsToPoints } from '../src/adapters/office/cells';
import type { Cell, WorkbookGrid } from '../src/core/grid';
import type { CountedRecord } from '../src/core/model';
import { buildOutputSheets } from '../src/core/outputs';
import { planRollover } from '../src/core/rollover';
import { WorkbookError } from '../src/port/workbook-port';
import { excelServices } from '../src/taskpane/pipeline/excel';
import { publishedAnalysis, record } from './contract/fixtures';
import { type FakeBook, fakeBookFrom, fakeExcelRun, MERGED_AREAS_LIMIT, PAYLOAD_LIMIT } from './support/fake-excel';

const EVALUATED = { evaluatedAt: '2025-03-05' };
const NOW = (): Date => new Date(2025, 2, 5);

function book(sheets: Record<string, Cell[][]>): FakeBook {
  const grid: WorkbookGrid = { sheets: Object.entries(sheets).map(([name, rows]) => ({ name, visibility: 'visible', rows, merges: [] })), definedNames: [] };
  return fakeBookFrom(grid);
}

const office = (year = 2024): Cell[][] => [
  ['LeiKa-Schlüssel', 'Leistung', `Umsetzungsstatus ${year}`],
  ['99001001000000', 'Bauantrag', 'PDF'],
  ['99001002000000', 'Abriss', 'Digital'],
];

const adapter = (b: FakeBook) => new OfficeWorkbookAdapter(fakeExcelRun(b));

describe('regression (issue 7): rewriting output sheets', () => {
  it('keeps the Gesamtliste table in place without clearing its whole range, resized through a Range while another sheet is active', async () => {
    const b = book({ Bauamt: office() });
    const a = adapter(b);
    const many = Array.from({ length: 30 }, (_, i) => record({ year: 2024, office: 'Bauamt', cell: `C${i + 2}`, name: `Leistung ${i}` }));
    await a.writeOutputs(buildOutputSheets(publishedAnalysis({ records: many }), EVALUATED));
    const table = b.tables.find((t) => t.name === 'LeiKaGesamtliste')!;
    // A user's leftovers beside and below the table go with the rewrite; the user's sheet stays active.
    b.sheet('Gesamtliste')!.cells[40] = [{ value: 'alt', format: 'General' }];
    b.sheet('Gesamtliste')!.cells[2]![12] = { value: 'daneben', format: 'General' };
    b.active = b.sheet('Bauamt');
    const writesBefore = b.sheet('Bauamt')!.writes;
    await a.writeOutputs(buildOutputSheets(publishedAnalysis({ records: many.slice(0, 3) }), EVALUATED));
    expect(b.tables.filter((t) => t.name.startsWith('LeiKaGesamtliste'))).toEqual([table]);
    expect([table.sheet.name, table.top, table.bottom]).toEqual(['Gesamtliste', 0, 3]);
    const values = b.values('Gesamtliste');
    expect(values.slice(1, 4).map((r) => r[3])).toEqual(['Leistung 0', 'Leistung 1', 'Leistung 2']);
    expect(values.flat().filter((v) => v === 'alt' || v === 'daneben' || v === 'Leistung 29')).toEqual([]);
    expect(b.sheet('Bauamt')!.writes).toBe(writesBefore);
  });
});

describe('regression (issue 7): Excel.run', () => {
  it('waits while the user edits a cell instead of failing (delayForCellEdit)', async () => {
    const b = book({ Bauamt: office() });
    b.cellEditMode = true;
    const result = await excelServices(adapter(b), NOW).evaluate(() => undefined);
    expect(result.analysis.total[2024]?.PDF).toBe(1);
    expect(b.delayedRuns).toBe(1);
    expect(b.sheet('Monitoring')).toBeDefined();
  });
});

describe('regression (issue 7): column widths', () => {
  it('sets widths in points, as the report workbook has them in characters', async () => {
    const b = book({ Bauamt: office() });
    await adapter(b).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    // Monitoring's first column is 30 characters wide: 215 pixels, 161.25 points; Einstellungen's 25: 180 pixels, 135 points.
    expect(b.columnWidth('Monitoring', 'A')).toBe(161.25);
    await adapter(b).writeKeyValueSheet('Einstellungen', ['Schlüssel', 'Wert'], [['Berichtsjahr', '2024']]);
    expect(b.columnWidth('Einstellungen', 'A')).toBe(135);
    expect(charsToPoints(12)).toBe(66.75);
  });
});

describe('regression (issue 7): Neues Berichtsjahr sheet by sheet', () => {
  it('says which sheets were done and which not when Excel refuses one, keeping what already ran', async () => {
    const b = book({ Bauamt: office(), Jugendamt: office(), Sozialamt: office() });
    // Bauamt keeps its list in an Excel table (a table column is added); the others are plain lists (cells inserted).
    b.tables.push({ name: 'Bauamt_Liste', sheet: b.sheet('Bauamt')!, top: 0, left: 0, bottom: 2, right: 2 });
    b.refusals.set('Range.insert', { code: 'InvalidOperation', message: 'Die Zellen können nicht eingefügt werden (geschütztes Blatt).' });
    const result = await adapter(b).addReportYear(2025);
    expect(result).toEqual({
      changed: 1,
      done: ['Bauamt'],
      skipped: [],
      failed: { sheet: 'Jugendamt', message: 'InvalidOperation: Die Zellen können nicht eingefügt werden (geschütztes Blatt).' },
      notDone: ['Sozialamt'],
    });
    expect(b.values('Bauamt')[0]).toEqual(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024', 'Umsetzungsstatus 2025']);
    expect(b.values('Sozialamt')[0]).toEqual(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024']);
  });
});

describe('regression (issue 7): Auswerten writes the output sheets sheet by sheet', () => {
  it('says which output sheets were written and which not when Excel refuses one, keeping what already ran', async () => {
    const demo = readXlsx(new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx'))));
    const b = fakeBookFrom(demo);
    const run = fakeExcelRun(b);
    let runs = 0;
    // Reading is the first Excel.run; in the second (writing), syncs 1 and 2 load the workbook and
    // prepare the sheets, 3 writes Monitoring and 4 (refused) Prüfhinweise.
    const refusing: ExcelRun = (options, batch) => {
      if (++runs === 2) b.failAtSync = 4;
      return run(options, batch);
    };
    const userSheets = demo.sheets.map((s) => [s.name, b.values(s.name)] as const);
    const evaluation = excelServices(new OfficeWorkbookAdapter(refusing), NOW).evaluate(() => undefined);
    await expect(evaluation).rejects.toMatchObject({
      name: 'OutputWriteError',
      done: ['Monitoring'],
      failed: { sheet: 'Prüfhinweise', message: 'GeneralException: simulated failure' },
      notDone: ['Prüfhinweise', 'Gesamtliste', 'Vergleich'],
    });
    // The pane shows the error's message as it is: one German line naming both.
    await expect(evaluation).rejects.toThrow('Das Ergebnisblatt „Prüfhinweise“ konnte nicht geschrieben werden (Office-Adapter): GeneralException: simulated failure. Erledigt: Monitoring. Nicht erledigt: Prüfhinweise, Gesamtliste, Vergleich.');
    expect(b.values('Monitoring').flat()).toContain('Berichtsjahr: 2024');
    expect(b.values('Gesamtliste').flat().filter((v) => v !== null && v !== '')).toEqual([]);
    expect(userSheets.map(([name]) => [name, b.values(name)])).toEqual(userSheets);
    expect(b.enableEvents).toBe(true);
  });
});

describe('regression (issue 7): names typed by users', () => {
  it.each([
    ['ämter', /gibt es schon/],
    ['Amt für Digitalisierung und Organisation', /höchstens 31 Zeichen/],
    ['Bau/Wohnen', /nicht erlaubt/],
    ["'Bauamt", /Apostroph/],
    ['history', /reservierter Name/],
    ['   ', /Namen für das Blatt/],
  ])('refuses „%s“ with a German line before Excel sees it', async (name, message) => {
    const b = book({ Ämter: office() });
    const sheets = b.sheets.length;
    const made = adapter(b).addTemplateSheet(name, 2025);
    await expect(made).rejects.toBeInstanceOf(WorkbookError);
    await expect(made).rejects.toThrow(message);
    expect(b.sheets).toHaveLength(sheets);
  });
});

describe('regression (issue 7): 1904 date system', () => {
  /** An office sheet in the long layout whose Jahr column holds dates, as Excel stores them. */
  function datedBook(date1904: boolean): FakeBook {
    const b = book({ Bauamt: [['LeiKa-Schlüssel', 'Leistung', 'Jahr', 'Umsetzungsstatus'], ['99001001000000', 'Bauantrag', null, 'PDF'], ['99001001000000', 'Bauantrag', null, 'Digital']] });
    b.date1904 = date1904;
    const sheet = b.sheet('Bauamt')!;
    // 31.12.2023 and 31.12.2024: serials 45291 and 45657 in the 1900 system, 1462 less in 1904.
    const shift = date1904 ? 1462 : 0;
    sheet.cells[1]![2] = { value: 45291 - shift, format: 'dd.mm.yyyy' };
    sheet.cells[2]![2] = { value: 45657 - shift, format: 'dd.mm.yyyy' };
    return b;
  }

  it.each([false, true])('hands dates in Jahr cells to the core as ISO dates of the right year (1904 system: %s)', async (date1904) => {
    const b = datedBook(date1904);
    const grid = await adapter(b).readWorkbook();
    // The grid contract: the core reads a Jahr cell holding an ISO date as its year.
    expect(grid.sheets[0]!.rows.slice(1).map((r) => r?.[2])).toEqual(['2023-12-31', '2024-12-31']);
    expect(grid.sheets[0]!.rows[1]?.[1]).toBe('Bauantrag');
    const result = await excelServices(adapter(b), NOW).evaluate(() => undefined);
    expect(result.analysis.years).toEqual([2023, 2024]);
    expect(result.analysis.total[2024]?.Digital).toBe(1);
  });
});

describe('regression (issue 7): payload retry', () => {
  it('retries a large batch once with half the budget when older Excel on the web answers GeneralException', async () => {
    const b = book({ Bauamt: office() });
    b.generalExceptionAbove = 2_500_000;
    const records: CountedRecord[] = Array.from({ length: 40_000 }, (_, i) => record({ year: 2024, office: 'Bauamt', cell: `C${i + 2}`, name: `Leistung Nummer ${i}` }));
    await adapter(b).writeOutputs(buildOutputSheets(publishedAnalysis({ records }), EVALUATED));
    expect(b.rejected).toBe(1);
    expect(b.values('Gesamtliste')).toHaveLength(40_001);
    expect(b.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });

  it('does not retry a GeneralException of a small batch (it is not about size)', async () => {
    const b = book({ Bauamt: office() });
    b.generalExceptionAbove = 10;
    await expect(adapter(b).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED))).rejects.toThrow(/GeneralException/);
    expect(b.rejected).toBe(1);
  });
});

describe('regression (issue 7): merged areas', () => {
  it('reads whole merged areas (RangeAreas.areas), not the top-left cells the address names', async () => {
    const b = book({ Bauamt: office() });
    b.sheet('Bauamt')!.merges = [{ top: 0, left: 3, bottom: 1, right: 4 }, { top: 1, left: 1, bottom: 2, right: 1 }];
    const grid = await adapter(b).readWorkbook();
    expect(grid.sheets[0]!.merges).toEqual([{ top: 0, left: 3, bottom: 1, right: 4 }, { top: 1, left: 1, bottom: 2, right: 1 }]);
  });

  it('finds, in the band fallback, areas reaching into the next band and areas starting left of the used values', async () => {
    const rows: Cell[][] = [[null, 'LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024']];
    for (let i = 0; i < 1_000; i++) rows.push([null, `99${i}`, `Leistung ${i}`, 'PDF']);
    const b = book({ Bauamt: rows });
    const merges = Array.from({ length: 1_000 }, (_, i) => ({ top: i + 1, left: 2, bottom: i + 1, right: 3 }));
    // 128 rows per band (512 cells of A:D): rows 127–130 cross a band border; A5:A9 starts left of the values.
    merges.push({ top: 4, left: 0, bottom: 8, right: 0 });
    b.sheet('Bauamt')!.merges = merges.filter((m) => !(m.top >= 127 && m.top <= 130)).concat([{ top: 127, left: 2, bottom: 130, right: 3 }]);
    expect(b.sheet('Bauamt')!.merges.length).toBeGreaterThan(MERGED_AREAS_LIMIT);
    const grid = await adapter(b).readWorkbook();
    const got = grid.sheets[0]!.merges;
    expect(got).toHaveLength(b.sheet('Bauamt')!.merges.length);
    expect(got).toContainEqual({ top: 127, left: 2, bottom: 130, right: 3 });
    expect(got).toContainEqual({ top: 4, left: 0, bottom: 8, right: 0 });
  });
});

describe('regression (issue 7): clipboard inside the click', () => {
  const nav = globalThis as { navigator?: unknown; ClipboardItem?: unknown };
  const saved = { navigator: Object.getOwnPropertyDescriptor(globalThis, 'navigator'), ClipboardItem: nav.ClipboardItem };
  afterEach(() => {
    if (saved.navigator) Object.defineProperty(globalThis, 'navigator', saved.navigator);
    else delete nav.navigator;
    nav.ClipboardItem = saved.ClipboardItem;
  });

  function withClipboard(write: jest.Mock): void {
    Object.defineProperty(globalThis, 'navigator', { value: { clipboard: { write } }, configurable: true, writable: true });
    nav.ClipboardItem = class {
      constructor(readonly items: Record<string, Promise<Blob>>) {}
    };
  }

  async function evaluated(): Promise<{ b: FakeBook; services: ReturnType<typeof excelServices>; result: Awaited<ReturnType<ReturnType<typeof excelServices>['evaluate']>> }> {
    const b = book({ Bauamt: office() });
    const services = excelServices(adapter(b), NOW);
    return { b, services, result: await services.evaluate(() => undefined) };
  }

  it('writes the clipboard synchronously, with items built from promises, before any Excel.run', async () => {
    const { b, services, result } = await evaluated();
    const write = jest.fn(async () => undefined);
    withClipboard(write);
    b.apiUsed.clear();
    const copying = services.copyTable(result);
    expect(write).toHaveBeenCalledTimes(1);
    expect(b.apiUsed.has('Excel.run')).toBe(false);
    const item = (write.mock.calls[0] as unknown as [{ items: Record<string, unknown> }[]])[0][0]!;
    expect(Object.keys(item.items)).toEqual(['text/html', 'text/plain']);
    expect(item.items['text/html']).toBeInstanceOf(Promise);
    await expect(copying).resolves.toBe('copied');
  });

  it('selects the table in the sheet where the host refuses the clipboard (Excel on the web)', async () => {
    const { b, services, result } = await evaluated();
    withClipboard(jest.fn(async () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))));
    await expect(services.copyTable(result)).resolves.toBe('selected');
    expect(b.selection).toBe('Monitoring!A6:B12');
  });
});

describe('regression (issue 7): roll-over plan in the core', () => {
  it('plans a user\'s unmarked sheet called „Vergleich“ like any office sheet, and never a marked product sheet', () => {
    const plan = planRollover(
      {
        sheets: [
          { name: 'Vergleich', visibility: 'visible', rows: office(), merges: [] },
          { name: 'Bericht', visibility: 'visible', rows: office(), merges: [] },
          { name: 'Einstellungen', visibility: 'visible', rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', '2024']], merges: [] },
        ],
        definedNames: [{ name: 'LeiKaMonitor_Gesamtliste', sheet: 'Bericht', cell: 'A1' }],
      },
      2025,
    );
    expect(plan.steps.map((s) => s.sheet)).toEqual(['Vergleich']);
  });

  it('reads the sheet with its merged areas applied, as the analysis does', () => {
    // The last service's cells are merged down over two rows: its text stands in the top row only,
    // and the new year's column must reach the bottom of the merged rows.
    const rows: Cell[][] = [
      ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
      ['99001001000000', 'Bauantrag', 'PDF'],
      ['99001002000000', 'Abriss', 'Digital'],
      [null, null, null],
    ];
    const merges = [0, 1, 2].map((c) => ({ top: 2, left: c, bottom: 3, right: c }));
    const plan = planRollover({ sheets: [{ name: 'Bauamt', visibility: 'visible', rows, merges }], definedNames: [] }, 2025);
    expect(plan.steps).toEqual([{ sheet: 'Bauamt', top: 0, bottom: 3, col: 2, headerRow: 0, header: 'Umsetzungsstatus 2025' }]);
  });
});

describe('regression (issue 7): no office sheet', () => {
  it('reports "no office sheet found" like the CLI and file mode, and writes nothing', async () => {
    const b = book({ Notizen: [['Einkaufsliste'], ['Kaffee']] });
    const evaluate = excelServices(adapter(b), NOW).evaluate(() => undefined);
    await expect(evaluate).rejects.toThrow(/^Keine Amtsblätter gefunden \(Notizen: .+\)\.$/);
    expect(b.sheets.map((s) => s.name)).toEqual(['Notizen']);
    expect(b.names).toEqual([]);
  });
});
