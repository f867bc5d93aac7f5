import { parse } from 'csv-parse/sync';
import type { Cell } from '../core/grid';
import { type CatalogImport, CatalogFormatError, parseCatalogGrid, parseCatalogWorkbook } from '../core/catalog';
import { readXlsx } from './xlsx/reader';

/*
 * The catalogue file adapter: an official LeiKa export as bytes (CSV or XLSX) → catalogue.
 * Used by the CLI (`--catalog`) and by file mode / the task pane („LeiKa-Katalog laden“).
 * CSV is split by csv-parse; in the browser bundle `csv-parse/sync` must resolve to
 * `csv-parse/browser/esm/sync` (the Node build relies on the global Buffer).
 */

export type CsvDelimiter = ';' | ',' | '\t';

/**
 * Bytes of a CSV export → text. A BOM decides (UTF-8, UTF-16 LE/BE); otherwise the bytes are
 * UTF-8 when they are well-formed UTF-8, else Windows-1252 (what Excel writes as „CSV“ on a
 * German Windows).
 */
export function decodeCatalogText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fixC1(new TextDecoder('windows-1252').decode(bytes));
  }
}

/**
 * Windows-1252 code points of bytes 0x80–0x9F (WHATWG index; the five unassigned bytes map to
 * themselves). Node ≥ 20.18.3 decodes `windows-1252` as Latin-1 and leaves these bytes as C1
 * controls (nodejs/node#60888); browsers decode them correctly, so this is a no-op there.
 */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => String.fromCharCode(CP1252_C1[ch.charCodeAt(0) - 0x80]!));
}

/**
 * The delimiter of a CSV text: of `;`, `,` and tab, the one found most often outside quotes
 * in the header line; `;` when none is found or on a tie with it.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  let best: CsvDelimiter = ';';
  for (const d of [',', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * CSV text → grid of text cells (`null` for an empty field), one grid row per record, so a
 * record's index is the row Excel shows when it opens the file (a quoted line break stays
 * inside its cell). Rows may differ in length. Throws CatalogFormatError (German, one line)
 * for text csv-parse cannot split, such as an unterminated quote.
 */
export function parseCsvGrid(text: string, source: string, delimiter: CsvDelimiter = detectDelimiter(text)): Cell[][] {
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (cause) {
    const line = typeof (cause as { lines?: unknown }).lines === 'number' ? ` (Zeile ${(cause as { lines: number }).lines})` : '';
    throw new CatalogFormatError(
      `„${source}“ ist keine lesbare CSV-Datei${line}: ${csvProblem(cause)}. Bitte den LeiKa-Katalog erneut als CSV (Trennzeichen „;“) oder XLSX exportieren.`,
      { cause },
    );
  }
  return records.map((r) => r.map((field) => (field === '' ? null : field)));
}

function csvProblem(cause: unknown): string {
  const code = (cause as { code?: unknown }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'ein Anführungszeichen wird nicht geschlossen';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'nach einem schließenden Anführungszeichen folgt kein Trennzeichen';
  return 'die Datei ist nicht im CSV-Format';
}

/**
 * Reads an official LeiKa export: `.xlsx`/`.xlsm` (recognised by content, not by name) via the
 * xlsx reader, its first visible sheet with a catalogue header; anything else as CSV (`;`, `,`
 * or tab; UTF-8, UTF-16 or Windows-1252). Findings name `fileName` (CSV) or the sheet (XLSX).
 * Throws CatalogFormatError when the file is no catalogue, WorkbookError when an XLSX is
 * damaged, encrypted or a legacy .xls; both carry one German line for the user.
 */
export function readCatalogFile(bytes: Uint8Array, fileName: string): CatalogImport {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole) return parseCatalogWorkbook(readXlsx(bytes), fileName);
  return parseCatalogGrid(parseCsvGrid(decodeCatalogText(bytes), fileName), fileName);
}
