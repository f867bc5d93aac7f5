#!/usr/bin/env node
/*
 * Generates a folder of office files (SPEC §10) from the demo workbook: each office sheet in a
 * file of its own, as offices that keep their own files do. Together the files hold exactly the
 * demo workbook's sheets, so evaluating them must give the demo's counts:
 * - default sheet names (`Tabelle1`, `Sheet1`, `Blatt1`, `Tabellenblatt 2`, `Feuil1`): the
 *   office is the file name;
 * - own sheet names (`Ordnungsamt` beside the instruction sheet `Anleitung`, `Sozialamt`,
 *   `Umweltamt` with its office column);
 * - one office split over two files (`Ausländerbehörde 1.xlsx`, `… 2.xlsx`: the same sheet with
 *   the other file's rows left empty, so every cell keeps its address);
 * - the hidden sheet `Altdaten 2022` beside a default-named sheet (still the file's only office
 *   sheet), and one file saved as .xlsm;
 * - what a share also holds: Excel's lock file `~$Jugendamt.xlsx`, `Notizen.xlsx` that is no
 *   workbook, `Liesmich.txt`, and a subfolder `Archiv/` with an old copy.
 *
 * `DEMO_ORDER` lists the files in the demo's sheet order; a folder call sorts them by name.
 *
 * Usage: node scripts/make-office-files.js [--out <dir>]   (default: out/Amtsdateien)
 */
'use strict';

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const ROOT = path.resolve(__dirname, '..');
const DEMO = path.join(ROOT, 'assets/demo/Digitalisierungsuebersicht_Demo.xlsx');
const FIXED_DATE = new Date(Date.UTC(2024, 3, 15, 8, 0, 0));

/** file → the demo sheets it holds, each with the name it gets there (and the rows it keeps). */
const FILES = [
  { file: 'Ordnungsamt.xlsx', sheets: [{ from: 'Anleitung' }, { from: 'Ordnungsamt' }] },
  { file: 'Straßenverkehrsamt.xlsx', sheets: [{ from: 'Straßenverkehrsamt', name: 'Tabelle1' }] },
  { file: 'Bauordnungsamt.xlsx', sheets: [{ from: 'Bauordnungsamt', name: 'Tabelle1' }] },
  { file: 'Gesundheitsamt.xlsx', sheets: [{ from: 'Gesundheitsamt', name: 'Sheet1' }] },
  { file: 'Jugendamt.xlsx', sheets: [{ from: 'Jugendamt', name: 'Blatt1' }] },
  { file: 'Sozialamt.xlsx', sheets: [{ from: 'Sozialamt' }] },
  { file: 'Ausländerbehörde 1.xlsx', sheets: [{ from: 'Ausländerbehörde', part: 1 }] },
  { file: 'Ausländerbehörde 2.xlsx', sheets: [{ from: 'Ausländerbehörde', part: 2 }] },
  { file: 'Untere Jagdbehörde.xlsx', sheets: [{ from: 'Untere Jagdbehörde', name: 'Tabelle1' }] },
  { file: 'Veterinäramt.xlsx', sheets: [{ from: 'Veterinäramt', name: 'Tabelle1' }] },
  { file: 'Umweltamt.xlsx', sheets: [{ from: 'Umweltamt' }] },
  { file: 'Schulamt.xlsx', sheets: [{ from: 'Schulamt', name: 'Tabelle1' }] },
  { file: 'Kreiskasse.xlsm', sheets: [{ from: 'Kreiskasse', name: 'Feuil1' }] },
  { file: 'Kataster- und Vermessungsamt.xlsx', sheets: [{ from: 'Kataster- und Vermessungsamt', name: 'Tabellenblatt 2' }, { from: 'Altdaten 2022' }] },
];

/** The office files in the demo's sheet order (the order that reproduces the demo run exactly). */
const DEMO_ORDER = FILES.map((f) => f.file);
const NOT_A_WORKBOOK = 'Notizen.xlsx';
const LOCK_FILE = '~$Jugendamt.xlsx';

/** First row (1-based) whose cells name a key or service column: the header of the demo sheets. */
function headerRow(ws) {
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    const texts = [];
    ws.getRow(r).eachCell((cell) => texts.push(String(cell.text)));
    if (texts.some((t) => /leika|leistung/i.test(t))) return r;
  }
  throw new Error(`no header in ${ws.name}`);
}

/** Empties rows `from`..`to` (1-based, inclusive); addresses of all other cells stay. */
function emptyRows(ws, from, to) {
  for (let r = from; r <= to; r++) ws.getRow(r).eachCell({ includeEmpty: false }, (cell) => (cell.value = null));
}

async function officeFile(spec) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DEMO);
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const keep = new Map(spec.sheets.map((s) => [s.from, s]));
  for (const ws of [...wb.worksheets]) if (!keep.has(ws.name)) wb.removeWorksheet(ws.id);
  for (const ws of wb.worksheets) {
    const s = keep.get(ws.name);
    if (s.part) {
      const header = headerRow(ws);
      const cut = header + Math.floor((ws.rowCount - header) / 2);
      if (s.part === 1) emptyRows(ws, cut + 1, ws.rowCount);
      else emptyRows(ws, header + 1, cut);
    }
    if (s.name) ws.name = s.name;
  }
  // the demo's sheet order inside the file (Anleitung before Ordnungsamt)
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes the office files into `dir` (created if needed); resolves to what a test needs to know. */
async function makeOfficeFiles(dir) {
  fs.mkdirSync(path.join(dir, 'Archiv'), { recursive: true });
  for (const spec of FILES) fs.writeFileSync(path.join(dir, spec.file), await officeFile(spec));
  // an old copy in a subfolder: a folder call reads only the files directly in the folder
  fs.copyFileSync(path.join(dir, 'Jugendamt.xlsx'), path.join(dir, 'Archiv', 'Jugendamt.xlsx'));
  fs.writeFileSync(path.join(dir, NOT_A_WORKBOOK), 'Notizen zur Abfrage 2024: bitte bis 31.03. zurückmelden.\n');
  // Excel's owner file: the user name as a length-prefixed string, padded to 165 bytes
  const owner = Buffer.alloc(165);
  owner.writeUInt8(5, 0);
  owner.write('A 12 ', 1, 'latin1');
  fs.writeFileSync(path.join(dir, LOCK_FILE), owner);
  fs.writeFileSync(path.join(dir, 'Liesmich.txt'), 'Amtsdateien für die Auswertung 2024\n');
  return { dir, demoOrder: DEMO_ORDER, notAWorkbook: NOT_A_WORKBOOK, lockFile: LOCK_FILE };
}

module.exports = { makeOfficeFiles, FILES, DEMO_ORDER, NOT_A_WORKBOOK, LOCK_FILE };

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const dir = path.resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : path.join(ROOT, 'out/Amtsdateien'));
  makeOfficeFiles(dir)
    .then(() => console.log(`${path.relative(process.cwd(), dir) || '.'}: ${FILES.length} Amtsdateien, dazu ${NOT_A_WORKBOOK}, ${LOCK_FILE}, Liesmich.txt und Archiv/`))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
