import ExcelJS from 'exceljs';
import { CLUSTERS } from '../core/clusters';

/** Status spellings the benchmark cycles through: built-in synonyms in several spellings. */
const STATUS = ['analog', 'PDF-Formular', 'Online-Antrag', 'in Umsetzung', 'kein Optimierungspotenzial', 'Papierform', 'Digital', 'pdf', ...CLUSTERS];

/**
 * Writes a benchmark workbook: `rows` service rows over `sheets` office sheets, each with
 * a title row, a two-year wide header, remarks and some findings (no key, duplicates).
 */
export async function writeBenchWorkbook(path: string, rows: number, sheets: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const perSheet = Math.ceil(rows / sheets);
  let written = 0;
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`Amt ${String(s + 1).padStart(2, '0')}`);
    ws.addRow([`Digitalisierungsübersicht Amt ${s + 1}`]).commit();
    ws.addRow(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024', 'Bemerkung', 'Online-Dienst']).commit();
    for (let r = 0; r < perSheet && written < rows; r++, written++) {
      const key = r % 97 === 0 ? 'nicht im LeiKa' : String(99_000_000_000_000 + s * 10_000_000 + (r % 5000 === 4999 ? r - 1 : r) * 1000);
      ws.addRow([
        key,
        `Leistung ${s + 1}.${r + 1}`,
        r % 11 === 0 ? null : STATUS[(r * 7 + s) % STATUS.length],
        STATUS[(r * 3 + s) % STATUS.length],
        r % 13 === 0 ? 'Formular wird überarbeitet' : null,
        r % 17 === 0 ? 'https://service.example/leistung' : null,
      ]).commit();
    }
    ws.commit();
  }
  await wb.commit();
}
