/**
 * Package parts the report writer edits after ExcelJS (hyperlinks, relationships, table
 * bodies, charts) are edited as parsed XML: values with markup characters survive, and an
 * ExcelJS that writes the same XML a little differently does not break the edit.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { buildOutputSheets } from '../src/core/outputs';
import { sheetRef } from '../src/core/sheet-ref';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import { addHyperlinks } from '../src/adapters/xlsx/writer/links';
import { addColumnCharts, type ColumnChartSpec } from '../src/adapters/xlsx/writer/chart';
import { prepareTableBodies, type TableBodySpec } from '../src/adapters/xlsx/writer/table-body';
import { XlsxPartError } from '../src/adapters/xlsx/package/errors';
import { XmlPart } from '../src/adapters/xlsx/package/xml-edit';
import type { XlsxParts } from '../src/adapters/xlsx/package/zip';
import { FINDINGS, publishedAnalysis } from './contract/fixtures';

interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Names of the ancestors, root first. */
  readonly path: readonly string[];
}

/** Every element of `xml` in document order, read with an XML parser (which refuses malformed XML). */
function elements(xml: string): Element[] {
  const parser = new SaxesParser({ xmlns: false });
  const out: Element[] = [];
  const path: string[] = [];
  parser.on('opentag', (tag) => {
    out.push({ name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, path: [...path] });
    path.push(tag.name);
  });
  parser.on('closetag', () => path.pop());
  parser.write(xml).close();
  return out;
}

function named(xml: string, name: string): Element[] {
  return elements(xml).filter((e) => e.name === name);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A package of one worksheet named `sheet` at xl/worksheets/sheet1.xml, parts as given. */
function pack(sheet: string, sheetXml: string, more: Record<string, string> = {}): XlsxParts {
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet r:id='rId7' sheetId="1" name="${sheet.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_REL}"><Relationship Target="worksheets/sheet1.xml" Type="${REL}/worksheet" Id="rId7"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
    ...more,
  };
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)]));
}

/** A chart of one series over A2:A3 (categories) and B1:B3 (name and values) of `sheet`. */
function chartOn(sheet: string, title: string, categories: [string, string], series: string): ColumnChartSpec {
  const q = sheetRef(sheet, '');
  return {
    sheet,
    title,
    categoriesRef: `${q}$A$2:$A$3`,
    categories,
    series: [{ nameRef: `${q}$B$1`, name: series, valuesRef: `${q}$B$2:$B$3`, values: [1, 2] }],
    from: { row: 0, col: 3 },
    to: { row: 10, col: 9 },
  };
}

const text = (parts: XlsxParts, path: string): string => strFromU8(parts[path] ?? new Uint8Array());

describe('report workbook: values with markup characters', () => {
  const tricky = `Amt "Nord" & <Süd>'s`;
  const file = "Müller & Söhne's Übersicht #1.xlsx";
  let xml: Record<string, string>;
  beforeAll(async () => {
    const findings = FINDINGS.map((f) => (f.sheet === 'Gesundheitsamt' ? { ...f, sheet: tricky } : f));
    const sheets = buildOutputSheets(publishedAnalysis({ findings }), { evaluatedAt: '2025-03-05' });
    const bytes = await writeReportWorkbook(sheets, { sourceFileName: file });
    xml = Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([k]) => /\.(xml|rels)$/.test(k)).map(([k, v]) => [k, strFromU8(v)]));
    expect(readXlsx(bytes).sheets.map((s) => s.name)).toEqual(['Monitoring', 'Prüfhinweise', 'Gesamtliste']);
  });

  it('writes every part as well-formed XML', () => {
    for (const content of Object.values(xml)) expect(() => elements(content)).not.toThrow();
  });

  it('links a finding in a sheet named with quotes, ampersand, angle brackets and an apostrophe to that sheet of that file', () => {
    const [sheetPath, sheetXml] = Object.entries(xml).find(([, c]) => c.includes('<hyperlinks>')) ?? ['', ''];
    const link = named(sheetXml, 'hyperlink').find((h) => h.attributes['location'] === sheetRef(tricky, 'D17'));
    expect(link?.attributes['location']).toBe(`'Amt "Nord" & <Süd>''s'!D17`);
    const rels = named(xml[sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels'] ?? '', 'Relationship');
    const rel = rels.find((r) => r.attributes['Id'] === link?.attributes['r:id']);
    expect(rel?.attributes).toMatchObject({ Target: "Müller%20&%20Söhne's%20Übersicht%20%231.xlsx", TargetMode: 'External', Type: `${REL}/hyperlink` });
  });
});

describe('editing parts ExcelJS wrote differently', () => {
  it('adds the links to an existing <hyperlinks > element instead of writing a second one', () => {
    const parts = pack(
      'Prüfhinweise',
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/><hyperlinks ><hyperlink ref="A1" location="'X'!A1"/></hyperlinks ><pageMargins left="0.7"/></worksheet>`,
    );
    addHyperlinks(parts, [{ sheet: 'prüfhinweise', ref: 'B2', location: "'Y & Z'!C3" }]);
    const sheet = elements(text(parts, 'xl/worksheets/sheet1.xml'));
    expect(sheet.filter((e) => e.name === 'hyperlinks')).toHaveLength(1);
    expect(sheet.filter((e) => e.name === 'hyperlink').map((e) => e.attributes['location'])).toEqual(["'X'!A1", "'Y & Z'!C3"]);
  });

  it('puts a new <hyperlinks> where the schema wants it, before pageMargins and after conditional formatting', () => {
    const parts = pack(
      'S',
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1"/></sheetData><conditionalFormatting sqref="A1"/><pageMargins left="0.7"/><tableParts count="0"/></worksheet>`,
    );
    addHyperlinks(parts, [{ sheet: 'S', ref: 'A1', location: "'S'!B1", file: 'a b.xlsx' }]);
    const top = elements(text(parts, 'xl/worksheets/sheet1.xml')).filter((e) => e.path.length === 1).map((e) => e.name);
    expect(top).toEqual(['sheetData', 'conditionalFormatting', 'hyperlinks', 'pageMargins', 'tableParts']);
  });

  it('adds a relationship to a relationships part written as an empty element', () => {
    const parts = pack('S', `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/></worksheet>`, {
      'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="${PKG_REL}"/>`,
    });
    addHyperlinks(parts, [{ sheet: 'S', ref: 'A1', location: "'S'!B1", file: 'Quelle.xlsx' }]);
    const rel = named(text(parts, 'xl/worksheets/_rels/sheet1.xml.rels'), 'Relationship');
    const link = named(text(parts, 'xl/worksheets/sheet1.xml'), 'hyperlink')[0];
    expect(rel.map((r) => [r.attributes['Id'], r.attributes['Target']])).toEqual([[link?.attributes['r:id'], 'Quelle.xlsx']]);
  });

  it('declares the relationships namespace on a worksheet that lacks it before writing r:id', () => {
    const parts = pack('S', `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
    addHyperlinks(parts, [{ sheet: 'S', ref: 'A1', location: "'S'!B1", file: 'Quelle.xlsx' }]);
    const parser = new SaxesParser({ xmlns: true });
    const ids: string[] = [];
    parser.on('opentag', (tag) => {
      for (const a of Object.values(tag.attributes)) if (typeof a !== 'string' && a.uri === REL && a.local === 'id') ids.push(a.value);
    });
    parser.write(text(parts, 'xl/worksheets/sheet1.xml')).close();
    expect(ids).toHaveLength(1);
  });

  it('refuses a second drawing even when the first is written with a prefix', () => {
    const parts = pack('S', `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:x="${MAIN}"><sheetData/><x:drawing r:id="rId1"/></worksheet>`);
    expect(() => addColumnCharts(parts, [chartOn('S', 'T', ['a', 'b'], '2024')])).toThrow(XlsxPartError);
  });

  it('writes a chart whose title, names and categories hold markup characters', () => {
    const parts = pack('Ämter & <Co>', `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/><tableParts count="1"/></worksheet>`);
    addColumnCharts(parts, [chartOn('Ämter & <Co>', 'Status "A" & <B>', ['x < y', "d'Or"], '2024 & mehr')]);
    const chartXml = text(parts, 'xl/charts/chart1.xml');
    const values: string[] = [];
    const parser = new SaxesParser();
    parser.on('text', (t) => values.push(t));
    parser.write(chartXml).close();
    expect(values).toEqual(expect.arrayContaining(['Status "A" & <B>', "'Ämter & <Co>'!$A$2:$A$3", 'x < y', "d'Or", '2024 & mehr']));
    const top = elements(text(parts, 'xl/worksheets/sheet1.xml')).filter((e) => e.path.length === 1).map((e) => e.name);
    expect(top).toEqual(['sheetData', 'drawing', 'tableParts']);
    expect(named(text(parts, '[Content_Types].xml'), 'Override').map((o) => o.attributes['PartName'])).toEqual(['/xl/charts/chart1.xml', '/xl/drawings/drawing1.xml']);
  });

  it('drops characters XML cannot carry from chart text instead of writing a part no reader opens', () => {
    const parts = pack('S', `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/></worksheet>`);
    addColumnCharts(parts, [chartOn('S', 'Stand\u0001 2024\uFFFE', ['a\u0008', 'b'], '2024\uD800')]);
    const values: string[] = [];
    const parser = new SaxesParser();
    parser.on('text', (t) => values.push(t));
    parser.write(text(parts, 'xl/charts/chart1.xml')).close();
    expect(values).toEqual(expect.arrayContaining(['Stand 2024', 'a', '2024']));
  });

  it('finds the sample rows and widens dimension and table ref whatever the attribute order and quotes', () => {
    const sheetXml =
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref='A1:B3' /><sheetData>` +
      `<row spans="1:2" r='1'><c t="s" r="A1"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
      `<row r="2" spans='1:2'><c s='4' r='A2'/><c r="B2" s="5"/></row>` +
      `</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`;
    const table = `<table xmlns="${MAIN}" ref='A1:B2' displayName="T" name='T' id="1"><autoFilter ref="A1:B2" /><tableColumns count="2"/></table>`;
    const parts = pack('S', sheetXml, { 'xl/tables/table1.xml': table });
    const spec: TableBodySpec = {
      sheet: 'S',
      table: 'T',
      row: 0,
      col: 0,
      width: 2,
      rows: [
        [{ kind: 'text', text: 'a' }, { kind: 'number', value: 1, format: 'integer' }],
        [{ kind: 'text', text: 'b' }, { kind: 'number', value: 2, format: 'integer' }],
        [{ kind: 'text', text: 'c' }, { kind: 'number', value: 3, format: 'integer' }],
      ],
      sampleKeys: [['@'], ['#,##0']],
      keyOf: (_value, c) => (c === 0 ? '@' : '#,##0'),
    };
    const [streamed] = prepareTableBodies(parts, [spec]);
    const chunks: Uint8Array[] = [];
    streamed?.write((chunk) => chunks.push(chunk.slice()));
    const body = chunks.map((c) => strFromU8(c)).join('');
    const written = text(parts, 'xl/worksheets/sheet1.xml').replace(streamed?.placeholder ?? '', body);
    const cells = named(written, 'c').map((c) => [c.attributes['r'], c.attributes['s'] ?? '0']);
    expect(cells).toEqual([
      ['A1', '0'],
      ['B1', '0'],
      ['A2', '4'],
      ['B2', '5'],
      ['A3', '4'],
      ['B3', '5'],
      ['A4', '4'],
      ['B4', '5'],
    ]);
    expect(named(written, 'dimension')[0]?.attributes['ref']).toBe('A1:B4');
    const tableXml = text(parts, 'xl/tables/table1.xml');
    expect(named(tableXml, 'table')[0]?.attributes).toMatchObject({ ref: 'A1:B4', name: 'T', displayName: 'T', id: '1' });
    expect(named(tableXml, 'autoFilter')[0]?.attributes['ref']).toBe('A1:B4');
  });
});

describe('XmlPart', () => {
  it('leaves the text it does not edit as it was, byte for byte', () => {
    const source = `<?xml version="1.0"?>\r\n<a  x = 'one'  ><!-- note --><b/>\r\n<c>t&amp;<![CDATA[<raw>]]></c></a>`;
    const part = new XmlPart(source, 'test.xml');
    const b = part.child(part.root, 'b');
    if (b === undefined) throw new Error('no b');
    part.insertBefore(b, '<new/>');
    expect(part.toString()).toBe(source.replace('<b/>', '<new/><b/>'));
  });

  it('escapes a set attribute value and keeps it through a parser, tab and line feed included', () => {
    const part = new XmlPart('<a><b ref="A1"/></a>', 'test.xml');
    const b = part.child(part.root, 'b');
    if (b === undefined) throw new Error('no b');
    const value = `x < y & "z" 'w'\tv\nu`;
    part.setAttribute(b, 'ref', value);
    expect(named(part.toString(), 'b')[0]?.attributes['ref']).toBe(value);
  });

  it('appends to an element written as an empty-element tag', () => {
    const part = new XmlPart('<a><list n="1"/></a>', 'test.xml');
    const list = part.child(part.root, 'list');
    if (list === undefined) throw new Error('no list');
    part.append(list, '<item/>');
    part.append(list, '<item/>');
    expect(part.toString()).toBe('<a><list n="1"><item/><item/></list></a>');
  });

  it('refuses malformed XML with the part named, instead of patching it', () => {
    expect(() => new XmlPart('<a><b></a>', 'xl/worksheets/sheet9.xml')).toThrow(/xl\/worksheets\/sheet9\.xml/);
  });
});
