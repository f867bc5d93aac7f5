import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { readXlsx, unescapeOoxml } from '../src/adapters/xlsx/reader';
import { parseSheetRef } from '../src/core/sheet-ref';
import { WorkbookError } from '../src/port/workbook-port';
import { filledCells } from './support/grid-cells';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function reason(bytes: Uint8Array): string {
  try {
    readXlsx(bytes);
  } catch (error) {
    if (error instanceof WorkbookError) return error.reason;
    throw error;
  }
  return 'read';
}

describe('xlsx reader', () => {
  it('reads values of every type in sheet order, with visibility, merges and defined names', async () => {
    const bytes = await xlsx((wb) => {
      const a = wb.addWorksheet('Amt A');
      a.addRow(['LeiKa-Schlüssel', 'Leistung', 'Status 2024']);
      a.addRow(['99001001000000', 'Abfallgebühr', 'PDF']);
      a.addRow([99001002000000, { richText: [{ text: 'Fett ' }, { text: 'und normal' }] }, true]);
      a.getCell('D2').value = { formula: '1+1', result: 2 };
      a.getCell('D3').value = { error: '#N/A' };
      a.getCell('E2').value = { formula: 'A1', result: 'LeiKa-Schlüssel' };
      a.mergeCells('F1:G2');
      a.getCell('F1').value = 'verbunden';
      a.getCell('H3').value = 'rechts daneben';
      const b = wb.addWorksheet('Versteckt', { state: 'hidden' });
      b.addRow(['x']);
      wb.addWorksheet('Sehr versteckt', { state: 'veryHidden' });
      wb.definedNames.add("'Amt A'!$A$1", 'LeiKaMonitor_Monitoring');
    });
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Amt A', 'visible'],
      ['Versteckt', 'hidden'],
      ['Sehr versteckt', 'veryHidden'],
    ]);
    const rows = wb.sheets[0]!.rows;
    expect(rows[1]?.slice(0, 5)).toEqual(['99001001000000', 'Abfallgebühr', 'PDF', 2, 'LeiKa-Schlüssel']);
    expect(rows[2]?.slice(0, 4)).toEqual([99001002000000, 'Fett und normal', true, { kind: 'error', code: '#N/A' }]);
    expect(rows[0]?.[5]).toBe('verbunden');
    expect(wb.sheets[0]!.merges).toEqual([{ top: 0, left: 5, bottom: 1, right: 6 }]);
    expect(wb.definedNames).toEqual([{ name: 'LeiKaMonitor_Monitoring', sheet: 'Amt A', cell: 'A1' }]);
  });

  it('reads inline strings and cells without addresses as other applications write them', () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row><c t="inlineStr"><is><t>Leistung</t></is></c><c t="inlineStr"><is><t xml:space="preserve">Status &amp; Stand</t></is></c></row>' +
      '<row r="3"><c r="B3" t="str"><v>PDF</v></c></row>' +
      '</sheetData></worksheet>';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'xl/workbook.xml': strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
      ),
      'xl/worksheets/data.xml': strToU8(sheet),
    });
    const wb = readXlsx(bytes);
    expect(filledCells(wb.sheets[0]!)).toEqual({ A1: 'Leistung', B1: 'Status & Stand', B3: 'PDF' });
  });

  it.each([
    ['a text file', strToU8('LeiKa;Status\n'), 'not-a-workbook'],
    ['an empty file', new Uint8Array(), 'not-a-workbook'],
    ['a zip without workbook', zipSync({ 'word/document.xml': strToU8('<w/>') }), 'not-a-workbook'],
    ['a legacy .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...strToU8('W\0o\0r\0k\0b\0o\0o\0k\0')]), 'legacy-xls'],
    ['an encrypted workbook', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0])]), 'encrypted'],
  ])('refuses %s with a reason', (_label, bytes, expected) => {
    expect(reason(bytes)).toBe(expected);
  });

  it('refuses a truncated workbook as corrupt', async () => {
    const bytes = await xlsx((wb) => wb.addWorksheet('A').addRow(['Leistung', 'Status']));
    expect(reason(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('corrupt');
  });

  it('parses sheet references of defined names', () => {
    expect(parseSheetRef("'Prüf''hinweise'!$A$1")).toEqual({ sheet: "Prüf'hinweise", cell: 'A1' });
    expect(parseSheetRef('Monitoring!B7')).toEqual({ sheet: 'Monitoring', cell: 'B7' });
    expect(parseSheetRef('Monitoring!$A$1:$B$2')).toBeUndefined();
  });
});

describe('regression (issue 2 review)', () => {
  it('decodes Excel escapes such as a pasted line break in a header', () => {
    expect(unescapeOoxml('Umsetzungsstatus_x000D_\n2024')).toBe('Umsetzungsstatus\r\n2024');
    expect(unescapeOoxml('_x005F_x0041_')).toBe('_x0041_');
    expect(unescapeOoxml('ohne Escape')).toBe('ohne Escape');
  });
});
