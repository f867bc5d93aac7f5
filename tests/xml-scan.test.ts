import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { readXlsx } from '../src/adapters/xlsx/reader';
import * as nodeScan from '../src/adapters/xlsx/reader/xml-scan';
import type { XmlHandler } from '../src/adapters/xlsx/reader/xml-scan';
import { filledCells } from './support/grid-cells';

/** What a handler sees of a document: names, every attribute decoded, and the text between tags joined. */
function events(chunks: readonly Uint8Array[], scan: typeof nodeScan = nodeScan): string[] {
  const { XmlScanner, attribute, eachAttribute, textOf, utf8 } = scan;
  const out: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') out.push(`text ${text}`);
    text = '';
  };
  const handler: XmlHandler = {
    capture: { text: true },
    open(name, s, from, to) {
      flush();
      const attrs: string[] = [];
      eachAttribute(s, from, to, (ns, ne, vs, ve) => attrs.push(`${utf8(s, ns, ne)}=${textOf(s, vs, ve, false)}`));
      out.push(`open ${name} ${attrs.join(' ')} id=${attribute(s, from, to, 'id') ?? '-'}`);
    },
    close(name) {
      flush();
      out.push(`close ${name}`);
    },
    text(s, from, to, cdata) {
      text += textOf(s, from, to, cdata);
    },
  };
  const scanner = new XmlScanner(handler);
  chunks.forEach((chunk, i) => scanner.feed(chunk, i === chunks.length - 1));
  flush();
  return out;
}

const DOCUMENT =
  '\ufeff<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="urn:x" id="a&amp;b"><!-- Kommentar > mit <Zeichen> -->' +
  '<si><t xml:space="preserve"> Gebühr für Ämter: 5 € &lt;&#x1D11E;&gt; </t></si>' +
  '<si><r><t>Fett</t></r><r><t><![CDATA[ & <roh> ]]></t></r><rPh><t>フリガナ</t></rPh></si>' +
  '<c r="B7" t="s" title=\'a > b\'><v>17</v></c><empty/></x:sst>';

describe('XML scanner on bytes', () => {
  it('reports the same names, attributes and text however the bytes are cut into chunks', () => {
    const bytes = strToU8(DOCUMENT);
    const whole = events([bytes]);
    expect(whole).toContain('text  Gebühr für Ämter: 5 € <\u{1D11E}> ');
    expect(whole).toContain('text  & <roh> ');
    expect(whole).toContain("open c r=B7 t=s title=a > b id=-");
    // the byte-order mark is text before the first tag (a handler that captures everything sees it)
    expect(whole.slice(0, 2)).toEqual(['text \ufeff', 'open sst xmlns:x=urn:x id=a&b id=a&b']);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(events([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    }
  });

  it('decodes the same texts where there is no Node Buffer (the browser)', () => {
    const { getBuiltinModule } = process;
    let browserScan: typeof nodeScan | undefined;
    try {
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
      jest.isolateModules(() => {
        browserScan = jest.requireActual<typeof nodeScan>('../src/adapters/xlsx/reader/xml-scan');
      });
    } finally {
      process.getBuiltinModule = getBuiltinModule;
    }
    const long = `<t>${'Lange Zeile ohne Umlaut '.repeat(5)}</t><t>${'x'.repeat(47)}ä</t><t>\u00ff\u0080</t>`;
    const bytes = strToU8(DOCUMENT.replace('<empty/>', long));
    expect(events([bytes], browserScan)).toEqual(events([bytes]));
    expect(browserScan!.utf8(new Uint8Array([0x61, 0xff, 0x62]), 0, 3)).toBe('a\ufffdb');
  });

  it('reads any document cut into any pieces as it reads it whole', () => {
    const bytes = strToU8(DOCUMENT);
    const whole = events([bytes]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        expect(events(at.slice(1).map((end, i) => bytes.subarray(at[i], end)))).toEqual(whole);
      }),
    );
  });
});

function sheetWith(cells: string, rows = `<row r="1">${cells}</row>`): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>null</t></si><si><t>eins</t></si><si><t>zwölf</t></si></sst>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`),
  });
}

describe('cell values read from the bytes', () => {
  it('reads a value written in pieces, as CDATA or with character references as the whole value', () => {
    const wb = readXlsx(
      sheetWith(
        '<c r="A1"><v>1<!-- geteilt -->2</v></c><c r="B1"><v><![CDATA[7]]></v></c><c r="C1"><v>&#49;5</v></c>' +
          '<c r="D1" t="s"><v>&#50;</v></c><c r="E1" t="s"><v>1</v><v/></c><c r="F1"><v> 5 </v></c><c r="G1" t="b"><v>1</v></c>',
      ),
    );
    expect(filledCells(wb.sheets[0]!)).toEqual({ A1: 12, B1: 7, C1: 15, D1: 'zwölf', E1: 'eins', F1: 5, G1: true });
  });

  it('keeps every cell of a row written in two parts, with gaps, or reaching column XFD', () => {
    const wb = readXlsx(
      sheetWith(
        '',
        '<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row><row r="3"><c r="B3"><v>3</v></c></row>' +
          '<row r="2"><c r="XFD2"><v>2</v></c></row><row r="1"><c r="C1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>7</v></c></row>',
      ),
    );
    const rows = wb.sheets[0]!.rows;
    expect(filledCells(wb.sheets[0]!)).toEqual({ A1: 1, C1: 'eins', E1: 5, A2: 7, XFD2: 2, B3: 3 });
    expect(rows[1]![0]).toBe(7);
    expect(rows[0]!.length).toBe(5);
    expect(rows[2]!.length).toBe(2);
    // a row left open by the next row (broken XML) lends it none of its cells
    const broken = readXlsx(sheetWith('', '<row r="1"><c r="A1"><v>1</v></c><row r="2"><c r="B2"><v>2</v></c></row>'));
    expect(filledCells(broken.sheets[0]!)).toEqual({ B2: 2 });
  });

  it('reads every number as JavaScript reads its text, however it is written', () => {
    const decimal = fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,18}$/), fc.option(fc.stringMatching(/^[0-9]{0,18}$/)), fc.option(fc.integer({ min: -30, max: 30 })));
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 8 }), (numbers) => {
        const written = numbers.map(([minus, int, frac, exp]) => `${minus ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : `E${exp}`}`);
        const wb = readXlsx(sheetWith(written.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${v}</v></c>`).join('')));
        expect(wb.sheets[0]!.rows[0]).toEqual(written.map(Number));
      }),
    );
  });
});

describe('cells and shared strings read in one step or event by event', () => {
  /**
   * A large sheet of every cell form and shared-string form, with the value each must read as.
   * The common forms are read in one step where they stand whole in a chunk, the rest event by
   * event; without Node's zlib (the browser) fflate hands the parts over in pieces, so items
   * are cut at many places and read event by event. Both must read every cell as written.
   */
  function workbook(): { bytes: Uint8Array; expected: Record<string, unknown> } {
    const strings: string[] = [];
    const texts: string[] = [];
    const string = (xml: string, text: string): number => (strings.push(`<si>${xml}</si>`), texts.push(text)) - 1;
    const expected: Record<string, unknown> = {};
    const rows: string[] = [];
    // numbers that pack poorly, so that the compressed sheet spans many of the reader's input steps
    let seed = 7;
    const random = (): number => (seed = (seed * 48271) % 2147483647);
    for (let r = 1; r <= 4000; r++) {
      const k = random();
      const forms: [string, unknown][] = [
        [`t="s"><v>${string(`<t>Text ${k}</t>`, `Text ${k}`)}</v>`, `Text ${k}`],
        [`><v>${k}</v>`, k],
        [`t="s"><v> ${string(`<t xml:space="preserve"> Text ${k} </t>`, ` Text ${k} `)} </v>`, ` Text ${k} `],
        [`><f>1+1</f><v>${k / 8}</v>`, k / 8],
        [`t="inlineStr"><is><t>inline ${k}</t></is>`, `inline ${k}`],
        [`t="str"><v>a &amp; ${k}</v>`, `a & ${k}`],
        [`t="b"><v>1</v>`, true],
        [`t="s"><v>${string(`<r><t>Fett</t></r><r><t> ${k}</t></r>`, `Fett ${k}`)}</v><v/>`, `Fett ${k}`],
        [`t="e"><v>#N/A</v>`, { kind: 'error', code: '#N/A' }],
        [`t="s">\n<v>${string(`<t>Kanji ${k}</t><rPh><t>フリ</t></rPh>`, `Kanji ${k}`)}</v>\n`, `Kanji ${k}`],
        [`t="s"><v>${string(`<t>a &lt; b ä ${k}_x000D_</t>`, `a < b ä ${k}\r`)}</v>`, `a < b ä ${k}\r`],
      ];
      const cells = forms.map(([xml, value], c) => {
        const ref = `${String.fromCharCode(65 + c)}${r}`;
        expected[ref] = value;
        return `<c r="${ref}" ${xml}</c>`;
      });
      rows.push(`<row r="${r}">${cells.join('')}</row>`);
    }
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
      'xl/sharedStrings.xml': strToU8(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.join('')}</sst>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`),
    });
    return { bytes, expected };
  }

  it('reads every form as written, whole in one chunk (Node) and cut into pieces (browser)', () => {
    const { bytes, expected } = workbook();
    // more than a few of the reader's 64 KiB input steps: the parts reach the browser's reader in pieces
    expect(bytes.length).toBeGreaterThan(4 << 16);
    expect(filledCells(readXlsx(bytes).sheets[0]!)).toEqual(expected);
    const { getBuiltinModule } = process;
    let browserRead: typeof readXlsx | undefined;
    try {
      (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
      jest.isolateModules(() => {
        browserRead = jest.requireActual<{ readXlsx: typeof readXlsx }>('../src/adapters/xlsx/reader').readXlsx;
      });
    } finally {
      process.getBuiltinModule = getBuiltinModule;
    }
    expect(filledCells(browserRead!(bytes).sheets[0]!)).toEqual(expected);
  });
});
