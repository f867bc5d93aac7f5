import ExcelJS from 'exceljs';
import { a1, type Cell, type WorkbookGrid } from '../../src/core/grid';
import { sheetRef } from '../../src/core/sheet-ref';

/** The grid as a real .xlsx written by ExcelJS: values, visibility, merges and defined names. */
export async function gridToXlsx(grid: WorkbookGrid): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility });
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell !== null && cell !== undefined) ws.getCell(a1(r, c)).value = excelValue(cell);
      }),
    );
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  for (const dn of grid.definedNames) wb.definedNames.add(sheetRef(dn.sheet, dn.cell.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')), dn.name);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function excelValue(cell: Exclude<Cell, null>): ExcelJS.CellValue {
  // text stays text: ExcelJS would read a leading `=` as a formula only in a formula object
  return typeof cell === 'object' ? ({ error: cell.code } as ExcelJS.CellErrorValue) : cell;
}
