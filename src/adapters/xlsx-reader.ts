import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Cell, DefinedName, MergedArea, SheetGrid, SheetVisibility, WorkbookGrid } from '../core/grid';
import { parseA1 } from '../core/grid';
import { WorkbookError } from '../port/workbook-port';

/*
 * Reads an .xlsx/.xlsm package into plain grids: fflate unzips, saxes parses the XML.
 * ExcelJS's streaming reader drops merged areas and pairs sheets by file name, and its
 * object model costs an object per cell (4 s for 100,000 rows here), so reading is done
 * here and ExcelJS only writes.
 */

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a workbook file's bytes. Throws WorkbookError (one German line) for unusable input. */
export function readXlsx(bytes: Uint8Array): WorkbookGrid {
  checkContainer(bytes);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') || f.name.endsWith('.bin') });
  } catch (cause) {
    throw new WorkbookError('Die Datei ist beschädigt oder unvollständig (ZIP-Archiv nicht lesbar).', 'corrupt', { cause });
  }
  const text = (path: string): string | undefined => {
    const data = files[path];
    return data && strFromU8(data);
  };
  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === undefined) {
    if (files['xl/workbook.bin']) throw new WorkbookError('Binäre Arbeitsmappen (.xlsb) werden nicht unterstützt: bitte in Excel als .xlsx speichern.', 'not-a-workbook');
    throw new WorkbookError('Die Datei ist keine Excel-Arbeitsmappe (.xlsx oder .xlsm).', 'not-a-workbook');
  }
  try {
    const rels = parseRels(text('xl/_rels/workbook.xml.rels') ?? '');
    const book = parseWorkbook(workbookXml);
    const shared = parseSharedStrings(text('xl/sharedStrings.xml') ?? '');
    const sheets: SheetGrid[] = [];
    for (const s of book.sheets) {
      const target = rels.get(s.rid);
      const xml = target !== undefined ? text(target) : undefined;
      const parsed = xml !== undefined ? parseSheet(xml, shared) : { rows: [], merges: [] };
      sheets.push({ name: s.name, visibility: s.visibility, rows: parsed.rows, merges: parsed.merges });
    }
    return { sheets, definedNames: book.definedNames };
  } catch (cause) {
    if (cause instanceof WorkbookError) throw cause;
    throw new WorkbookError('Die Arbeitsmappe ist beschädigt: ihr Inhalt ist kein gültiges Excel-XML.', 'corrupt', { cause });
  }
}

function checkContainer(bytes: Uint8Array): void {
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new WorkbookError('Die Arbeitsmappe ist mit einem Kennwort verschlüsselt: bitte ohne Kennwort speichern und erneut versuchen.', 'encrypted');
    }
    throw new WorkbookError('Das alte Excel-Format .xls wird nicht unterstützt: bitte in Excel als .xlsx speichern (Datei > Speichern unter).', 'legacy-xls');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new WorkbookError('Die Datei ist keine Excel-Arbeitsmappe (.xlsx oder .xlsm).', 'not-a-workbook');
  }
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Array.from(word).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

function parser(): SaxesParser {
  return new SaxesParser({ xmlns: false, position: false });
}

/** Tag name without namespace prefix (`x:row` → `row`). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function parseRels(xml: string): Map<string, string> {
  const rels = new Map<string, string>();
  if (xml === '') return rels;
  const p = parser();
  p.on('opentag', (tag: SaxesTagPlain) => {
    if (local(tag.name) !== 'Relationship') return;
    const id = tag.attributes['Id'];
    const target = tag.attributes['Target'];
    if (typeof id !== 'string' || typeof target !== 'string') return;
    rels.set(id, target.startsWith('/') ? target.slice(1) : normalizePath(`xl/${target}`));
  });
  p.write(xml).close();
  return rels;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

interface BookInfo {
  sheets: { name: string; rid: string; visibility: SheetVisibility }[];
  definedNames: DefinedName[];
}

function parseWorkbook(xml: string): BookInfo {
  const info: BookInfo = { sheets: [], definedNames: [] };
  const p = parser();
  let nameTag: { name: string; local: boolean } | undefined;
  let nameText = '';
  p.on('opentag', (tag: SaxesTagPlain) => {
    const n = local(tag.name);
    if (n === 'sheet') {
      const state = tag.attributes['state'];
      const rid = Object.entries(tag.attributes).find(([k]) => local(k) === 'id' && k.includes(':'))?.[1];
      info.sheets.push({
        name: String(tag.attributes['name'] ?? ''),
        rid: String(rid ?? ''),
        visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
      });
    } else if (n === 'definedName') {
      nameTag = { name: String(tag.attributes['name'] ?? ''), local: tag.attributes['localSheetId'] !== undefined };
      nameText = '';
    }
  });
  p.on('text', (t: string) => {
    if (nameTag) nameText += t;
  });
  p.on('closetag', (tag: SaxesTagPlain) => {
    if (local(tag.name) !== 'definedName' || !nameTag) return;
    const ref = parseSheetRef(nameText);
    if (ref && !nameTag.local) info.definedNames.push({ name: nameTag.name, ...ref });
    nameTag = undefined;
  });
  p.write(xml).close();
  return info;
}

/** `'Sheet name'!$A$1` or `Sheet!A1` → sheet and cell; undefined for ranges and formulas. */
export function parseSheetRef(ref: string): { sheet: string; cell: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(ref.trim());
  if (!m || m[3] === undefined) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  const at = parseA1(m[3]);
  if (!at) return undefined;
  return { sheet, cell: m[3].replace(/\$/g, '').toUpperCase() };
}

function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  if (xml === '') return strings;
  const p = parser();
  let current = '';
  let inT = false;
  let phonetic = 0;
  p.on('opentag', (tag: SaxesTagPlain) => {
    const n = local(tag.name);
    if (n === 'si') current = '';
    else if (n === 't') inT = true;
    else if (n === 'rPh') phonetic++;
  });
  p.on('text', (t: string) => {
    if (inT && phonetic === 0) current += t;
  });
  p.on('closetag', (tag: SaxesTagPlain) => {
    const n = local(tag.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') phonetic--;
    else if (n === 'si') strings.push(unescapeOoxml(current));
  });
  p.write(xml).close();
  return strings;
}

function parseSheet(xml: string, shared: readonly string[]): { rows: Cell[][]; merges: MergedArea[] } {
  const rows: Cell[][] = [];
  const merges: MergedArea[] = [];
  const p = parser();
  let rowIndex = -1;
  let row: Cell[] | undefined;
  let colIndex = -1;
  let type = '';
  let value: string | undefined;
  let text = '';
  let capture = false;
  p.on('opentag', (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case 'row': {
        const r = tag.attributes['r'];
        rowIndex = typeof r === 'string' ? Number(r) - 1 : rowIndex + 1;
        row = [];
        colIndex = -1;
        break;
      }
      case 'c': {
        const ref = tag.attributes['r'];
        const at = typeof ref === 'string' ? parseA1(ref) : undefined;
        colIndex = at ? at.col : colIndex + 1;
        type = String(tag.attributes['t'] ?? 'n');
        value = undefined;
        break;
      }
      case 'v':
      case 't':
        capture = true;
        text = '';
        break;
      case 'mergeCell': {
        const ref = String(tag.attributes['ref'] ?? '');
        const [a, b] = ref.split(':');
        const from = a ? parseA1(a) : undefined;
        const to = b ? parseA1(b) : from;
        if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
        break;
      }
    }
  });
  p.on('text', (t: string) => {
    if (capture) text += t;
  });
  p.on('closetag', (tag: SaxesTagPlain) => {
    switch (local(tag.name)) {
      case 'v':
      case 't':
        capture = false;
        value = value === undefined ? text : value + text;
        break;
      case 'c':
        if (row && value !== undefined) {
          while (row.length < colIndex) row.push(null);
          row[colIndex] = cellValue(type, value, shared);
        }
        break;
      case 'row':
        if (row && row.length > 0 && rowIndex >= 0) {
          while (rows.length < rowIndex) rows.push([]);
          rows[rowIndex] = row;
        }
        row = undefined;
        break;
    }
  });
  p.write(xml).close();
  return { rows, merges };
}

/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (a pasted CR in a header is `_x000D_`;
 * a literal `_x0041_` is itself escaped as `_x005F_x0041_`).
 */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function cellValue(type: string, raw: string, shared: readonly string[]): Cell {
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'str':
    case 'inlineStr':
      return unescapeOoxml(raw);
    case 'd':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return { kind: 'error', code: raw };
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}
