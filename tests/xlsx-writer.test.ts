import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { buildOutputSheets } from '../src/core/outputs';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import { writeOutputsIntoXlsx } from './support/xlsx-file-adapter';
import { publishedAnalysis } from './contract/fixtures';

const SHEETS = buildOutputSheets(publishedAnalysis(), { evaluatedAt: '2025-03-05' });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(k)) out[k] = strFromU8(v);
  return out;
}

function names(wb: ExcelJS.Workbook): Record<string, string[]> {
  const model = wb.definedNames.model as { name: string; ranges: string[] }[];
  // ExcelJS drops the quotes where a sheet name does not need them.
  return Object.fromEntries(model.map((d) => [d.name, d.ranges.map((r) => r.replace(/^'([^']*)'!/, '$1!'))]));
}

describe('writeReportWorkbook', () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    bytes = await writeReportWorkbook(SHEETS, { sourceFileName: 'Digitalisierung 2024.xlsx' });
    wb = await load(bytes);
  });

  it('holds the three output sheets, each marked by a defined name at its A1', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Monitoring', 'Prüfhinweise', 'Gesamtliste']);
    expect(names(wb)).toEqual({
      LeiKaMonitor_Monitoring: ['Monitoring!$A$1'],
      LeiKaMonitor_Pruefhinweise: ['Prüfhinweise!$A$1'],
      LeiKaMonitor_Gesamtliste: ['Gesamtliste!$A$1'],
    });
  });

  it('writes the published year table with German number formats, bold header and total row', () => {
    const ws = sheet(wb, 'Monitoring');
    const row = (r: number): unknown[] => [1, 2, 3].map((c) => ws.getCell(r, c).value);
    expect(row(6)).toEqual(['Umsetzungsstatus', '2023', '2024']);
    expect(row(9)).toEqual(['PDF', 218, 428]);
    expect(row(12)).toEqual(['Alle Dienstleistungen', 835, 1187]);
    expect(ws.getCell('C12').numFmt).toBe('#,##0');
    expect(ws.getCell('A6').font?.bold).toBe(true);
    expect(ws.getCell('C12').font?.bold).toBe(true);
    expect(ws.getCell('B8').border?.left?.style).toBe('thin');
    expect(ws.getCell('E7').numFmt).toBe('+#,##0;-#,##0;0');
    expect(ws.getCell('F7').numFmt).toBe('+0.0 %;-0.0 %;0.0 %');
    expect(ws.getCell('H9').numFmt).toBe('0.0 %');
  });

  it('turns gridlines off and sets A4 paper on every sheet', () => {
    for (const ws of wb.worksheets) {
      expect(ws.views[0]?.showGridLines).toBe(false);
      expect(ws.pageSetup.paperSize).toBe(9);
    }
  });

  it('writes formula-like text and keys as text (inline strings, no formula, key column formatted @)', () => {
    const ws = sheet(wb, 'Gesamtliste');
    expect(ws.getCell('D3').value).toBe('=1+1');
    expect(ws.getCell('D3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('E3').value).toBe('-PDF');
    expect(ws.getCell('G3').value).toBe('@home');
    expect(ws.getCell('C2').value).toBe('99001234567890');
    expect(ws.getCell('C3').value).toBe('0099123');
    expect(ws.getCell('C3').numFmt).toBe('@');
    const xml = parts(bytes);
    for (const [path, content] of Object.entries(xml)) if (path.startsWith('xl/worksheets/sheet')) expect(content).not.toMatch(/<f[\s>]/);
    // whichever style index the cell got, its value is an inline string
    expect(xml['xl/worksheets/sheet3.xml']).toMatch(/<c r="D3"(?: s="\d+")? t="inlineStr"><is><t>=1\+1<\/t><\/is><\/c>/);
  });

  it('makes Gesamtliste one Excel table over every record', () => {
    const xml = parts(bytes);
    const table = Object.entries(xml).find(([p, c]) => p.startsWith('xl/tables/') && c.includes('name="LeiKaGesamtliste"'));
    expect(table?.[1]).toMatch(/ref="A1:I4"/);
    expect(table?.[1]).toContain('name="LeiKa-Schlüssel"');
  });

  it('links each finding\'s cell to that cell of the input file', () => {
    const ws = sheet(wb, 'Prüfhinweise');
    expect(ws.getCell('D5').text).toBe('D17');
    const xml = parts(bytes);
    const sheetXml = Object.values(xml).find((c) => c.includes('<hyperlinks>')) ?? '';
    const link = /<hyperlink ref="D5" r:id="([^"]+)" location="&apos;Gesundheitsamt&apos;!D17"\/>/.exec(sheetXml);
    expect(link).not.toBeNull();
    const rels = Object.entries(xml).filter(([p]) => p.startsWith('xl/worksheets/_rels/')).map(([, c]) => c).join('');
    expect(rels).toContain(`Id="${link?.[1]}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="Digitalisierung%202024.xlsx" TargetMode="External"`);
  });

  it('adds a native clustered column chart over the year table, with cached values', () => {
    const xml = parts(bytes);
    const chart = xml['xl/charts/chart1.xml'] ?? '';
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<c:f>&apos;Monitoring&apos;!$A$7:$A$11</c:f>");
    expect(chart).toContain("<c:f>&apos;Monitoring&apos;!$C$7:$C$11</c:f>");
    expect(chart).toContain('<c:pt idx="2"><c:v>428</c:v></c:pt>');
    expect(xml['[Content_Types].xml']).toContain('PartName="/xl/charts/chart1.xml"');
    expect(xml['xl/worksheets/sheet1.xml']).toMatch(/<drawing r:id="[^"]+"\/><\/worksheet>|<drawing r:id="[^"]+"\/><tableParts/);
  });
});

describe('writeReportWorkbook without a source file', () => {
  it('links findings inside the workbook (location only, no external relationship)', async () => {
    const xml = parts(await writeReportWorkbook(SHEETS));
    expect(Object.values(xml).join('')).toContain('<hyperlink ref="D5" location="&apos;Gesundheitsamt&apos;!D17"/>');
    expect(Object.values(xml).join('')).not.toContain('TargetMode="External"');
  });

  it('writes an Excel table with one empty row when there are no findings', async () => {
    const sheets = buildOutputSheets(publishedAnalysis({ findings: [] }), { evaluatedAt: '2025-03-05' });
    const wb = await load(await writeReportWorkbook(sheets));
    const ws = sheet(wb, 'Prüfhinweise');
    expect(ws.getCell('A2').value).toMatch(/Keine Prüfhinweise/);
    expect(ws.getCell('A4').value).toBe('Schweregrad');
    expect(ws.getCell('A5').value).toBeNull();
  });
});

describe('writeOutputsIntoXlsx', () => {
  async function userWorkbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const office = wb.addWorksheet('Gesundheitsamt');
    office.addRow(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024']);
    office.addRow(['99001234567890', 'Impfberatung', 'online']);
    wb.addWorksheet('Monitoring').getCell('A1').value = 'Meine Notizen';
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('leaves the user sheet alone, writes to "Monitoring (2)", and rewrites in place the next time', async () => {
    const first = await writeOutputsIntoXlsx(await userWorkbook(), SHEETS);
    expect(first.report.sheets.map((s) => s.sheet)).toEqual(['Monitoring (2)', 'Prüfhinweise', 'Gesamtliste']);
    const second = await writeOutputsIntoXlsx(first.bytes, SHEETS);
    expect(second.report.sheets.map((s) => [s.sheet, s.rewritten])).toEqual([
      ['Monitoring (2)', true],
      ['Prüfhinweise', true],
      ['Gesamtliste', true],
    ]);
    const wb = await load(second.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Gesundheitsamt', 'Monitoring', 'Monitoring (2)', 'Prüfhinweise', 'Gesamtliste']);
    expect(sheet(wb, 'Monitoring').getCell('A1').value).toBe('Meine Notizen');
    expect(sheet(wb, 'Gesundheitsamt').getCell('A2').value).toBe('99001234567890');
    expect(names(wb)['LeiKaMonitor_Monitoring']).toEqual(['Monitoring (2)!$A$1']);
    const xml = parts(second.bytes);
    expect(Object.keys(xml).filter((p) => p.startsWith('xl/charts/chart'))).toHaveLength(1);
    const tables = Object.entries(xml).filter(([p]) => p.startsWith('xl/tables/')).map(([, c]) => /name="([^"]+)"/.exec(c)?.[1]);
    expect(tables.sort()).toEqual(['LeiKaGesamtliste', 'LeiKaPruefhinweise']);
  });
});
