/**
 * The body of a large Excel table is generated into the package (src/adapters/xlsx/writer/table-body.ts), not
 * through ExcelJS's object model. Read back with ExcelJS, it must equal the table model.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { buildOutputSheets } from '../src/core/outputs';
import type { OutputSheet, OutTable, OutValue } from '../src/core/output-model';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import { byteWriterText } from '../src/adapters/xlsx/package/xml-bytes';
import { crc32Update } from '../src/adapters/xlsx/package/crc32';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { publishedAnalysis } from './contract/fixtures';
import type { CountedRecord } from '../src/core/model';

const RECORDS = 5000;
const TRICKY = 'A <b> & "c" \u0001\u000b\u001f =SUMME(A1) \uD83D\uDE00 \uD800 \uFFFE';
const TRICKY_WRITTEN = 'A <b> & "c"  =SUMME(A1) \uD83D\uDE00  ';

function record(i: number, base: CountedRecord): CountedRecord {
  return {
    ...base,
    year: 2023 + (i % 2),
    office: `Amt ${i % 40}`,
    key: i % 97 === 0 ? '' : String(99_000_000_000_000 + i),
    name: i === 7 ? '=1+1' : i === 8 ? TRICKY : `Leistung ${i}`,
    status: i === 9 ? '-PDF' : i === 10 ? '+analog' : 'online',
    remark: i === 11 ? '@home' : i === 12 ? '  eingerückt\nzweite Zeile ' : i % 13 === 0 ? 'Formular & Antrag <neu>' : '',
    onlineService: i % 17 === 0 ? 'https://service.example/?a=1&b=2' : '',
    cell: `C${i + 2}`,
  };
}

function analysis(): ReturnType<typeof publishedAnalysis> {
  const base = publishedAnalysis();
  const first = base.records[0];
  if (first === undefined) throw new Error('fixture without records');
  return { ...base, records: Array.from({ length: RECORDS }, (_, i) => record(i, first)) };
}

function gesamtliste(sheets: readonly OutputSheet[]): OutTable {
  const table = sheets.find((s) => s.role === 'Gesamtliste')?.blocks.find((b): b is OutTable => b.kind === 'table');
  if (table === undefined) throw new Error('no Gesamtliste table');
  return table;
}

/** What ExcelJS reads back for a model value (characters XML cannot carry are dropped). */
function expected(v: OutValue | undefined): unknown {
  if (v === undefined || v.kind === 'empty') return null;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'text' || v.kind === 'link') return v.text === '' ? null : v.text === TRICKY ? TRICKY_WRITTEN : v.text;
  return new Date(`${v.iso}T00:00:00Z`);
}

describe('a Gesamtliste of 5,000 records', () => {
  const sheets = buildOutputSheets(analysis(), { evaluatedAt: '2025-03-05' });
  const table = gesamtliste(sheets);
  let bytes: Uint8Array;
  let ws: ExcelJS.Worksheet;
  let xml: Record<string, string>;
  beforeAll(async () => {
    bytes = await writeReportWorkbook(sheets, { sourceFileName: 'Digitalisierung 2024.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Gesamtliste');
    if (!sheet) throw new Error('no Gesamtliste sheet');
    ws = sheet;
    xml = {};
    for (const [k, v] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(k)) xml[k] = strFromU8(v);
  });

  it('reads back every value with its type, keys as text formatted @', () => {
    expect(table.rows).toHaveLength(RECORDS);
    const mismatches: string[] = [];
    table.rows.forEach((row, r) => {
      table.header.forEach((_, c) => {
        const cell = ws.getCell(r + 2, c + 1);
        const want = expected(row[c]);
        if (JSON.stringify(cell.value) !== JSON.stringify(want)) mismatches.push(`${cell.address}: ${JSON.stringify(cell.value)} ≠ ${JSON.stringify(want)}`);
        if (typeof want === 'string' && cell.type !== ExcelJS.ValueType.String) mismatches.push(`${cell.address}: type ${cell.type}`);
      });
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(ws.getCell('C3').value).toBe('99000000000001');
    expect(ws.getCell('C3').numFmt).toBe('@');
    expect(ws.getCell('A3').numFmt).toBe('0');
    expect(ws.getCell(RECORDS + 2, 1).value).toBeNull();
  });

  it('keeps text that looks like a formula as text, escapes markup and drops characters XML cannot carry', () => {
    const row = (i: number): number => table.rows.findIndex((r) => r[8]?.kind === 'text' && r[8].text.endsWith(`!C${i + 2}`)) + 2;
    expect(ws.getCell(row(7), 4).value).toBe('=1+1');
    expect(ws.getCell(row(7), 4).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(row(8), 4).value).toBe(TRICKY_WRITTEN);
    expect(ws.getCell(row(9), 5).value).toBe('-PDF');
    expect(ws.getCell(row(10), 5).value).toBe('+analog');
    expect(ws.getCell(row(11), 7).value).toBe('@home');
    expect(ws.getCell(row(12), 7).value).toBe('  eingerückt\nzweite Zeile ');
    const sheetXml = Object.entries(xml).find(([p, c]) => p.startsWith('xl/worksheets/sheet') && c.includes('Leistung 4999'))?.[1] ?? '';
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    expect(sheetXml).toContain('A &lt;b&gt; &amp; &quot;c&quot;  =SUMME(A1)');
    expect(sheetXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('makes the Excel table, its filter and the dimension cover the header and every record', () => {
    const last = RECORDS + 1;
    const tablePart = Object.values(xml).find((c) => c.includes('name="LeiKaGesamtliste"')) ?? '';
    expect(tablePart).toMatch(new RegExp(`<table [^>]*ref="A1:I${last}"`));
    expect(tablePart).toContain(`<autoFilter ref="A1:I${last}"`);
    expect([...tablePart.matchAll(/<tableColumn [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([...table.header]);
    const sheetXml = Object.entries(xml).find(([p, c]) => p.startsWith('xl/worksheets/sheet') && c.includes('Leistung 4999'))?.[1] ?? '';
    expect(sheetXml).toContain(`<dimension ref="A1:I${last}"/>`);
    expect(table.header.map((_, c) => ws.getCell(1, c + 1).value)).toEqual([...table.header]);
    // Rows ascending, one element each, as Excel requires.
    const rows = [...sheetXml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  });

  it('keeps gridlines off, A4 and the marker names', async () => {
    expect(ws.views[0]?.showGridLines).toBe(false);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(xml['xl/workbook.xml']).toContain('name="LeiKaMonitor_Gesamtliste"');
  });

  it('is read by the product\'s own reader as the same grid', () => {
    const rows = readXlsx(bytes).sheets.find((s) => s.name === 'Gesamtliste')?.rows ?? [];
    const mismatches: string[] = [];
    table.rows.forEach((row, r) => {
      table.header.forEach((_, c) => {
        const got = rows[r + 1]?.[c] ?? null;
        if (got !== expected(row[c])) mismatches.push(`row ${r + 2} column ${c + 1}: ${JSON.stringify(got)}`);
      });
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('writes the same sheets when run twice', async () => {
    const again = unzipSync(await writeReportWorkbook(sheets, { sourceFileName: 'Digitalisierung 2024.xlsx' }));
    for (const [path, content] of Object.entries(unzipSync(bytes))) {
      if (path === 'docProps/core.xml') continue; // creation time
      expect([path, strFromU8(again[path] ?? new Uint8Array())]).toEqual([path, strFromU8(content)]);
    }
  });
});

describe('byteWriterText', () => {
  it('escapes markup, keeps tab, line feed and non-ASCII, drops what XML 1.0 forbids', () => {
    expect(byteWriterText('a<b>&"c"')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(byteWriterText('x\ty\nz\u0000\u0008\u000b\u000c\u001f')).toBe('x\ty\nz');
    expect(byteWriterText('Prüfung – „ok“ 😀')).toBe('Prüfung – „ok“ 😀');
    expect(byteWriterText('lone \uD800 high, lone \uDC00 low, \uFFFE\uFFFF')).toBe('lone  high, lone  low, ');
  });
});

describe('crc32Update', () => {
  it('computes the zip checksum', () => {
    const check = (s: string): number => ~crc32Update(-1, new TextEncoder().encode(s)) >>> 0;
    expect(check('123456789')).toBe(0xcbf43926);
    expect(check('')).toBe(0);
    const long = 'The quick brown fox jumps over the lazy dog. '.repeat(7);
    const split = ~crc32Update(crc32Update(-1, new TextEncoder().encode(long.slice(0, 13))), new TextEncoder().encode(long.slice(13))) >>> 0;
    expect(split).toBe(check(long));
  });
});
