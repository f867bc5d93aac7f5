/**
 * Body rows of Excel tables written straight into the package. ExcelJS renders the header,
 * the table definition and a few empty *sample rows* whose cells carry every style the body
 * needs; here the sample rows are replaced by the real rows, generated as XML text while the
 * package is zipped (the body never exists as one string or one object model).
 */
import { a1, columnLetters, parseA1 } from '../../../core/grid';
import type { OutValue } from '../../../core/output-model';
import { isoToSerial } from '../../../core/serial-date';
import { XlsxPartError } from '../package/errors';
import { readPart, requirePart, worksheetPath, writePart } from '../package/parts';
import type { XmlPart } from '../package/xml-edit';
import { XmlByteWriter } from '../package/xml-bytes';
import type { StreamedPart, XlsxParts } from '../package/zip';

export interface TableBodySpec {
  readonly sheet: string;
  /** The Excel table's name as written by ExcelJS. */
  readonly table: string;
  /** Header row and first column, 0-based. */
  readonly row: number;
  readonly col: number;
  readonly width: number;
  readonly rows: readonly (readonly OutValue[])[];
  /**
   * Per column, the style keys of its body cells in order of first use; sample row `k`
   * (sheet row `row + 2 + k`, 1-based) carries the style of key `k` in that column.
   */
  readonly sampleKeys: readonly (readonly string[])[];
  /** The style key of a non-empty body cell in column `c`. */
  readonly keyOf: (value: OutValue, c: number) => string;
}

const PLACEHOLDER = '<!--LeiKaMonitor:body-->';


/** Whether Excel needs `xml:space="preserve"` to keep the text as it is. */
function needsPreserve(s: string): boolean {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first <= 32 || last <= 32 || s.includes('\n');
}

/** Writes the body rows as UTF-8 XML. Text is always an inline string, never a formula. */
function writeBody(spec: TableBodySpec, styles: readonly ReadonlyMap<string, string>[], emit: (chunk: Uint8Array) => void): void {
  // Per column: `<c r="D` before the row number; per style key: what follows it.
  const open = Array.from({ length: spec.width }, (_, c) => `<c r="${columnLetters(spec.col + c)}`);
  const attr = (s: string): string => (s === '0' ? '' : ` s="${s}"`);
  const tail = styles.map((m) => {
    const by = new Map<string, { text: string; preserved: string; value: string }>();
    for (const [key, s] of m) {
      by.set(key, { text: `"${attr(s)} t="inlineStr"><is><t>`, preserved: `"${attr(s)} t="inlineStr"><is><t xml:space="preserve">`, value: `"${attr(s)}><v>` });
    }
    return by;
  });
  const fallback = { text: '" t="inlineStr"><is><t>', preserved: '" t="inlineStr"><is><t xml:space="preserve">', value: '"><v>' };
  const w = new XmlByteWriter(emit);
  for (let r = 0; r < spec.rows.length; r++) {
    const values = spec.rows[r] ?? [];
    const n = String(spec.row + 2 + r);
    w.ascii('<row r="');
    w.ascii(n);
    w.ascii('">');
    for (let c = 0; c < spec.width; c++) {
      const value = values[c];
      if (value === undefined || value.kind === 'empty') continue;
      let number: number;
      if (value.kind === 'number') number = value.value;
      else if (value.kind === 'date') number = isoToSerial(value.iso)?.serial ?? Number.NaN;
      else {
        if (value.text === '') continue;
        const t = tail[c]?.get(spec.keyOf(value, c)) ?? fallback;
        w.ascii(open[c] ?? '');
        w.ascii(n);
        w.ascii(needsPreserve(value.text) ? t.preserved : t.text);
        w.text(value.text);
        w.ascii('</t></is></c>');
        continue;
      }
      if (!Number.isFinite(number)) continue;
      w.ascii(open[c] ?? '');
      w.ascii(n);
      w.ascii((tail[c]?.get(spec.keyOf(value, c)) ?? fallback).value);
      w.ascii(String(number));
      w.ascii('</v></c>');
    }
    w.ascii('</row>');
  }
  w.finish();
}

function refOf(spec: TableBodySpec): string {
  const last = spec.row + Math.max(1, spec.rows.length);
  return `${a1(spec.row, spec.col)}:${a1(last, spec.col + spec.width - 1)}`;
}

/** Widens the sheet's `<dimension>` to every body row and column. */
function widenDimension(sheet: XmlPart, spec: TableBodySpec): void {
  const dimension = sheet.child(sheet.root, 'dimension');
  const [from = '', to = from] = (dimension === undefined ? '' : sheet.attribute(dimension, 'ref') ?? '').split(':');
  const start = parseA1(from);
  const end = parseA1(to);
  if (dimension === undefined || start === undefined || end === undefined) return;
  const endCol = Math.max(end.col, spec.col + spec.width - 1);
  const endRow = Math.max(end.row, spec.row + Math.max(1, spec.rows.length));
  sheet.setAttribute(dimension, 'ref', `${a1(start.row, start.col)}:${a1(endRow, endCol)}`);
}

/** Sets the ref of the table named `spec.table` and of its autoFilter to cover every body row. */
function setTableRef(parts: XlsxParts, sheetPath: string, spec: TableBodySpec): void {
  const ref = refOf(spec);
  for (const path of Object.keys(parts)) {
    if (!path.startsWith('xl/tables/') || !path.endsWith('.xml') || path.indexOf('/', 'xl/tables/'.length) >= 0) continue;
    const table = readPart(parts, path);
    if (table === undefined || table.attribute(table.root, 'name') !== spec.table) continue;
    table.setAttribute(table.root, 'ref', ref);
    const filter = table.child(table.root, 'autoFilter');
    if (filter !== undefined) table.setAttribute(filter, 'ref', ref);
    writePart(parts, path, table);
    return;
  }
  throw new XlsxPartError(`table "${spec.table}" of worksheet "${spec.sheet}" (${sheetPath}) not found in the package`);
}

/**
 * Replaces each spec's sample rows by a placeholder for its body, widens the sheet's
 * dimension and the table's ref (and its autoFilter) to every body row. Returns the parts
 * whose body zipXlsxStreamed generates.
 */
export function prepareTableBodies(parts: XlsxParts, specs: readonly TableBodySpec[]): StreamedPart[] {
  return specs.map((spec) => {
    const path = worksheetPath(parts, spec.sheet);
    const sheet = requirePart(parts, path);
    const samples = Math.max(1, ...spec.sampleKeys.map((k) => k.length));
    const first = spec.row + 2;
    const lastSample = first + samples - 1;
    const styles = spec.sampleKeys.map(() => new Map<string, string>());
    const data = sheet.child(sheet.root, 'sheetData');
    const sampleRows = (data === undefined ? [] : sheet.children(data, 'row')).filter((row) => {
      const n = Number(sheet.attribute(row, 'r'));
      return n >= first && n <= lastSample;
    });
    if (sampleRows.length === 0) throw new XlsxPartError(`sample rows of table "${spec.table}" not found in ${path}`);
    sampleRows.forEach((row, i) => {
      const n = Number(sheet.attribute(row, 'r'));
      for (const cell of sheet.children(row, 'c')) {
        const c = (parseA1(sheet.attribute(cell, 'r') ?? '')?.col ?? -1) - spec.col;
        const key = spec.sampleKeys[c]?.[n - first];
        if (key !== undefined) styles[c]?.set(key, sheet.attribute(cell, 's') ?? '0');
      }
      sheet.replace(row, i === 0 ? PLACEHOLDER : '');
    });
    spec.sampleKeys.forEach((keys, c) => {
      for (const key of keys) if (!styles[c]?.has(key)) throw new XlsxPartError(`no sample cell for style "${key}" in column ${c} of table "${spec.table}"`);
    });
    widenDimension(sheet, spec);
    writePart(parts, path, sheet);
    setTableRef(parts, path, spec);
    return { path, placeholder: PLACEHOLDER, write: (emit) => writeBody(spec, styles, emit) };
  });
}
