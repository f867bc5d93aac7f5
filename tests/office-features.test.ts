/**
 * The Office adapter's optional features (requirement sets checked through a stub) and the task
 * pane's Excel pipeline on the fake workbook: the CLI's sheets including Vergleich, the catalogue
 * kept in the workbook, the PivotTable over the Gesamtliste table on its own sheet.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OfficeWorkbookAdapter, PIVOT_DATA_NAME, PIVOT_NAME, type SupportsApi } from '../src/adapters/office';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { evaluateWorkbook, reportSheets } from '../src/core/report';
import { excelServices } from '../src/taskpane/pipeline/excel';
import { type FakeBook, fakeBookFrom, fakeExcelRun } from './support/fake-excel';
import { SHARED_CATALOG } from './support/requirements';

const DEMO = path.join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const CATALOG = SHARED_CATALOG;
const NOW = (): Date => new Date(2025, 2, 5);

/** A host reporting every requirement set up to `max` (ExcelApi 1.x). */
const upTo = (max: number): SupportsApi => (set, version) => set === 'ExcelApi' && Number(version.split('.')[1]) <= max;

const demoGrid = readXlsx(new Uint8Array(fs.readFileSync(DEMO)));

function demoBook(): FakeBook {
  return fakeBookFrom(demoGrid);
}

function services(book: FakeBook, supports: SupportsApi) {
  return excelServices(new OfficeWorkbookAdapter(fakeExcelRun(book), supports), NOW);
}

describe('requirement sets', () => {
  it('offers the PivotTable only where ExcelApi 1.8 is reported, the chart data table only with 1.14', () => {
    expect(new OfficeWorkbookAdapter(fakeExcelRun(demoBook()), upTo(13)).features).toEqual({ pivotTable: true, chartDataTable: false });
    expect(new OfficeWorkbookAdapter(fakeExcelRun(demoBook()), upTo(14)).features).toEqual({ pivotTable: true, chartDataTable: true });
    expect(new OfficeWorkbookAdapter(fakeExcelRun(demoBook()), () => false).features).toEqual({ pivotTable: false, chartDataTable: false });
  });

  it('asks Office.context.requirements by default and offers nothing where office.js is absent', () => {
    expect(new OfficeWorkbookAdapter(fakeExcelRun(demoBook())).features.pivotTable).toBe(false);
    const asked: string[] = [];
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (s: string, v: string) => (asked.push(`${s} ${v}`), true) } } };
    try {
      expect(new OfficeWorkbookAdapter(fakeExcelRun(demoBook())).features).toEqual({ pivotTable: true, chartDataTable: true });
      expect(asked).toEqual(['ExcelApi 1.8', 'ExcelApi 1.14']);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});

describe('Excel pipeline: the CLI report inside the workbook', () => {
  it('writes Monitoring, Prüfhinweise, Gesamtliste and Vergleich with its heat map and chart', async () => {
    const book = demoBook();
    const before = book.sheets.map((s) => s.name);
    const result = await services(book, upTo(13)).evaluate(() => undefined);
    expect(book.sheets.map((s) => s.name)).toEqual([...before, 'Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich']);
    expect(book.names.map((n) => [n.name, n.sheet.name])).toContainEqual(['LeiKaMonitor_Vergleich', 'Vergleich']);
    expect(result.comparisons.map((c) => [c.from, c.to])).toEqual([[2023, 2024]]);
    const vergleich = book.sheet('Vergleich')!;
    expect(vergleich.charts).toHaveLength(1);
    expect(vergleich.conditionalFormats.filter((f) => f.type === 'ColorScale')).toHaveLength(1);
    expect(vergleich.charts[0]!.dataTable).toBeUndefined();
    const text = book.values('Vergleich').flat().filter((v): v is string => typeof v === 'string');
    expect(text.some((t) => /Jagdschein/.test(t))).toBe(true);
    expect(text.some((t) => /Aufenthalt/.test(t))).toBe(true);
    // the same cells as the CLI's sheet model
    const cli = reportSheets(evaluateWorkbook(demoGrid, { currentYear: 2025 }), { evaluatedAt: '2025-03-05' });
    const monitoring = cli.find((s) => s.role === 'Monitoring')!;
    const table = monitoring.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(book.values('Monitoring')[table.row]?.slice(table.col, table.col + table.header.length)).toEqual(table.header);
  });

  it('adds a chart data table to the Vergleich chart where ExcelApi 1.14 is supported', async () => {
    const book = demoBook();
    await services(book, upTo(14)).evaluate(() => undefined);
    expect(book.sheet('Vergleich')!.charts[0]!.dataTable).toEqual({ visible: true, showLegendKey: true });
  });

  it('needs as many syncs with the Vergleich sheet as without', async () => {
    const one = demoBook();
    await services(one, upTo(13)).evaluate(() => undefined);
    const oneSyncs = one.syncs;
    const withSheets = demoBook();
    for (let i = 0; i < 30; i++) withSheets.addSheet(`Notiz ${i}`, [['frei']]);
    await services(withSheets, upTo(13)).evaluate(() => undefined);
    expect(withSheets.syncs).toBe(oneSyncs);
  });
});

describe('Excel pipeline: PivotTable on the Gesamtliste table', () => {
  it('creates clusters × years counted over Quelle, filterable by office, at A3 of its own marked sheet', async () => {
    const book = demoBook();
    const result = await services(book, upTo(13)).evaluate(() => undefined, { pivot: true });
    expect(result.report.pivotTable).toEqual({ sheet: 'Gesamtliste Pivot', name: PIVOT_NAME });
    expect(result.report.sheets.map((w) => w.sheet)).toContain('Gesamtliste Pivot');
    expect(book.sheets.map((s) => s.name).slice(-2)).toEqual(['Vergleich', 'Gesamtliste Pivot']);
    expect(book.names.map((n) => [n.name, n.sheet.name, n.cell])).toContainEqual(['LeiKaMonitor_GesamtlistePivot', 'Gesamtliste Pivot', 'A1']);
    expect(book.pivots).toHaveLength(1);
    const pivot = book.pivots[0]!;
    expect(pivot.source.name).toBe('LeiKaGesamtliste');
    expect(pivot.source.sheet.name).toBe('Gesamtliste');
    expect({ sheet: pivot.sheet.name, top: pivot.top, left: pivot.left, rows: pivot.rows, columns: pivot.columns, filters: pivot.filters, data: pivot.data }).toEqual({
      sheet: 'Gesamtliste Pivot',
      top: 2,
      left: 0,
      rows: ['Cluster'],
      columns: ['Jahr'],
      filters: ['Amt'],
      data: [{ field: 'Quelle', summarizeBy: 'Count', name: PIVOT_DATA_NAME }],
    });
    // The PivotTable sheet is a product sheet: the next evaluation does not count it.
    const again = await services(book, upTo(13)).evaluate(() => undefined, { pivot: true });
    expect(again.analysis.officeSheets.map((o) => o.sheet)).not.toContain('Gesamtliste Pivot');
  });

  it('rewrites its own PivotTable in place on its sheet, and removes it when no longer asked for', async () => {
    const book = demoBook();
    const s = services(book, upTo(13));
    await s.evaluate(() => undefined, { pivot: true });
    const sheets = book.sheets.map((x) => x.name);
    await s.evaluate(() => undefined, { pivot: true });
    expect(book.sheets.map((x) => x.name)).toEqual(sheets);
    expect(book.pivots.map((p) => [p.name, p.sheet.name, p.top, p.left])).toEqual([[PIVOT_NAME, 'Gesamtliste Pivot', 2, 0]]);
    const result = await s.evaluate(() => undefined, { pivot: false });
    expect(book.pivots).toHaveLength(0);
    expect(result.report.pivotTable).toBeUndefined();
    expect(book.sheets.map((x) => x.name)).toEqual(sheets);
    expect(String(book.cell('Gesamtliste Pivot', 'A1')?.value)).toMatch(/Keine PivotTable/);
    expect(book.tables.filter((t) => t.name === 'LeiKaGesamtliste')).toHaveLength(1);
    await s.evaluate(() => undefined, { pivot: true });
    expect(book.pivots.map((p) => [p.sheet.name, p.top])).toEqual([['Gesamtliste Pivot', 2]]);
    expect(book.sheets.map((x) => x.name)).toEqual(sheets);
  });

  it('follows its renamed sheet and never touches a user sheet called "Gesamtliste Pivot"', async () => {
    const book = demoBook();
    const user = book.addSheet('Gesamtliste Pivot', [['meine Notizen']]);
    const s = services(book, upTo(13));
    const result = await s.evaluate(() => undefined, { pivot: true });
    expect(result.report.pivotTable?.sheet).toBe('Gesamtliste Pivot (2)');
    expect(result.report.sheets.find((w) => w.role === 'GesamtlistePivot')).toMatchObject({ sheet: 'Gesamtliste Pivot (2)', displacedBy: 'Gesamtliste Pivot' });
    expect(user.writes).toBe(0);
    book.sheet('Gesamtliste Pivot (2)')!.name = 'Auswertung';
    const again = await s.evaluate(() => undefined, { pivot: true });
    expect(again.report.pivotTable?.sheet).toBe('Auswertung');
    expect(book.pivots.map((p) => p.sheet.name)).toEqual(['Auswertung']);
    expect(user.writes).toBe(0);
    expect(book.values('Gesamtliste Pivot')).toEqual([['meine Notizen']]);
  });

  it('removes a PivotTable an earlier version put beside the Gesamtliste table', async () => {
    const book = demoBook();
    const s = services(book, upTo(13));
    await s.evaluate(() => undefined);
    const table = book.tables.find((t) => t.name === 'LeiKaGesamtliste')!;
    book.pivots.push({ name: PIVOT_NAME, sheet: table.sheet, source: table, top: 0, left: table.right + 2, rows: [], columns: [], filters: [], data: [] });
    await s.evaluate(() => undefined, { pivot: true });
    expect(book.pivots.map((p) => p.sheet.name)).toEqual(['Gesamtliste Pivot']);
  });

  it('leaves the PivotTable alone when only the catalogue sheet is written', async () => {
    const book = demoBook();
    const s = services(book, upTo(13));
    await s.evaluate(() => undefined, { pivot: true });
    await s.loadCatalog(new File([fs.readFileSync(CATALOG)], 'leika.csv', { type: 'text/csv' }));
    expect(book.pivots.map((p) => p.sheet.name)).toEqual(['Gesamtliste Pivot']);
  });

  it('is skipped, not failed, where the host offers no PivotTables', async () => {
    const book = demoBook();
    const s = services(book, () => false);
    expect(s.features.pivotTable).toBe(false);
    const result = await s.evaluate(() => undefined, { pivot: true });
    expect(book.pivots).toHaveLength(0);
    expect(result.report.pivotTable).toBeUndefined();
    expect(book.sheet('Gesamtliste')).toBeDefined();
    expect(book.sheet('Gesamtliste Pivot')).toBeUndefined();
  });
});

describe('Excel pipeline: LeiKa-Katalog laden', () => {
  const catalogFile = (): File => new File([fs.readFileSync(CATALOG)], 'leika_ozg_catalog_nrw_2019.csv', { type: 'text/csv' });

  it('stores the shared catalogue as the marked LeiKa-Katalog sheet, which the next evaluation uses', async () => {
    const book = demoBook();
    const s = services(book, upTo(13));
    const loaded = await s.loadCatalog(catalogFile());
    expect(loaded.storedIn).toBe('LeiKa-Katalog');
    // the shared extract: 5,251 rows, 4,813 services, 436 without key, 2 malformed keys
    expect(loaded.stats).toEqual({ rows: 5251, entries: 4813, withoutKey: 436, invalidKey: 2, duplicateKey: 0 });
    expect(book.names.map((n) => [n.name, n.sheet.name])).toContainEqual(['LeiKaMonitor_Katalog', 'LeiKa-Katalog']);
    expect(book.tables.map((t) => [t.name, t.sheet.name])).toContainEqual(['LeiKaKatalog', 'LeiKa-Katalog']);
    expect(book.cell('LeiKa-Katalog', 'A5')).toMatchObject({ format: '@' });
    expect(typeof book.cell('LeiKa-Katalog', 'A5')?.value).toBe('string');

    const result = await s.evaluate(() => undefined);
    expect(result.catalog?.origin).toBe('workbook');
    expect(result.catalog?.import.catalog.entries.size).toBe(loaded.stats.entries);
    expect(book.sheets.map((x) => x.name)).toContain('LeiKa-Katalog');
    // the catalogue sheet is a product sheet, not an office sheet
    expect(result.analysis.officeSheets.map((o) => o.sheet)).not.toContain('LeiKa-Katalog');
  });

  it('reports a file that is no catalogue as one German line and writes nothing', async () => {
    const book = demoBook();
    const sheets = book.sheets.length;
    const s = services(book, upTo(13));
    await expect(s.loadCatalog(new File(['Notizen\nnichts'], 'notizen.csv'))).rejects.toThrow(/^[^\n]*(LeiKa|Katalog)[^\n]*$/);
    await expect(s.loadCatalog(new File([], 'leer.csv'))).rejects.toThrow(/ist leer/);
    expect(book.sheets).toHaveLength(sheets);
  });
});
