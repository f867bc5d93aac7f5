/**
 * The fake Excel refuses what Excel refuses (each refusal cites its source in
 * tests/support/fake-excel/), and models what the add-in sets instead of recording it blindly.
 */
import { OfficeWorkbookAdapter } from '../src/adapters/office';
import type { Cell } from '../src/core/grid';
import { buildOutputSheets } from '../src/core/outputs';
import { publishedAnalysis } from './contract/fixtures';
import { type FakeBook, type Rect, fakeBookFrom, fakeExcelRun, PAYLOAD_LIMIT } from './support/fake-excel';
import type { FakeOf } from './support/fake-excel/engine';

function book(rows: Cell[][] = [['a', 'b'], ['1', '2']]): FakeBook {
  return fakeBookFrom({ sheets: [{ name: 'Daten', visibility: 'visible', rows, merges: [] }, { name: 'Andere', visibility: 'visible', rows: [['x']], merges: [] }], definedNames: [] });
}

const run = (b: FakeBook, batch: (context: Excel.RequestContext) => Promise<void>, options: Excel.RunOptions = { delayForCellEdit: true }) => fakeExcelRun(b)(options, batch);

describe('fake Excel refuses', () => {
  it('a clear over a whole table, but not one around it or over its body', async () => {
    const b = book();
    b.tables.push({ name: 'T', sheet: b.sheet('Daten')!, top: 0, left: 0, bottom: 1, right: 1 });
    await expect(run(b, async (c) => { c.workbook.worksheets.getItem('Daten').getRange().clear('All'); await c.sync(); })).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(run(b, async (c) => { c.workbook.worksheets.getItem('Daten').getRange('A2:B2').clear('All'); await c.sync(); })).resolves.toBeUndefined();
    expect(b.tables).toHaveLength(1);
  });

  it('Table.resize with an address when another sheet is active (a bare address means the active sheet)', async () => {
    const b = book();
    b.tables.push({ name: 'T', sheet: b.sheet('Daten')!, top: 0, left: 0, bottom: 1, right: 1 });
    b.active = b.sheet('Andere');
    await expect(run(b, async (c) => { c.workbook.tables.getItem('T').resize('A1:B3'); await c.sync(); })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await run(b, async (c) => { const ws = c.workbook.worksheets.getItem('Daten'); c.workbook.tables.getItem('T').resize(ws.getRange('A1:B3')); await c.sync(); });
    expect(b.tables[0]).toMatchObject({ bottom: 2 });
  });

  it.each(['Amt für Digitalisierung und Organisation', 'Bau/Wohnen', "'Amt", 'History', 'daten'])('the sheet name „%s“', async (name) => {
    const b = book();
    await expect(run(b, async (c) => { c.workbook.worksheets.add(name); await c.sync(); })).rejects.toMatchObject({ code: expect.stringMatching(/InvalidArgument|ItemAlreadyExists/) });
    expect(b.sheets).toHaveLength(2);
  });

  it('a batch while the user edits a cell, unless it asks to wait', async () => {
    const b = book();
    b.cellEditMode = true;
    await expect(run(b, async (c) => c.sync(), {})).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    await expect(run(b, async (c) => c.sync())).resolves.toBeUndefined();
    expect(b.delayedRuns).toBe(1);
  });

  it('a request over 5 MB, applying nothing of it; older Excel on the web says GeneralException', async () => {
    const b = book();
    const big = [[`x${'y'.repeat(PAYLOAD_LIMIT)}`]];
    await expect(run(b, async (c) => { c.workbook.worksheets.getItem('Daten').getRange('C1').values = big; await c.sync(); })).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    b.generalExceptionAbove = 1_000;
    await expect(run(b, async (c) => { c.workbook.worksheets.getItem('Daten').getRange('C1').values = [['z'.repeat(2_000)]]; await c.sync(); })).rejects.toMatchObject({ code: 'GeneralException' });
    expect(b.values('Daten')[0]).toEqual(['a', 'b']);
  });

  it('more than 512 merged areas in one call, and names only the top-left cells in RangeAreas.address', async () => {
    const b = book();
    b.sheet('Daten')!.merges = Array.from({ length: 513 }, (_, i) => ({ top: i, left: 0, bottom: i, right: 1 }));
    await expect(run(b, async (c) => { c.workbook.worksheets.getItem('Daten').getRange().getMergedAreasOrNullObject().load('isNullObject'); await c.sync(); })).rejects.toMatchObject({ code: 'GeneralException' });
    b.sheet('Daten')!.merges = [{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 5, left: 0, bottom: 5, right: 3 }];
    let address = '';
    let inside: unknown;
    await run(b, async (c) => {
      const ws = c.workbook.worksheets.getItem('Daten');
      const all = ws.getRange().getMergedAreasOrNullObject().load('address');
      // Only areas whose top-left cell lies in the range (OfficeDev/office-js#3611).
      const part = ws.getRange('B1:D6').getMergedAreasOrNullObject().load('isNullObject');
      await c.sync();
      address = all.address;
      inside = part.isNullObject;
    });
    expect(address).toBe('Daten!A1,Daten!A6');
    expect(inside).toBe(true);
  });

  it.each<[string, Excel.PageLayoutZoomOptions]>([
    ['a scale below 10 %', { scale: 5 }],
    ['a scale above 400 %', { scale: 401 }],
    ['half a page wide', { horizontalFitToPages: 0.5 }],
    ['a negative number of pages tall', { horizontalFitToPages: 1, verticalFitToPages: -1 }],
  ])('a print zoom with %s, applying nothing of it', async (_what, zoom) => {
    const b = book();
    await expect(run(b, async (c) => { c.workbook.worksheets.getItem('Daten').pageLayout.zoom = zoom; await c.sync(); })).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(b.sheet('Daten')!.pageLayout).toEqual({});
    await run(b, async (c) => { c.workbook.worksheets.getItem('Daten').pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }; await c.sync(); });
    expect(b.sheet('Daten')!.pageLayout).toEqual({ zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  it('reading a property that was not loaded', async () => {
    const b = book();
    await expect(run(b, async (c) => { const r = c.workbook.worksheets.getItem('Daten').getRange('A1'); await c.sync(); void r.values; })).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  });

  it('at compile time, a member Excel does not have', () => {
    // @ts-expect-error Excel.Range has no `mergedCells`: the fake cannot model it.
    const bogus = { mergedCells: true } satisfies FakeOf<Excel.Range>;
    expect(bogus.mergedCells).toBe(true);
  });
});

describe('fake Excel models what the add-in sets', () => {
  const cells = (b: FakeBook, r: Rect | undefined): unknown[] =>
    r ? Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => r.sheet.cells[r.top + i]?.[r.left + j]?.value)).flat() : [];

  it('the Monitoring chart: one series per year with that year\'s counts over the five clusters, placed beside the table', async () => {
    const b = book();
    await new OfficeWorkbookAdapter(fakeExcelRun(b)).writeOutputs(buildOutputSheets(publishedAnalysis(), { evaluatedAt: '2025-03-05' }));
    const [chart] = b.sheet('Monitoring')!.charts;
    expect(chart!.type).toBe('ColumnClustered');
    expect(chart!.series.map((s) => s.name)).toEqual(['2023', '2024']);
    expect(chart!.series.map((s) => cells(b, s.values))).toEqual([
      [125, 180, 218, 258, 54],
      [126, 199, 428, 283, 151],
    ]);
    expect(cells(b, chart!.series[1]!.xValues)).toEqual(['Analog', 'Kein Optimierungspotenzial', 'PDF', 'Digital', 'Projekt in Umsetzung']);
    expect(chart!.legend).toBe('Bottom');
    expect(chart!.position?.from).toMatch(/^[A-Z]+\d+$/);
    const sheet = b.sheet('Monitoring')!;
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.pageLayout).toEqual({ orientation: expect.stringMatching(/Portrait|Landscape/), paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(b.formatAt('Monitoring', 'A1', 'font.bold')).toBe(true);
  });
});
