import ExcelJS from 'exceljs';
import { definedNameModels } from '../src/adapters/xlsx/writer/exceljs';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import { buildOutputSheets, buildRecordsSheets, emptiedContinuations, EXCEL_MAX_DATA_ROWS, RECORDS_HEADER } from '../src/core/outputs';
import type { OutTable, OutValue } from '../src/core/output-model';
import { publishedAnalysis, record } from './contract/fixtures';

/* Issue 9 / SPEC §5: more records than an Excel sheet holds continue on `Gesamtliste 2`, … — never cut off. */
const FIVE = publishedAnalysis({
  records: ['C2', 'C3', 'C4', 'C5', 'C6'].map((cell, i) => record({ year: 2024, office: 'Bauamt', cell, name: `Leistung ${i + 1}`, status: 'PDF', cluster: 'PDF' })),
});

function table(sheet: { blocks: readonly unknown[] }): OutTable {
  return sheet.blocks[0] as OutTable;
}
const names = (rows: readonly (readonly OutValue[])[]): string[] => rows.map((r) => (r[3]?.kind === 'text' ? r[3].text : ''));

describe('Gesamtliste continuation', () => {
  it('fills a sheet to Excel\'s last row (1,048,576 rows, one of them the header)', () => {
    expect(EXCEL_MAX_DATA_ROWS + 1).toBe(1_048_576);
  });

  it('keeps one sheet while the records fit', () => {
    const sheets = buildRecordsSheets(FIVE, undefined, 5);
    expect(sheets.map((s) => s.role)).toEqual(['Gesamtliste']);
    expect(table(sheets[0]!).rows).toHaveLength(5);
  });

  it('continues on Gesamtliste 2, 3 with the same columns, every record once and in order', () => {
    const sheets = buildRecordsSheets(FIVE, undefined, 2);
    expect(sheets.map((s) => s.role)).toEqual(['Gesamtliste', 'Gesamtliste2', 'Gesamtliste3']);
    expect(sheets.map((s) => table(s).rows.length)).toEqual([2, 2, 1]);
    expect(sheets.map((s) => table(s).header)).toEqual([[...RECORDS_HEADER], [...RECORDS_HEADER], [...RECORDS_HEADER]]);
    expect(sheets.map((s) => table(s).excelTable)).toEqual(['LeiKaGesamtliste', 'LeiKaGesamtliste2', 'LeiKaGesamtliste3']);
    expect(sheets.flatMap((s) => names(table(s).rows))).toEqual(['Leistung 1', 'Leistung 2', 'Leistung 3', 'Leistung 4', 'Leistung 5']);
  });

  it('writes the continuation sheets into the report workbook, each a marked Excel table', async () => {
    const [monitoring, findings] = buildOutputSheets(FIVE, { evaluatedAt: '2025-03-05' });
    const bytes = await writeReportWorkbook([monitoring!, findings!, ...buildRecordsSheets(FIVE, undefined, 2)], { evaluatedAt: '2025-03-05' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Gesamtliste 2', 'Gesamtliste 3']);
    expect(definedNameModels(wb).find((d) => d.name === 'LeiKaMonitor_Gesamtliste3')?.ranges).toEqual(["'Gesamtliste 3'!$A$1"]);
    const listed: unknown[] = [];
    for (const name of ['Gesamtliste', 'Gesamtliste 2', 'Gesamtliste 3']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.getRow(1).getCell(1).value).toBe('Jahr');
      ws.eachRow((row, n) => n > 1 && listed.push(row.getCell(4).value));
    }
    expect(listed).toEqual(['Leistung 1', 'Leistung 2', 'Leistung 3', 'Leistung 4', 'Leistung 5']);
  });

  it('empties the marked continuation sheets this evaluation does not fill, down to the header', () => {
    const written = buildRecordsSheets(FIVE, undefined, 4);
    const markers = ['LeiKaMonitor_Gesamtliste', 'LeiKaMonitor_Gesamtliste2', 'LeiKaMonitor_Gesamtliste3', 'LeiKaMonitor_Monitoring', 'Berichtsjahr'].map((name) => ({ name, sheet: name, cell: 'A1' }));
    const emptied = emptiedContinuations(written, markers);
    expect(emptied.map((s) => [s.role, table(s).header, table(s).rows.length, table(s).excelTable])).toEqual([['Gesamtliste3', [...RECORDS_HEADER], 0, 'LeiKaGesamtliste3']]);
  });
});
