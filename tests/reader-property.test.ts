/*
 * Property tests of the reader on random sheet XML (bounded sizes): a random grid written the
 * ways writers do (with or without references, prefixed elements, inline or shared strings,
 * CDATA, character references) reads back as exactly that grid; random hostile additions
 * (references beyond Excel's sheet, huge merged areas, garbage) end in a WorkbookError or a
 * grid within the limits — never another exception, never memory beyond the limits.
 */
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { a1, type Cell } from '../src/core/grid';
import { WorkbookError } from '../src/port/workbook-port';
import { filledCells } from './support/grid-cells';
import { escapeXml } from '../src/core/markup';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function pack(sheetXml: string, sharedStrings?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  };
  if (sharedStrings) files['xl/sharedStrings.xml'] = strToU8(sharedStrings);
  return zipSync(files);
}

const charRefs = (t: string): string => Array.from(t, (ch) => `&#${ch.codePointAt(0)!};`).join('');

/** Texts a user types: letters, umlauts, punctuation XML must escape, no leading/trailing `_x`. */
const text = fc.string({ unit: fc.constantFrom(...'abcXYZ äöüß€&<>"\'-–/1'.split('')), minLength: 1, maxLength: 12 }).filter((t) => !t.includes('_x'));
const value: fc.Arbitrary<Cell> = fc.oneof(text, fc.integer({ min: -1e6, max: 1e9 }), fc.boolean(), fc.constantFrom<Cell>({ kind: 'error', code: '#N/A' }));
const cellsArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 }), value), { selector: ([r, c]) => `${r}:${c}`, maxLength: 60 });
const style = fc.record({ refs: fc.boolean(), prefix: fc.constantFrom('', 'x:'), strings: fc.constantFrom('inline', 'shared', 'cdata', 'charrefs') });

function render(cells: [number, number, Cell][], s: { refs: boolean; prefix: string; strings: string }): { xml: string; sst?: string } {
  const p = s.prefix;
  const shared: string[] = [];
  const byRow = new Map<number, [number, Cell][]>();
  for (const [r, c, v] of [...cells].sort((a, b) => a[0] - b[0] || a[1] - b[1])) byRow.set(r, [...(byRow.get(r) ?? []), [c, v]]);
  let body = '';
  for (const [r, row] of byRow) {
    body += `<${p}row r="${r + 1}">`;
    let next = 0;
    for (const [c, v] of row) {
      // without references, a writer fills the gap with empty cells
      if (!s.refs) for (; next < c; next++) body += `<${p}c/>`;
      next = c + 1;
      const ref = s.refs ? ` r="${a1(r, c)}"` : '';
      if (typeof v === 'string') {
        if (s.strings === 'shared') {
          shared.push(`<si><t xml:space="preserve">${escapeXml(v)}</t></si>`);
          body += `<${p}c${ref} t="s"><${p}v>${shared.length - 1}</${p}v></${p}c>`;
        } else {
          const t = s.strings === 'cdata' && !v.includes(']]>') ? `<![CDATA[${v}]]>` : s.strings === 'charrefs' ? charRefs(v) : escapeXml(v);
          body += `<${p}c${ref} t="inlineStr"><${p}is><${p}t xml:space="preserve">${t}</${p}t></${p}is></${p}c>`;
        }
      } else if (typeof v === 'number') body += `<${p}c${ref}><${p}v>${v}</${p}v></${p}c>`;
      else if (typeof v === 'boolean') body += `<${p}c${ref} t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
      else if (v !== null) body += `<${p}c${ref} t="e"><${p}v>${escapeXml(v.code)}</${p}v></${p}c>`;
    }
    body += `</${p}row>`;
  }
  const ns = p ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  return {
    xml: `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`,
    ...(shared.length > 0 ? { sst: `<sst xmlns="${MAIN}">${shared.join('')}</sst>` } : {}),
  };
}

describe('reader properties', () => {
  it('reads a random grid back exactly as written, however the writer wrote it', () => {
    fc.assert(
      fc.property(cellsArb, style, (cells, s) => {
        const { xml, sst } = render(cells, s);
        const got = filledCells(readXlsx(pack(xml, sst)).sheets[0]!);
        const want = Object.fromEntries(cells.filter(([, , v]) => v !== '').map(([r, c, v]) => [a1(r, c), v]));
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  const hostile = fc.oneof(
    fc.constantFrom(
      '<row r="1048577"><c><v>1</v></c></row>',
      '<row r="99999999999999999999"/>',
      '<row r="-1"/>',
      '<row><c r="XFE1"><v>1</v></c></row>',
      '<row><c r="A0"><v>1</v></c></row>',
      '<row><c r="1A"><v>1</v></c></row>',
      '<row r="3"><c r="XFD3"><v>1</v></c></row>',
      '<row r="1048576"><c r="XFD1048576" t="s"><v>7</v></c></row>',
      '<row><c t="s"><v>-1</v></c><c t="s"><v>1e99</v></c><c t="b"><v>x</v></c><c t="d"><v>kein Datum</v></c></row>',
      '<row><c><v>&unknown;&#0;&#x110000;</v></c></row>',
      '<!-- <row r="1048577"/> --><row><c t="inlineStr"><is><t><![CDATA[</t></is>]]></t></is></c></row>',
      '<row><c><v>1</v>',
      '<row><c r="A1" t="inlineStr"><is><t>x</t></is><v>y</v></c></row>',
    ),
    fc.string({ maxLength: 40 }),
  );
  const merge = fc.oneof(fc.constantFrom('A1:XFD1048576', 'B2:A1', 'A1:XFE1', 'A1:A1048577', 'C3', 'Z:Z', ''), fc.string({ maxLength: 12 }));

  it('ends every hostile sheet in a WorkbookError or a grid within the limits', () => {
    fc.assert(
      fc.property(cellsArb, fc.array(hostile, { maxLength: 4 }), fc.array(merge, { maxLength: 3 }), (cells, extra, merges) => {
        const { xml } = render(cells, { refs: true, prefix: '', strings: 'inline' });
        const mergeXml = merges.length ? `<mergeCells>${merges.map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join('')}</mergeCells>` : '';
        const hostileXml = xml.replace('</sheetData>', `${extra.join('')}</sheetData>${mergeXml}`);
        const before = process.memoryUsage().heapUsed;
        try {
          const sheet = readXlsx(pack(hostileXml)).sheets[0]!;
          const refs = Object.keys(filledCells(sheet));
          expect(refs.length).toBeLessThanOrEqual(5_000_000);
          expect(sheet.rows.length).toBeLessThanOrEqual(1_048_576);
          for (const m of sheet.merges) expect(m.bottom < sheet.rows.length && m.top <= m.bottom && m.left <= m.right && m.right < 16_384).toBe(true);
        } catch (error) {
          if (!(error instanceof WorkbookError)) throw error;
          expect(error.message).not.toContain('\n');
        }
        expect(process.memoryUsage().heapUsed - before).toBeLessThan(256 * 1024 * 1024);
      }),
      { numRuns: 300 },
    );
  });
});
