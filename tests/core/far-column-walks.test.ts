import { parseCatalogGrid } from '../../src/core/catalog/parse';
import type { Cell } from '../../src/core/grid';
import { planRollover } from '../../src/core/rollover';
import { evaluateWorkbook } from '../../src/core/report';
import { analyze, codes, nonZero, workbook } from '../support/grid';

/*
 * Issue 8: one value in column XFD on every row made the CLI take minutes, because the rules
 * walked all 16,384 columns of each row. The rules must visit only the cells a row holds; here
 * every index read of such a row is counted (no wall clock), next to what the rules conclude.
 */
const XFD = 16_383;
/** Reads per row well above the cells a row holds, far below one per column. */
const READS_PER_ROW = 64;

function counted(rows: Cell[][]): { rows: Cell[][]; reads: () => number } {
  let reads = 0;
  const wrapped = rows.map((cells, r) => {
    const row = [...cells];
    row[XFD] = r + 1;
    const count = (key: string | symbol): void => {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
    };
    // `get` for reads by index, `has` for the array methods that step over holes
    return new Proxy(row, {
      get(target, key, receiver) {
        count(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
      has(target, key) {
        count(key);
        return Reflect.has(target, key);
      },
    });
  });
  return { rows: wrapped, reads: () => reads };
}

const blankRows = (n: number): Cell[][] => Array.from({ length: n }, () => []);

describe('rows with a value in column XFD (issue 8)', () => {
  it('counts an office sheet with headers, services and settings visiting only the filled cells', () => {
    const office = counted([['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'], ['99001001000000', 'Hundesteuer', 'PDF'], ['99001002000000', 'Abfallgebühr', 'digital'], ...blankRows(200)]);
    const settings = counted([['Schlüssel', 'Wert'], ['Berichtsjahr', 2024], ['Ausgewertete Blätter', 'Amt A']]);
    const a = analyze([
      { name: 'Amt A', rows: office.rows },
      { name: 'Einstellungen', rows: settings.rows },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Alle Dienstleistungen': 2 });
    expect(a.settings).toEqual({ reportYear: 2024, sheets: ['Amt A'] });
    // the stray number in XFD of the `Ausgewertete Blätter` row names no sheet: reported on its cell
    expect(codes(a)).toEqual(['INVALID_SETTING Einstellungen!XFD3']);
    expect(office.reads()).toBeLessThan(office.rows.length * READS_PER_ROW);
    expect(settings.reads()).toBeLessThan(settings.rows.length * READS_PER_ROW);
  });

  it('plans the new year\'s column under such a sheet visiting only the filled cells', () => {
    const office = counted([['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'], ['99001001000000', 'Hundesteuer', 'PDF'], ...blankRows(200)]);
    const plan = planRollover(workbook({ name: 'Amt A', rows: office.rows }), 2025);
    // every row holds its XFD value, so the table reaches down to the last one (row 202, 0-based 201)
    expect(plan.steps).toEqual([{ sheet: 'Amt A', top: 0, bottom: 201, col: 2, headerRow: 0, header: 'Umsetzungsstatus 2025' }]);
    expect(office.reads()).toBeLessThan(office.rows.length * READS_PER_ROW);
  });

  it('reads a LeiKa catalogue with such rows visiting only the filled cells', () => {
    const catalog = counted([['Schlüssel', 'Leistungsbezeichnung', 'Typ'], ['99001001000000', 'Hundesteuer', '1'], ...blankRows(200)]);
    const read = parseCatalogGrid(catalog.rows, 'leika.xlsx');
    expect([...read.catalog.entries.keys()]).toEqual(['99001001000000']);
    expect(catalog.reads()).toBeLessThan(catalog.rows.length * READS_PER_ROW);
  });

  it('merges the settings of several files with such rows visiting only the filled cells', () => {
    const head = ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'];
    const first = counted([['Schlüssel', 'Wert'], ['Berichtsjahr', 2024], ['Ausgewertete Blätter', 'Jugendamt']]);
    const later = counted([['Schlüssel', 'Wert'], ['Berichtsjahr', 2024], ['Ausgewertete Blätter', 'Jugendamt']]);
    const e = evaluateWorkbook(
      [
        { kind: 'workbook', file: 'A12.xlsx', workbook: workbook({ name: 'Einstellungen', rows: first.rows }) },
        { kind: 'workbook', file: 'Jugendamt.xlsx', workbook: workbook({ name: 'Tabelle1', rows: [head, ['99001001000000', 'A', 'PDF']] }) },
        { kind: 'workbook', file: 'Sozialamt.xlsx', workbook: workbook({ name: 'Tabelle1', rows: [head, ['99001002000000', 'B', 'PDF']] }, { name: 'Einstellungen', rows: later.rows }) },
      ],
      { currentYear: 2026 },
    );
    expect(e.analysis.offices.map((o) => o.office)).toEqual(['Jugendamt']);
    // the same settings in both files: no conflict; the stray number in XFD names no sheet (the
    // selection across files is rewritten into column B, so the finding stands there)
    expect(e.analysis.findings.map((f) => `${f.code} ${f.file ?? '-'} › ${f.sheet}!${f.cell}`)).toEqual(['INVALID_SETTING A12.xlsx › Einstellungen!B3']);
    expect(e.analysis.findings[0]!.message).toContain('„3“');
    expect(first.reads()).toBeLessThan(first.rows.length * READS_PER_ROW);
    expect(later.reads()).toBeLessThan(later.rows.length * READS_PER_ROW);
  });
});
