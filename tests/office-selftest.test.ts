/**
 * Selbsttest (SPEC §11) on the fake Excel: every step OK on a healthy host, a refused step
 * reported with Excel's error while the temporary sheet still goes, nothing of the user's
 * workbook touched — and no Office.js member used by the add-in that the Selbsttest leaves out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OfficeWorkbookAdapter, type SupportsApi } from '../src/adapters/office';
import { SELF_TEST_STEPS } from '../src/adapters/office/selftest';
import { readXlsx } from '../src/adapters/xlsx/reader';
import type { Cell } from '../src/core/grid';
import { excelServices } from '../src/taskpane/pipeline/excel';
import { type FakeBook, fakeBookFrom, fakeExcelRun } from './support/fake-excel';

const DEMO = path.join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const demoGrid = readXlsx(new Uint8Array(fs.readFileSync(DEMO)));
const ALL: SupportsApi = (set, version) => set === 'ExcelApi' && Number(version.split('.')[1]) <= 14;
const HOST = () => ({ host: 'Excel', platform: 'OfficeOnline', version: '16.0.18000.10000' });
const NOW = (): Date => new Date(2025, 2, 5);

const adapter = (b: FakeBook, supports: SupportsApi = ALL) => new OfficeWorkbookAdapter(fakeExcelRun(b), supports, HOST);

/** The user's workbook as it matters: sheets with their cells, tables, names, active sheet, events. */
function snapshot(b: FakeBook): string {
  return JSON.stringify({
    sheets: b.sheets.map((s) => [s.name, s.cells, s.merges, s.writes]),
    tables: b.tables.map((t) => [t.name, t.sheet.name, t.top, t.left, t.bottom, t.right]),
    names: b.names.map((n) => [n.name, n.sheet.name, n.cell]),
    pivots: b.pivots.length,
    active: b.activeSheet()?.name,
    events: b.enableEvents,
    calculation: [b.calculationMode, b.calculationModeChanges],
  });
}

describe('Selbsttest', () => {
  it('reports every step OK with host, platform, version and the supported ExcelApi sets, and leaves the workbook as it was', async () => {
    const b = fakeBookFrom(demoGrid);
    b.active = b.sheets[1];
    const before = snapshot(b);
    const report = await adapter(b).selfTest();
    expect(report.steps.filter((s) => s.outcome.kind !== 'ok')).toEqual([]);
    expect(report.steps.map((s) => s.id)).toEqual(SELF_TEST_STEPS.filter((id) => id !== 'run'));
    expect(report.host).toEqual({ host: 'Excel', platform: 'OfficeOnline', version: '16.0.18000.10000' });
    expect(report.supported).toEqual(Array.from({ length: 14 }, (_, i) => `1.${i + 1}`));
    expect(report.cleanup).toEqual({ kind: 'ok' });
    expect(b.sheet(report.sheet)).toBeUndefined();
    expect(snapshot(b)).toBe(before);
  });

  it('skips, not fails, the steps of optional features the host does not offer', async () => {
    const b = fakeBookFrom(demoGrid);
    const report = await adapter(b, (set, v) => set === 'ExcelApi' && Number(v.split('.')[1]) <= 7).selfTest();
    expect(report.steps.filter((s) => s.outcome.kind === 'failed')).toEqual([]);
    expect(report.steps.filter((s) => s.outcome.kind === 'skipped').map((s) => s.api)).toEqual([
      expect.stringMatching(/PivotTableCollection.load/),
      expect.stringMatching(/getDataTable/),
      expect.stringMatching(/PivotTableCollection.add/),
    ]);
  });

  it('reports a refused step with Excel\'s error, goes on, and still removes the temporary sheet', async () => {
    const b = fakeBookFrom(demoGrid);
    const before = snapshot(b);
    b.refusals.set('Range.insert', { code: 'InvalidOperation', message: 'This operation is not permitted.' });
    const report = await adapter(b).selfTest();
    const failed = report.steps.filter((s) => s.outcome.kind === 'failed');
    expect(failed).toEqual([{ id: 'insertCells', api: expect.stringMatching(/Range.insert/), outcome: { kind: 'failed', error: 'InvalidOperation: This operation is not permitted.' } }]);
    expect(report.steps.at(-1)!.outcome).toEqual({ kind: 'ok' });
    expect(report.cleanup).toEqual({ kind: 'ok' });
    expect(b.sheet(report.sheet)).toBeUndefined();
    expect(snapshot(b)).toBe(before);
  });

  it('removes the temporary sheet and its name even when the whole batch breaks off', async () => {
    const b = fakeBookFrom(demoGrid);
    const before = snapshot(b);
    b.failAtSync = 12;
    const report = await adapter(b).selfTest();
    expect(report.steps.some((s) => s.outcome.kind === 'failed')).toBe(true);
    expect(b.sheet(report.sheet)).toBeUndefined();
    expect(snapshot(b)).toBe(before);
  });
});

describe('Selbsttest covers the add-in', () => {
  /** Every path of the add-in that reaches Excel, on the demo workbook and on the cases that take other paths. */
  async function addInMembers(): Promise<Set<string>> {
    const b = fakeBookFrom(demoGrid);
    const services = excelServices(adapter(b), NOW);
    await services.inspect();
    const first = await services.evaluate(() => undefined, { pivot: true });
    await services.evaluate(() => undefined, { pivot: true });
    await services.goToCell(demoGrid.sheets[0]!.name, 'B5');
    await services.copyTable(first);
    await services.saveSettings({ reportYear: 2024, sheets: [] });
    await services.saveSettings({ reportYear: 2025, sheets: [] });
    await services.saveMapping([{ value: 'online', cluster: 'Digital' }]);
    await services.newOfficeSheet('Neues Amt', 2024);
    await services.newReportYear(2025);
    // The Gesamtliste moved (a catalogue column): its old table becomes a range.
    b.sheet('Gesamtliste')!.cells[0]!.unshift({ value: 'x', format: 'General' });
    const moved = b.tables.find((t) => t.name === 'LeiKaGesamtliste')!;
    moved.left++;
    moved.right++;
    // The Vergleich marker points elsewhere than A1 (a user edited it): it is replaced.
    b.names.find((n) => n.name === 'LeiKaMonitor_Vergleich')!.cell = 'C3';
    await services.evaluate(() => undefined);
    // Dates, more than 512 merged areas, and a payload Excel on the web refuses.
    const rows: Cell[][] = [['LeiKa-Schlüssel', 'Leistung', 'Jahr', 'Umsetzungsstatus']];
    for (let i = 0; i < 600; i++) rows.push([`99${i}`, `Leistung ${i}`, null, 'PDF']);
    const other = fakeBookFrom({ sheets: [{ name: 'Amt', visibility: 'visible', rows, merges: Array.from({ length: 600 }, (_, i) => ({ top: i + 1, left: 0, bottom: i + 1, right: 1 })) }], definedNames: [] });
    other.sheet('Amt')!.cells[1]![2] = { value: 45657, format: 'dd.mm.yyyy' };
    await adapter(other).readWorkbook();
    return new Set([...b.apiUsed, ...other.apiUsed]);
  }

  it('exercises every Office.js member the add-in uses', async () => {
    const used = await addInMembers();
    const b = fakeBookFrom(demoGrid);
    await adapter(b).selfTest();
    expect([...used].filter((m) => !b.apiUsed.has(m)).sort()).toEqual([]);
    // The scenario reaches the paths it is meant to (so the comparison means something).
    // docs/office-api.md lists every one of them with its requirement set (the final list for IT).
    const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'office-api.md'), 'utf8');
    expect([...used].filter((m) => !doc.includes(`| \`${m}\` |`)).sort()).toEqual([]);
    for (const m of ['Table.convertToRange', 'Range.text', 'RangeAreas.areas', 'NamedItem.delete', 'PivotTable.delete', 'Table.resize', 'Range.insert', 'TableColumnCollection.add']) expect(used).toContain(m);
  });
});
