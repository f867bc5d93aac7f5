import { OfficeWorkbookAdapter } from '../src/adapters/office';
import { planRollover } from '../src/core/rollover';
import type { Cell, WorkbookGrid } from '../src/core/grid';
import type { CountedRecord } from '../src/core/model';
import { buildOutputSheets } from '../src/core/outputs';
import { WorkbookError } from '../src/port/workbook-port';
import { describeWorkbookAdapter } from './contract/describe-workbook-adapter';
import { publishedAnalysis, record } from './contract/fixtures';
import { isPayloadTooLarge } from '../src/adapters/office/payload';
import { FakeBook, fakeBookFrom, fakeExcelRun, MERGED_AREAS_LIMIT, PAYLOAD_LIMIT } from './support/fake-excel';

describeWorkbookAdapter('office (fake Excel)', async (initial) => {
  const book = fakeBookFrom(initial);
  const port = new OfficeWorkbookAdapter(fakeExcelRun(book));
  return { port, reread: () => new OfficeWorkbookAdapter(fakeExcelRun(book)).readWorkbook() };
});

const EVALUATED = { evaluatedAt: '2025-03-05' };

function officeSheet(name: string, rows: number): Cell[][] {
  const out: Cell[][] = [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024']];
  for (let i = 0; i < rows; i++) out.push([`9900${String(i).padStart(10, '0')}`, `${name} Leistung ${i}`, 'PDF']);
  return out;
}

function bookWith(sheets: number, rows = 20): FakeBook {
  const grid: WorkbookGrid = {
    sheets: Array.from({ length: sheets }, (_, i) => ({ name: `Amt ${i + 1}`, visibility: 'visible' as const, rows: officeSheet(`Amt ${i + 1}`, rows), merges: [] })),
    definedNames: [],
  };
  return fakeBookFrom(grid);
}

async function readSyncs(book: FakeBook): Promise<number> {
  book.syncs = 0;
  await new OfficeWorkbookAdapter(fakeExcelRun(book)).readWorkbook();
  return book.syncs;
}

describe('office adapter: syncs', () => {
  it('reads 1 sheet and 40 small sheets with the same number of syncs', async () => {
    const one = await readSyncs(bookWith(1));
    const forty = await readSyncs(bookWith(40));
    expect(one).toBe(3);
    expect(forty).toBe(one);
  });

  it('reads merged areas and visibility of every sheet in the same syncs (one more for the areas)', async () => {
    const book = bookWith(3);
    book.sheets[1]!.merges = [{ top: 1, left: 1, bottom: 3, right: 1 }];
    book.sheets[2]!.visibility = 'Hidden';
    book.syncs = 0;
    const grid = await new OfficeWorkbookAdapter(fakeExcelRun(book)).readWorkbook();
    expect(book.syncs).toBe(4);
    expect(grid.sheets.map((s) => [s.name, s.visibility, s.merges.length])).toEqual([
      ['Amt 1', 'visible', 0],
      ['Amt 2', 'visible', 1],
      ['Amt 3', 'hidden', 0],
    ]);
  });

  it('needs one more sync per ~4 MB chunk of a large sheet, never exceeding 5 MB', async () => {
    const book = bookWith(1, 60_000);
    const syncs = await readSyncs(book);
    expect(book.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(syncs).toBeGreaterThan(3);
    // ~3.6 MB of values: a few chunks, not one sync per sheet or per thousand rows.
    expect(syncs).toBeLessThanOrEqual(6);
    const grid = await new OfficeWorkbookAdapter(fakeExcelRun(book)).readWorkbook();
    expect(grid.sheets[0]!.rows).toHaveLength(60_001);
    expect(grid.sheets[0]!.rows[60_000]).toEqual(['99000000059999', 'Amt 1 Leistung 59999', 'PDF']);
  });

  it('halves a chunk the host rejects as too large and still reads everything', async () => {
    // Long texts: the first chunk, planned with a guessed density, is too large.
    const rows: Cell[][] = [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024']];
    for (let i = 0; i < 20_000; i++) rows.push([`99${i}`, 'x'.repeat(400), 'PDF']);
    const book = fakeBookFrom({ sheets: [{ name: 'Lang', visibility: 'visible', rows, merges: [] }], definedNames: [] });
    const grid = await new OfficeWorkbookAdapter(fakeExcelRun(book)).readWorkbook();
    expect(book.rejected).toBeGreaterThan(0);
    expect(grid.sheets[0]!.rows).toHaveLength(20_001);
    expect(grid.sheets[0]!.rows[20_000]?.[1]).toHaveLength(400);
  });

  it('writes a 100,000-row Gesamtliste without a request over 5 MB', async () => {
    const book = bookWith(1);
    const records: CountedRecord[] = Array.from({ length: 100_000 }, (_, i) =>
      record({ year: 2024, office: `Amt ${i % 40}`, cell: `C${i + 2}`, key: `99${String(i).padStart(12, '0')}`, keyValid: true, name: `Leistung Nummer ${i}`, status: 'PDF-Formular', cluster: 'PDF', remark: i % 7 === 0 ? '=Hinweis' : i % 7 === 1 ? '- siehe Vorjahr' : i % 7 === 2 ? '+49 6151 0' : '' }),
    );
    const report = await new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(buildOutputSheets(publishedAnalysis({ records }), EVALUATED));
    expect(report.sheets.map((s) => s.sheet)).toEqual(['Monitoring', 'Prüfhinweise', 'Gesamtliste']);
    expect(book.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(book.rejected).toBe(0);
    const list = book.values('Gesamtliste');
    expect(list).toHaveLength(100_001);
    expect(list[100_000]?.slice(0, 4)).toEqual([2024, 'Amt 39', '99000000099999', 'Leistung Nummer 99999']);
    expect(book.cell('Gesamtliste', 'G2')).toMatchObject({ value: '=Hinweis', format: '@' });
    // Range.values reads a leading "+" or "-" as a formula too, unless the cell is text.
    expect(book.cell('Gesamtliste', 'G3')).toMatchObject({ value: '- siehe Vorjahr', format: '@' });
    expect(book.cell('Gesamtliste', 'G4')).toMatchObject({ value: '+49 6151 0', format: '@' });
    expect(book.sheets.flatMap((s) => s.cells.flat()).some((c) => c?.formula !== undefined)).toBe(false);
    expect(book.tables.map((t) => [t.name, t.sheet.name, t.bottom])).toContainEqual(['LeiKaGesamtliste', 'Gesamtliste', 100_000]);
  });

  it('writes a workbook of 1 and of 40 office sheets with the same syncs: one per output sheet, none per row', async () => {
    const small = bookWith(1);
    await new OfficeWorkbookAdapter(fakeExcelRun(small)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    const many = bookWith(40);
    await new OfficeWorkbookAdapter(fakeExcelRun(many)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    expect(small.syncs).toBe(many.syncs);
    // state, preparation, Monitoring, Prüfhinweise, Gesamtliste (one commit each), restore
    expect(small.sheets.filter((s) => ['Monitoring', 'Prüfhinweise', 'Gesamtliste'].includes(s.name))).toHaveLength(3);
    expect(small.syncs).toBe(6);
  });
});

describe('office adapter: documented limits of the Excel API', () => {
  it('recognises both payload error codes of Excel on the web', () => {
    expect(isPayloadTooLarge({ code: 'RequestPayloadSizeLimitExceeded', message: '' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'ResponsePayloadSizeLimitExceeded', message: '' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'GeneralException', message: 'The request payload size has exceeded the limit. (RequestPayloadSizeLimitExceeded)' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'GeneralException', message: 'other' })).toBe(false);
  });

  it('reads a sheet with more than 512 merged areas (getMergedAreasOrNullObject fails above that)', async () => {
    const book = bookWith(2, 1_200);
    // Every data row merges its two right-hand cells: 1,200 merged areas on one sheet.
    book.sheets[1]!.merges = Array.from({ length: 1_200 }, (_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: 2 }));
    book.sheets[0]!.merges = [{ top: 1, left: 0, bottom: 4, right: 0 }];
    expect(book.sheets[1]!.merges.length).toBeGreaterThan(MERGED_AREAS_LIMIT);
    book.syncs = 0;
    const grid = await new OfficeWorkbookAdapter(fakeExcelRun(book)).readWorkbook();
    expect(grid.sheets.map((s) => s.merges.length)).toEqual([1, 1_200]);
    expect(grid.sheets[1]!.merges[1_199]).toEqual({ top: 1_200, left: 1, bottom: 1_200, right: 2 });
    expect(book.syncs).toBeLessThanOrEqual(6);
  });
});

describe('office adapter: host state and marking', () => {
  it('suspends API calculation instead of switching the application-wide calculation mode, and restores events', async () => {
    const book = bookWith(1);
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    expect(book.calculationModeChanges).toBe(0);
    expect(book.calculationMode).toBe('Automatic');
    expect(book.calculationSuspensions).toBeGreaterThanOrEqual(3);
    expect(book.recalculations).toEqual(['Recalculate']);
    expect(book.enableEvents).toBe(true);
  });

  it('leaves a user in manual calculation alone (no recalculation)', async () => {
    const book = bookWith(1);
    book.calculationMode = 'Manual';
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    expect(book.calculationModeChanges).toBe(0);
    expect(book.recalculations).toEqual([]);
  });

  it('suspends screen updating a fixed number of times, not once per chunk (repeated calls flicker)', async () => {
    const small = bookWith(1);
    await new OfficeWorkbookAdapter(fakeExcelRun(small)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    const large = bookWith(1);
    const records: CountedRecord[] = Array.from({ length: 60_000 }, (_, i) => record({ year: 2024, office: 'A', cell: `C${i + 2}`, name: `Leistung ${i}` }));
    await new OfficeWorkbookAdapter(fakeExcelRun(large)).writeOutputs(buildOutputSheets(publishedAnalysis({ records }), EVALUATED));
    expect(large.syncs).toBeGreaterThan(small.syncs);
    // once, for the preparation (clearing and adding sheets); the per-sheet commits do not flicker
    expect(small.screenUpdatingSuspensions).toBe(1);
    expect(large.screenUpdatingSuspensions).toBe(small.screenUpdatingSuspensions);
  });

  it('restores calculation and events when writing fails, and reports a WorkbookError naming the adapter', async () => {
    const book = bookWith(1);
    book.failAtSync = 3;
    const write = new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    await expect(write).rejects.toBeInstanceOf(WorkbookError);
    await expect(write).rejects.toThrow(/Office-Adapter/);
    expect(book.calculationMode).toBe('Automatic');
    expect(book.calculationModeChanges).toBe(0);
    expect(book.enableEvents).toBe(true);
  });

  it('keeps the Gesamtliste table (same name) when rewriting, so PivotTables keep their source', async () => {
    const book = bookWith(1);
    const adapter = new OfficeWorkbookAdapter(fakeExcelRun(book));
    await adapter.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    const table = book.tables.find((t) => t.name === 'LeiKaGesamtliste')!;
    await adapter.writeOutputs(buildOutputSheets(publishedAnalysis({ records: [record({ year: 2024, office: 'A', cell: 'C2' })] }), EVALUATED));
    expect(book.tables.filter((t) => t.name.startsWith('LeiKaGesamtliste'))).toEqual([table]);
    expect(table.bottom).toBe(1);
    expect(book.sheets[0]!.writes).toBe(0);
  });

  it('adds a chart to Monitoring and replaces it on a rewrite', async () => {
    const book = bookWith(1);
    const adapter = new OfficeWorkbookAdapter(fakeExcelRun(book));
    await adapter.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    await adapter.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    expect(book.sheet('Monitoring')!.charts).toHaveLength(1);
  });

  it('links each finding cell to its sheet and cell', async () => {
    const book = bookWith(1);
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    const links = book.sheet('Prüfhinweise')!.cells.flat().flatMap((c) => (c?.hyperlink ? [c.hyperlink] : []));
    expect(links).toContainEqual(expect.objectContaining({ documentReference: 'Gesundheitsamt!D17', textToDisplay: 'D17' }));
  });
});

describe('office adapter: task pane actions', () => {
  it('selects a cell for Zur Zelle', async () => {
    const book = bookWith(1);
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).selectCell('Amt 1', 'C5');
    expect(book.selection).toBe("'Amt 1'!C5");
  });

  it('writes the Einstellungen sheet as text, rewriting it when it exists', async () => {
    const book = bookWith(1);
    const adapter = new OfficeWorkbookAdapter(fakeExcelRun(book));
    await adapter.writeKeyValueSheet('Einstellungen', ['Schlüssel', 'Wert'], [['Berichtsjahr', '2024'], ['Ausgewertete Blätter', 'Amt 1']]);
    await adapter.writeKeyValueSheet('Einstellungen', ['Schlüssel', 'Wert'], [['Berichtsjahr', '2025']]);
    expect(book.values('Einstellungen').filter((r) => r.some((v) => v !== ''))).toEqual([
      ['Schlüssel', 'Wert'],
      ['Berichtsjahr', '2025'],
    ]);
  });

  it('adds an office sheet from the template with the status dropdown, colours and a frozen header', async () => {
    const book = bookWith(1);
    const name = await new OfficeWorkbookAdapter(fakeExcelRun(book)).addTemplateSheet('Amt 2', 2025);
    expect(name).toBe('Amt 2');
    expect(book.values(name)[0]).toEqual(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2025', 'Bemerkung', 'Online-Dienst']);
    expect(book.cell(name, 'C2')?.validation).toEqual({ list: { inCellDropDown: true, source: 'Analog,Kein Optimierungspotenzial,PDF,Digital,Projekt in Umsetzung,nicht zuständig' } });
    expect(book.cell(name, 'C201')?.validation).toEqual(book.cell(name, 'C2')?.validation);
    const sheet = book.sheet(name)!;
    expect(sheet.conditionalFormats.map((f) => [f.type, (f.rule as { formula1: string }).formula1, f.fill])).toEqual([
      ['CellValue', '="Analog"', '#F4CCCC'],
      ['CellValue', '="Kein Optimierungspotenzial"', '#E7E6E6'],
      ['CellValue', '="PDF"', '#FFF2CC'],
      ['CellValue', '="Digital"', '#D9EAD3'],
      ['CellValue', '="Projekt in Umsetzung"', '#CFE2F3'],
      ['CellValue', '="nicht zuständig"', '#F2F2F2'],
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(book.active).toBe(sheet);
    // The new sheet is not active while the table is added: the table must still land on it.
    expect(book.tables.map((t) => t.sheet.name)).toEqual([name]);
    expect(book.cell(name, 'A2')?.format).toBe('@');
  });

  it('creates output tables on their own sheet whichever sheet is active', async () => {
    const book = bookWith(2);
    book.active = book.sheet('Amt 2');
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
    expect(book.tables.find((t) => t.name === 'LeiKaGesamtliste')?.sheet.name).toBe('Gesamtliste');
    expect(book.sheet('Amt 2')!.writes).toBe(0);
  });

  it('adds the new year column prefilled from the previous year', async () => {
    const book = fakeBookFrom({
      sheets: [
        { name: 'Bauamt', visibility: 'visible', rows: [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024', 'Bemerkung'], ['99001', 'Bauantrag', 'PDF', 'x']], merges: [] },
        { name: 'Notizen', visibility: 'visible', rows: [['frei']], merges: [] },
      ],
      definedNames: [],
    });
    const result = await new OfficeWorkbookAdapter(fakeExcelRun(book)).addReportYear(2025);
    expect(result).toMatchObject({ changed: 1, done: ['Bauamt'], notDone: [] });
    expect(book.values('Bauamt')).toEqual([
      ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024', 'Umsetzungsstatus 2025', 'Bemerkung'],
      ['99001', 'Bauantrag', 'PDF', 'PDF', 'x'],
    ]);
    expect(book.sheet('Notizen')!.writes).toBe(0);
  });

  it('adds the new year as a table column where the status column lies in an Excel table (the template)', async () => {
    const book = bookWith(1);
    const adapter = new OfficeWorkbookAdapter(fakeExcelRun(book));
    const name = await adapter.addTemplateSheet('Bauamt', 2025);
    const sheet = book.sheet(name)!;
    // An office fills in two rows of the template's table.
    const fill = (r: number, values: string[]) => values.forEach((v, c) => (sheet.cells[r]![c] = { ...sheet.cells[r]![c]!, value: v }));
    fill(1, ['99001', 'Bauantrag', 'PDF', '', '']);
    fill(2, ['99002', 'Abriss', 'Digital', 'läuft', '']);
    const tableBefore = { ...book.tables.find((t) => t.sheet === sheet)! };
    const result = await adapter.addReportYear(2026);
    expect(result.done).toContain(name);
    const table = book.tables.find((t) => t.sheet === sheet)!;
    expect([table.top, table.left, table.bottom, table.right]).toEqual([tableBefore.top, tableBefore.left, tableBefore.bottom, tableBefore.right + 1]);
    const values = book.values(name);
    expect(values[0]).toEqual(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2025', 'Umsetzungsstatus 2026', 'Bemerkung', 'Online-Dienst']);
    expect(values[1]!.slice(0, 5)).toEqual(['99001', 'Bauantrag', 'PDF', 'PDF', '']);
    expect(values[2]!.slice(0, 5)).toEqual(['99002', 'Abriss', 'Digital', 'Digital', 'läuft']);
    // Number format and dropdown of the previous year's column come along, down to the table's last row.
    const rule = book.cell(name, 'C2')?.validation;
    expect(JSON.stringify(rule)).toMatch(/nicht zuständig/);
    for (const cell of ['D2', 'D3', `D${table.bottom + 1}`]) {
      expect(book.cell(name, cell)).toMatchObject({ format: '@', validation: rule });
    }
    // Amt 1 is a plain range: cells inserted as before.
    expect(book.values('Amt 1')[0]).toEqual(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024', 'Umsetzungsstatus 2026']);
  });

  it('appends the table column when the status column is the table\'s last', async () => {
    const book = fakeBookFrom({
      sheets: [{ name: 'Bauamt', visibility: 'visible', rows: [['LeiKa-Schlüssel', 'Leistung', 'Status 2024'], ['99001', 'Bauantrag', 'PDF']], merges: [] }],
      definedNames: [],
    });
    const sheet = book.sheet('Bauamt')!;
    book.tables.push({ name: 'Bauamt_Liste', sheet, top: 0, left: 0, bottom: 1, right: 2 });
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).addReportYear(2025);
    expect(book.values('Bauamt')).toEqual([
      ['LeiKa-Schlüssel', 'Leistung', 'Status 2024', 'Status 2025'],
      ['99001', 'Bauantrag', 'PDF', 'PDF'],
    ]);
    expect(book.tables[0]!.right).toBe(3);
  });

  it('skips, with the reason, a plain list whose new column would cut through a table beside it', async () => {
    const book = fakeBookFrom({
      sheets: [
        {
          name: 'Bauamt',
          visibility: 'visible',
          rows: [
            ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024', '', '', 'Notiz'],
            ['99001', 'Bauantrag', 'PDF', '', '', 'a'],
            ['99002', 'Abriss', 'PDF'],
            ['99003', 'Umbau', 'PDF'],
          ],
          merges: [],
        },
      ],
      definedNames: [],
    });
    const sheet = book.sheet('Bauamt')!;
    book.tables.push({ name: 'Notizen', sheet, top: 0, left: 5, bottom: 5, right: 5 });
    const before = JSON.stringify(sheet.cells);
    const result = await new OfficeWorkbookAdapter(fakeExcelRun(book)).addReportYear(2025);
    expect(result.changed).toBe(0);
    expect(result.skipped).toContainEqual({ sheet: 'Bauamt', reason: expect.stringMatching(/Excel-Tabelle/) });
    expect(JSON.stringify(sheet.cells)).toBe(before);
  });

  it('fake Excel refuses Range.insert that would shift part of a table, and moves a whole one', async () => {
    const book = fakeBookFrom({
      sheets: [{ name: 'A', visibility: 'visible', rows: [['x', 'y', 'z'], ['1', '2', '3'], ['4', '5', '6']], merges: [] }],
      definedNames: [],
    });
    const sheet = book.sheet('A')!;
    book.tables.push({ name: 'T', sheet, top: 0, left: 0, bottom: 2, right: 2 });
    const run = fakeExcelRun(book);
    const insert = (top: number, left: number, rows: number, cols: number, shift: string) =>
      run({}, async (context) => {
        context.workbook.worksheets.getItem('A').getRangeByIndexes(top, left, rows, cols).insert(shift as Excel.InsertShiftDirection);
        await context.sync();
      });
    await expect(insert(0, 1, 3, 1, 'Right')).rejects.toMatchObject({ code: 'InvalidOperation', message: expect.stringMatching(/shift cells in a table/) });
    await expect(insert(1, 0, 1, 1, 'Down')).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(insert(0, 3, 2, 1, 'Right')).resolves.toBeUndefined();
    await insert(0, 0, 3, 1, 'Right');
    expect(book.tables[0]).toMatchObject({ left: 1, right: 3 });
    expect(book.values('A')[0]!.slice(0, 4)).toEqual(['', 'x', 'y', 'z']);
  });

  it('fake Excel refuses a PivotTable report filter with no rows above the PivotTable', async () => {
    const book = fakeBookFrom({ sheets: [{ name: 'Daten', visibility: 'visible', rows: [['Amt', 'Cluster'], ['A', 'PDF']], merges: [] }], definedNames: [] });
    const sheet = book.sheet('Daten')!;
    book.tables.push({ name: 'Quelle', sheet, top: 0, left: 0, bottom: 1, right: 1 });
    const run = fakeExcelRun(book);
    const add = (row: number) =>
      run({}, async (context) => {
        const ws = context.workbook.worksheets.getItem('Daten');
        const pivot = ws.pivotTables.add(`P${row}`, ws.tables.getItem('Quelle'), ws.getRangeByIndexes(row, 4, 1, 1));
        pivot.filterHierarchies.add(pivot.hierarchies.getItem('Amt'));
        await context.sync();
      });
    await expect(add(0)).rejects.toMatchObject({ code: 'InvalidOperation', message: expect.stringMatching(/report filter/) });
    await expect(add(2)).resolves.toBeUndefined();
  });

  it('plans no roll-over for a sheet that has the year already', () => {
    const plan = planRollover(
      { sheets: [{ name: 'A', visibility: 'visible', rows: [['LeiKa', 'Status 2024', 'Status 2025'], ['1', 'PDF', 'PDF']], merges: [] }], definedNames: [] },
      2025,
    );
    expect(plan.steps).toEqual([]);
    expect(plan.skipped[0]?.reason).toMatch(/schon vorhanden/);
  });
});
