import type { Cell } from '../grid';

export type CsvDelimiter = ';' | ',' | '\t';

/**
 * The delimiter of a CSV text: of `;`, `,` and tab, the one found most often outside
 * quotes in the first line (the header); `;` when none is found or on a tie with it.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  let best: CsvDelimiter = ';';
  for (const d of [',', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/**
 * RFC 4180 CSV → grid of text cells (`null` for an empty field, quoted or not). Quoted fields may hold the
 * delimiter, line breaks and doubled quotes; records end at CRLF, LF or CR. A quote inside an
 * unquoted field is kept as written; an unterminated quote runs to the end of the text.
 * A leading BOM is dropped; a final empty line gives no record. Pure, no Node API.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endField = (): void => {
    row.push(field === '' ? null : field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  return rows;
}
