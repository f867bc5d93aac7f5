import { fold } from '../fold';

/**
 * Sheet names the spreadsheet programs give a new sheet (SPEC §10): Excel and LibreOffice in
 * German (`Tabelle1`), Google Sheets (`Tabellenblatt1`), Numbers (`Blatt 1`, `Tabelle 1`), and
 * the English, French, Italian, Spanish, Dutch and Polish Excel (`Sheet1`, `Table1`, `Feuil1`,
 * `Feuille1`, `Foglio1`, `Hoja1`, `Blad1`, `Arkusz1`). Compared folded, with or without a space
 * before the number.
 */
const DEFAULT_SHEET_NAME = /^(?:tabelle|tabellenblatt|blatt|sheet|table|feuil|feuille|foglio|hoja|blad|arkusz) ?\d{1,3}$/;

/** True for a sheet name a program gave, which names no office. */
export function isDefaultSheetName(sheet: string): boolean {
  return DEFAULT_SHEET_NAME.test(fold(sheet));
}

/** `Jugendamt.xlsx` → `Jugendamt`; the name of the office a file with one default-named sheet holds. */
export function fileStem(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/\s+/g, ' ').trim();
  return stem === '' ? base : stem;
}

/** `Jugendamt.xlsx › Tabelle1`: a sheet named with its file where several files are evaluated. */
export function sheetLabel(file: string | undefined, sheet: string): string {
  return file === undefined ? sheet : sheet === '' ? file : `${file} › ${sheet}`;
}
