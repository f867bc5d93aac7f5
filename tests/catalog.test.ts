import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'csv-parse/sync';
import type { Cell } from '../src/core/grid';
import {
  CatalogFormatError,
  decodeCatalogBytes,
  detectDelimiter,
  parseCatalogCsv,
  parseCatalogGrid,
  parseCatalogWorkbook,
  parseCsv,
} from '../src/core/catalog';

const CATALOG_PATH = join(__dirname, '..', '..', 'shared', 'leika', 'leika_ozg_catalog_nrw_2019.csv');
const FILE = 'leika_ozg_catalog_nrw_2019.csv';
const bytes = new Uint8Array(readFileSync(CATALOG_PATH));

/** Windows-1252 bytes of a text (what Excel writes as „CSV (Trennzeichen-getrennt)“). */
function encode1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Uint8Array.from([...text].map((ch) => high[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

describe('the shared LeiKa extract (UTF-8, `;`)', () => {
  const result = parseCatalogCsv(bytes, FILE);

  it('reads 5,251 rows: 4,813 services, 436 without key, 2 malformed keys', () => {
    expect(result.stats).toEqual({ rows: 5251, entries: 4813, withoutKey: 436, invalidKey: 2, duplicateKey: 0 });
    expect(result.catalog.entries.size).toBe(4813);
    expect(result.catalog.source).toBe(FILE);
  });

  it('reports each malformed key on its key cell, in German', () => {
    expect(result.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['INVALID_KEY', FILE, 'A5251'],
      ['INVALID_KEY', FILE, 'A5252'],
    ]);
    expect(result.findings[0]!.message).toContain('„25323525“');
    expect(result.findings[0]!.message).toContain('kein gültiger LeiKa-Schlüssel');
  });

  it('keeps every column of a service', () => {
    expect(result.catalog.entries.get('99012001000000')).toEqual({
      key: '99012001000000',
      name: 'Abbruchgenehmigung',
      typ: '4',
      ozgId: '10513',
      ozgLeistung: 'Abbruchgenehmigung',
      lebenslage: 'Bauen & Immobilien',
      themenfeld: 'Bauen & Wohnen',
    });
    expect(result.catalog.entries.get('99067004000000')?.name).toBe('Jagdschein');
  });

  it('reads a quoted name holding `;` as one cell', () => {
    const row = parseCsv(decodeCatalogBytes(bytes))[2701]!;
    expect(row).toHaveLength(8);
    expect(row[0]).toBe('nicht im LeiKa');
    expect(row[1]).toMatch(/^Gewerblicher Rechtsschutz: Antrag .*\(Grenzbeschlagnahme\); Verfahren nach der VO/);
    expect(row[7]).toBe('Steuern & Zoll');
  });

  it('splits the file exactly as csv-parse does', () => {
    const reference = parse(readFileSync(CATALOG_PATH), { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
    const ours = parseCsv(decodeCatalogBytes(bytes));
    expect(ours.map((r) => r.map((c) => c ?? ''))).toEqual(reference);
  });
});

describe('variants of the export', () => {
  const text = decodeCatalogBytes(bytes);
  const expected = parseCatalogCsv(bytes, FILE);

  it('reads a Windows-1252 export the same way', () => {
    const cp1252 = encode1252(text);
    expect(cp1252.length).toBeLessThan(bytes.length);
    expect(decodeCatalogBytes(cp1252)).toBe(text);
    const result = parseCatalogCsv(cp1252, FILE);
    expect(result.stats).toEqual(expected.stats);
    expect(result.catalog.entries).toEqual(expected.catalog.entries);
  });

  it('reads a `,`-delimited export the same way', () => {
    const quote = (c: Cell): string => {
      const s = c === null ? '' : String(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const commaText = parseCsv(text, ';')
      .map((r) => r.map(quote).join(','))
      .join('\r\n');
    expect(detectDelimiter(commaText)).toBe(',');
    const result = parseCatalogCsv(utf8(commaText), FILE);
    expect(result.stats).toEqual(expected.stats);
    expect(result.catalog.entries).toEqual(expected.catalog.entries);
    expect(result.findings).toEqual(expected.findings);
  });

  it('reads a UTF-8 export with BOM and a UTF-16 export (Excel „Unicode-Text“)', () => {
    expect(decodeCatalogBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Schlüssel;Bezeichnung')]))).toBe('Schlüssel;Bezeichnung');
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'Schlüssel\tTyp'].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeCatalogBytes(utf16)).toBe('Schlüssel\tTyp');
    expect(detectDelimiter('Schlüssel\tTyp')).toBe('\t');
  });

  it('tells UTF-8 from Windows-1252 by the bytes', () => {
    expect(decodeCatalogBytes(utf8('Gebühr – Straße'))).toBe('Gebühr – Straße');
    expect(decodeCatalogBytes(Uint8Array.from([0x47, 0x65, 0x62, 0xfc, 0x68, 0x72, 0x20, 0x96, 0x20, 0x80]))).toBe('Gebühr – €');
  });
});

describe('CSV parsing', () => {
  it('reads quoted delimiters, doubled quotes, line breaks and CRLF', () => {
    expect(parseCsv('a;b\r\n"x;y";"sagt ""ja"""\r\n"zwei\nZeilen";\r\n', ';')).toEqual([
      ['a', 'b'],
      ['x;y', 'sagt "ja"'],
      ['zwei\nZeilen', null],
    ]);
  });

  it('picks `;` over `,` when the header has both equally often', () => {
    expect(detectDelimiter('Schlüssel;Bezeichnung, kurz\n1,2,3')).toBe(';');
  });
});

describe('catalogue given as a grid (XLSX)', () => {
  const grid: Cell[][] = [
    ['Leistungskatalog, Stand 2024', null],
    [],
    ['LeiKa-Schlüssel', 'Bezeichnung', 'Typisierung', 'OZG-ID', 'OZG-Leistung', 'Lebenslage', 'Themenfeld'],
    [99067004000000, 'Jagdschein', '2/3', 10001, 'Jagdschein', 'Freizeit', 'Freizeit & Sport'],
    ['99 067 004 001 000', 'Jagdschein\r\nErteilung ', '2/3', null, null, null, null],
    ['nicht im LeiKa', 'Angelkarte', '1', null, null, null, null],
    [null, null, null, null, null, null, null],
    ['99067004-001000', 'Jagdschein\nErteilung (doppelt)', null, null, null, null, null],
    ['9,9067E+13', 'Waffenschein', null, null, null, null, null],
  ];

  it('finds the header by aliases below a title and reads typed cells', () => {
    const { catalog, stats } = parseCatalogGrid(grid, 'LeiKa-Katalog');
    expect(stats).toEqual({ rows: 5, entries: 2, withoutKey: 1, invalidKey: 1, duplicateKey: 1 });
    expect(catalog.entries.get('99067004000000')).toMatchObject({ typ: '2/3', ozgId: '10001', themenfeld: 'Freizeit & Sport' });
    expect(catalog.entries.get('99067004001000')?.name).toBe('Jagdschein Erteilung');
  });

  it('gives the later duplicate and the scientific-notation key a finding each', () => {
    const { findings } = parseCatalogGrid(grid, 'LeiKa-Katalog');
    expect(findings.map((f) => [f.severity, f.code, f.sheet, f.cell])).toEqual([
      ['warning', 'DUPLICATE_KEY', 'LeiKa-Katalog', 'A8'],
      ['error', 'INVALID_KEY', 'LeiKa-Katalog', 'A9'],
    ]);
    expect(findings[0]!.message).toContain('A5');
  });

  it('accepts the export column names leika_schluessel, leika_bezeichnung, leika_typ', () => {
    const { catalog } = parseCatalogGrid(
      [
        ['leika_schluessel', 'leika_bezeichnung', 'leika_typ', 'ozg_id', 'ozg_leistung'],
        ['99067004000000', 'Jagdschein', '2/3', '10001', 'Jagdschein'],
      ],
      'x.csv',
    );
    expect(catalog.entries.get('99067004000000')).toMatchObject({ name: 'Jagdschein', typ: '2/3', ozgId: '10001', lebenslage: '' });
  });

  it('takes the first visible sheet with a catalogue header of a workbook', () => {
    const sheet = (name: string, rows: Cell[][], visibility: 'visible' | 'hidden' = 'visible') => ({ name, visibility, rows, merges: [] });
    const { catalog } = parseCatalogWorkbook(
      { sheets: [sheet('Hinweise', [['Dieser Export …']]), sheet('Alt', grid, 'hidden'), sheet('Leistungen', grid.slice(2, 4))], definedNames: [] },
      'leika.xlsx',
    );
    expect(catalog.source).toBe('Leistungen');
    expect(catalog.entries.size).toBe(1);
  });

  it('refuses a file without catalogue header', () => {
    expect(() => parseCatalogGrid([['Amt', 'Status']], 'liste.csv')).toThrow(CatalogFormatError);
    expect(() => parseCatalogGrid([['Amt', 'Status']], 'liste.csv')).toThrow(/„liste\.csv“ ist kein LeiKa-Katalog/);
  });
});
