import { readFileSync } from 'fs';
import ExcelJS from 'exceljs';
import { decodeCatalogText, detectDelimiter, parseCsvGrid, readCatalogFile } from '../src/adapters/catalog-file';
import { CatalogFormatError } from '../src/core/catalog';
import type { Cell } from '../src/core/grid';
import { WorkbookError } from '../src/port/workbook-port';
import { SHARED_CATALOG } from './support/requirements';

/* The shared extract is read from ../shared at test time, never copied into the project. */
const FILE = 'leika_ozg_catalog_nrw_2019.csv';
const bytes = new Uint8Array(readFileSync(SHARED_CATALOG));

/** Windows-1252 bytes of a text (what Excel writes as „CSV (Trennzeichen-getrennt)“). */
function encode1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Uint8Array.from([...text].map((ch) => high[ch] ?? (ch.charCodeAt(0) <= 0xff ? ch.charCodeAt(0) : 0x3f)));
}

function utf8(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

describe('the shared LeiKa extract (UTF-8, `;`)', () => {
  const result = readCatalogFile(bytes, FILE);

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
    const row = parseCsvGrid(decodeCatalogText(bytes), FILE)[2701]!;
    expect(row).toHaveLength(8);
    expect(row[0]).toBe('nicht im LeiKa');
    expect(row[1]).toMatch(/^Gewerblicher Rechtsschutz: Antrag .*\(Grenzbeschlagnahme\); Verfahren nach der VO/);
    expect(row[7]).toBe('Steuern & Zoll');
  });
});

describe('variants of the export', () => {
  const text = decodeCatalogText(bytes);
  const expected = readCatalogFile(bytes, FILE);

  it('reads a Windows-1252 export the same way', () => {
    const cp1252 = encode1252(text);
    expect(cp1252.length).toBeLessThan(bytes.length);
    expect(decodeCatalogText(cp1252)).toBe(text);
    const result = readCatalogFile(cp1252, FILE);
    expect(result.stats).toEqual(expected.stats);
    expect(result.catalog.entries).toEqual(expected.catalog.entries);
  });

  it('reads a `,`-delimited export the same way', () => {
    const quote = (c: Cell): string => {
      const s = c === null ? '' : String(c);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const commaText = parseCsvGrid(text, FILE, ';')
      .map((r) => r.map(quote).join(','))
      .join('\r\n');
    expect(detectDelimiter(commaText)).toBe(',');
    const result = readCatalogFile(utf8(commaText), FILE);
    expect(result.stats).toEqual(expected.stats);
    expect(result.catalog.entries).toEqual(expected.catalog.entries);
    expect(result.findings).toEqual(expected.findings);
  });

  it('reads a UTF-8 export with BOM and a UTF-16 export (Excel „Unicode-Text“)', () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Schlüssel;Bezeichnung\n99067004000000;Jagdschein')]);
    expect(decodeCatalogText(withBom)).toBe('Schlüssel;Bezeichnung\n99067004000000;Jagdschein');
    expect(readCatalogFile(withBom, 'bom.csv').catalog.entries.get('99067004000000')?.name).toBe('Jagdschein');
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'Schlüssel\tBezeichnung\r\n99067004000000\tJagdschein'].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeCatalogText(utf16)).toBe('Schlüssel\tBezeichnung\r\n99067004000000\tJagdschein');
    expect(readCatalogFile(utf16, 'unicode.txt').catalog.entries.get('99067004000000')?.name).toBe('Jagdschein');
  });

  it('tells UTF-8 from Windows-1252 by the bytes', () => {
    expect(decodeCatalogText(utf8('Gebühr – Straße'))).toBe('Gebühr – Straße');
    expect(decodeCatalogText(Uint8Array.from([0x47, 0x65, 0x62, 0xfc, 0x68, 0x72, 0x20, 0x96, 0x20, 0x80]))).toBe('Gebühr – €');
  });

  it('reads an XLSX export, found by its content whatever its name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Leistungen');
    ws.addRow(['Leistungskatalog, Stand 2024']);
    ws.addRow(['LeiKa-Schlüssel', 'Bezeichnung', 'Typisierung', 'Themenfeld']);
    ws.addRow(['99067004000000', 'Jagdschein', '2/3', 'Engagement & Hobby']);
    ws.addRow([99067004001000, 'Jagdschein Erteilung', '2/3', 'Engagement & Hobby']);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = readCatalogFile(xlsx, 'export.csv');
    expect(result.catalog.source).toBe('Leistungen');
    expect([...result.catalog.entries.keys()]).toEqual(['99067004000000', '99067004001000']);
    expect(result.catalog.entries.get('99067004001000')).toMatchObject({ typ: '2/3', themenfeld: 'Engagement & Hobby' });
  });
});

describe('CSV parsing', () => {
  it('reads quoted delimiters, doubled quotes, line breaks and CRLF; a record is one row', () => {
    expect(parseCsvGrid('a;b\r\n"x;y";"sagt ""ja"""\r\n"zwei\nZeilen";\r\nc;d\r\n', 'x.csv', ';')).toEqual([
      ['a', 'b'],
      ['x;y', 'sagt "ja"'],
      ['zwei\nZeilen', null],
      ['c', 'd'],
    ]);
  });

  it('gives a finding the row Excel shows, below a name with a line break', () => {
    const csv = 'LeiKa-Schlüssel;Bezeichnung\n99067004000000;"Jagdschein\nmit Zeilenumbruch"\n123;Kaputt\n';
    const result = readCatalogFile(utf8(csv), 'umbruch.csv');
    expect(result.catalog.entries.get('99067004000000')?.name).toBe('Jagdschein mit Zeilenumbruch');
    expect(result.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['INVALID_KEY A3']);
  });

  it('picks `;` over `,` when the header has both equally often', () => {
    expect(detectDelimiter('Schlüssel;Bezeichnung, kurz\n1,2,3')).toBe(';');
    expect(detectDelimiter('"Schlüssel;alt",Bezeichnung\n')).toBe(',');
  });
});

describe('files that are no catalogue', () => {
  it('refuses a CSV without catalogue header, in German', () => {
    expect(() => readCatalogFile(utf8('Amt;Status\nBauamt;PDF\n'), 'liste.csv')).toThrow(CatalogFormatError);
    expect(() => readCatalogFile(utf8('Amt;Status\nBauamt;PDF\n'), 'liste.csv')).toThrow(/„liste\.csv“ ist kein LeiKa-Katalog/);
  });

  it('refuses a CSV with an unterminated quote, naming the line', () => {
    expect(() => readCatalogFile(utf8('LeiKa-Schlüssel;Bezeichnung\n99067004000000;"Jagdschein\n'), 'kaputt.csv')).toThrow(
      /„kaputt\.csv“ ist keine lesbare CSV-Datei \(Zeile \d+\): ein Anführungszeichen wird nicht geschlossen/,
    );
  });

  it('refuses binary noise and a damaged XLSX', () => {
    expect(() => readCatalogFile(Uint8Array.from([0, 1, 2, 250, 251, 13, 10, 7]), 'bild.png')).toThrow(CatalogFormatError);
    expect(() => readCatalogFile(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0]), 'kaputt.xlsx')).toThrow(WorkbookError);
  });
});
