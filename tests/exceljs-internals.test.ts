import ExcelJS from 'exceljs';
import { definedNameModels, ExcelJsInternalsError, setWorksheetOrder, tableNamesOf, worksheetOrder } from '../src/adapters/xlsx/writer/exceljs';

/* The ExcelJS internals the writer uses, against the installed ExcelJS (an upgrade that changes them fails here). */
async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return again;
}

describe('ExcelJS internals', () => {
  it('lists the workbook\'s defined names, also after reading a file', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("O'Brien").getCell('A1').value = 'x';
    wb.definedNames.add("'O''Brien'!$A$1", 'LeiKaMonitor_Monitoring');
    expect(definedNameModels(wb)).toEqual([{ name: 'LeiKaMonitor_Monitoring', ranges: ["'O''Brien'!$A$1"] }]);
    expect(definedNameModels(await reload(wb)).map((d) => d.name)).toEqual(['LeiKaMonitor_Monitoring']);
  });

  it('moves a sheet by its order number, as a rewritten sheet keeps its place', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Erstes');
    wb.addWorksheet('Zweites');
    const order = worksheetOrder(first);
    wb.removeWorksheet(first.id);
    setWorksheetOrder(wb.addWorksheet('Ersatz'), order);
    expect((await reload(wb)).worksheets.map((w) => w.name)).toEqual(['Ersatz', 'Zweites']);
  });

  it('names the tables of a sheet', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('Liste');
    ws.addTable({ name: 'LeiKaGesamtliste', ref: 'A1', headerRow: true, columns: [{ name: 'Jahr' }], rows: [[2024]] });
    expect(tableNamesOf(ws)).toEqual(['LeiKaGesamtliste']);
  });

  it('refuses a shape it does not know instead of guessing', () => {
    const wb = new ExcelJS.Workbook();
    Object.defineProperty(wb.definedNames, 'model', { get: () => ({ names: [] }) });
    expect(() => definedNameModels(wb)).toThrow(ExcelJsInternalsError);
    const ws = wb.addWorksheet('x');
    delete (ws as unknown as { orderNo?: number }).orderNo;
    expect(() => worksheetOrder(ws)).toThrow(ExcelJsInternalsError);
  });
});
