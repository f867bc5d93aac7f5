import type { Cell } from '../../src/core/grid';
import { evaluateWorkbook, reportSheets } from '../../src/core/report';
import type { WorkbookSource } from '../../src/core/sources';
import { isDefaultSheetName } from '../../src/core/sources';
import type { OutTable, OutValue } from '../../src/core/output-model';
import { type SheetSpec, workbook } from '../support/grid';

const HEAD = ['LeiKa-Schlüssel', 'Leistung', 'Status 2024'];

function file(name: string, ...sheets: SheetSpec[]): WorkbookSource {
  return { kind: 'workbook', file: name, workbook: workbook(...sheets) };
}

function evaluate(sources: WorkbookSource[], year?: number) {
  return evaluateWorkbook(sources, { currentYear: 2026, ...(year !== undefined ? { year } : {}) });
}

const where = (e: ReturnType<typeof evaluate>): string[] =>
  e.analysis.findings.map((f) => `${f.code} ${f.file ?? '-'} › ${f.sheet}!${f.cell}`);

function table(e: ReturnType<typeof evaluate>, role: string, id: string): OutTable {
  const sheet = reportSheets(e, { evaluatedAt: '2026-03-01' }).find((s) => s.role === role)!;
  return sheet.blocks.find((b): b is OutTable => b.kind === 'table' && b.id === id)!;
}

const texts = (row: readonly OutValue[]): string[] => row.map((v) => (v.kind === 'text' || v.kind === 'link' ? v.text : ''));

describe('several files evaluated as one workbook (SPEC §10)', () => {
  it('names the office after the file where its only office sheet has a default name', () => {
    const e = evaluate([
      file('Jugendamt.xlsx', { name: 'Anleitung', rows: [['Bitte ausfüllen']] }, { name: 'Tabelle1', rows: [HEAD, ['99001001000000', 'A', 'PDF']] }),
      file('Sozialamt.xlsm', { name: 'Sheet1', rows: [HEAD, ['99001002000000', 'B', 'digital']] }),
      file('Bauen.xlsx', { name: 'Bauordnungsamt', rows: [HEAD, ['99001003000000', 'C', 'analog']] }),
      file('Zwei Ämter.xlsx', { name: 'Tabelle1', rows: [HEAD, ['99001004000000', 'D', 'PDF']] }, { name: 'Tabelle2', rows: [HEAD, ['99001005000000', 'E', 'PDF']] }),
    ]);
    expect(e.analysis.offices.map((o) => o.office)).toEqual(['Jugendamt', 'Sozialamt', 'Bauordnungsamt', 'Tabelle1', 'Tabelle2']);
    expect(e.sources.files.map((f) => [f.file, f.offices])).toEqual([
      ['Jugendamt.xlsx', ['Jugendamt']],
      ['Sozialamt.xlsm', ['Sozialamt']],
      ['Bauen.xlsx', ['Bauordnungsamt']],
      ['Zwei Ämter.xlsx', ['Tabelle1', 'Tabelle2']],
    ]);
    expect(e.analysis.total[2024]).toMatchObject({ PDF: 3, Digital: 1, Analog: 1, 'Alle Dienstleistungen': 5 });
  });

  it('also names the office after a single file, and keeps an office column', () => {
    const e = evaluateWorkbook([file('Ordnungsamt.xlsx', { name: 'Tabelle1', rows: [[...HEAD, 'Amt'], ['99001001000000', 'A', 'PDF', null], ['99001002000000', 'B', 'PDF', 'Bürgerbüro']] })], {
      currentYear: 2026,
    });
    expect(e.analysis.offices.map((o) => o.office)).toEqual(['Ordnungsamt', 'Bürgerbüro']);
    // one file: findings and Quelle stay as in SPEC §6
    expect(e.analysis.records.map((r) => r.sheet)).toEqual(['Tabelle1', 'Tabelle1']);
  });

  it('knows the default sheet names of the usual programs and languages', () => {
    for (const name of ['Tabelle1', 'Tabellenblatt 2', 'Blatt1', 'Blatt 3', 'Sheet1', 'Table1', 'Feuil1', 'Foglio1', 'Hoja1', 'tabelle12'])
      expect([name, isDefaultSheetName(name)]).toEqual([name, true]);
    for (const name of ['Jugendamt', 'Tabelle', 'Sheet', 'Tabelle 2024a', 'Amt 1']) expect([name, isDefaultSheetName(name)]).toEqual([name, false]);
  });

  it('names file and sheet in findings, Quelle and Prüfhinweise', () => {
    const e = evaluate([
      file('Jugendamt.xlsx', { name: 'Tabelle1', rows: [HEAD, ['99001001000000', 'A', 'PDF'], ['99001001000000', 'A', 'PDF']] }),
      file('Sozialamt.xlsx', { name: 'Tabelle1', rows: [HEAD, ['123', 'B', 'Fax']] }),
    ]);
    expect(where(e)).toEqual([
      'DUPLICATE_KEY Jugendamt.xlsx › Tabelle1!A3',
      'INVALID_KEY Sozialamt.xlsx › Tabelle1!A2',
      'UNKNOWN_STATUS Sozialamt.xlsx › Tabelle1!C2',
    ]);
    expect(e.analysis.findings[0]!.message).toContain('Jugendamt.xlsx › Tabelle1!A2');
    expect(table(e, 'Gesamtliste', 'gesamtliste').rows.map((r) => texts(r)[8])).toEqual(['Jugendamt.xlsx › Tabelle1!C2', 'Sozialamt.xlsx › Tabelle1!C2']);
    const findings = table(e, 'Pruefhinweise', 'pruefhinweise').rows;
    expect(findings.map((r) => texts(r).slice(1, 4))).toEqual([
      ['INVALID_KEY', 'Sozialamt.xlsx › Tabelle1', 'A2'],
      ['UNKNOWN_STATUS', 'Sozialamt.xlsx › Tabelle1', 'C2'],
      ['DUPLICATE_KEY', 'Jugendamt.xlsx › Tabelle1', 'A3'],
    ]);
    // no path known (files picked in a browser): the cell is plain text, never a link into the report
    expect(findings.map((r) => r[3]!.kind)).toEqual(['text', 'text', 'text']);
  });

  it('links Prüfhinweise to the cell of the file where the caller knows its path', () => {
    const e = evaluate([
      file('Jugendamt.xlsx', { name: 'Tabelle1', rows: [HEAD, ['1', 'A', 'PDF']] }),
      file('Sozialamt.xlsx', { name: 'Tabelle1', rows: [HEAD, ['2', 'B', 'PDF']] }),
    ]);
    const sheet = reportSheets(e, { evaluatedAt: '2026-03-01', fileLink: (f) => (f === 'Jugendamt.xlsx' ? `Ämter/${f}` : undefined) }).find((s) => s.role === 'Pruefhinweise')!;
    const rows = (sheet.blocks.find((b) => b.kind === 'table') as OutTable).rows;
    expect(rows.map((r) => r[3])).toEqual([
      { kind: 'link', text: 'A2', sheet: 'Tabelle1', cell: 'A2', file: 'Ämter/Jugendamt.xlsx' },
      { kind: 'text', text: 'A2' },
    ]);
  });

  it('lists a file that cannot be read with FILE_SKIPPED at its A1 and evaluates the rest', () => {
    const e = evaluate([
      { kind: 'skipped', file: 'Alt.xls', reason: 'Die Datei ist im alten .xls-Format gespeichert.' },
      file('Jugendamt.xlsx', { name: 'Tabelle1', rows: [HEAD, ['99001001000000', 'A', 'PDF']] }),
    ]);
    expect(where(e)).toEqual(['FILE_SKIPPED Alt.xls › !A1']);
    expect(e.analysis.findings[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('„Alt.xls“') });
    expect(e.sources.files[0]).toEqual({ file: 'Alt.xls', skipped: 'Die Datei ist im alten .xls-Format gespeichert.', officeSheets: [], offices: [], skippedSheets: [] });
    expect(e.analysis.total[2024]?.['Alle Dienstleistungen']).toBe(1);
  });

  it('counts an office found in two files as one, with OFFICE_IN_SEVERAL_FILES on the later file', () => {
    const rows2: Cell[][] = [['Stand: 2024'], HEAD, [null, 'Nicht im LeiKa', 'analog'], ['99001001000000', 'A', 'PDF'], ['99001002000000', 'B', 'PDF']];
    const e = evaluate([
      file('Jugendamt 1.xlsx', { name: 'Jugendamt', rows: [HEAD, ['99001001000000', 'A', 'PDF']] }),
      file('Sozialamt.xlsx', { name: 'Sozialamt', rows: [HEAD, ['99001001000000', 'A', 'PDF']] }),
      file('Jugendamt.xlsx', { name: 'Tabelle1', rows: rows2 }),
    ]);
    expect(e.analysis.offices.map((o) => [o.office, o.counts[2024]?.['Alle Dienstleistungen']])).toEqual([
      ['Jugendamt', 3],
      ['Sozialamt', 1],
    ]);
    expect(where(e)).toEqual([
      'KEY_IN_SEVERAL_OFFICES Sozialamt.xlsx › Sozialamt!A2',
      'NO_KEY Jugendamt.xlsx › Tabelle1!A3',
      'DUPLICATE_KEY Jugendamt.xlsx › Tabelle1!A4',
      'OFFICE_IN_SEVERAL_FILES Jugendamt.xlsx › Tabelle1!A3',
    ]);
    expect(e.analysis.findings[3]!.message).toContain('„Jugendamt 1.xlsx“');
  });

  it('takes settings and mapping from the first file that has them, and reports a later one that says otherwise', () => {
    const settings = (year: number): SheetSpec => ({ name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', year]] });
    const e = evaluate([
      file('Jugendamt.xlsx', { name: 'Tabelle1', rows: [['LeiKa-Schlüssel', 'Leistung', 'Status'], ['99001001000000', 'A', 'Fax']] }),
      file('A12.xlsx', settings(2023), { name: 'Zuordnung', rows: [['Wert', 'Cluster'], ['Fax', 'Analog']] }),
      file('Sozialamt.xlsx', settings(2024), { name: 'Tabelle1', rows: [['LeiKa-Schlüssel', 'Leistung', 'Status'], ['99001002000000', 'B', 'PDF']] }),
    ]);
    expect(e.analysis.reportYear).toBe(2023);
    expect(e.analysis.reportYearSource).toBe('setting');
    expect(e.analysis.total[2023]).toMatchObject({ Analog: 1, PDF: 1 });
    expect(e.sources.settings).toEqual({ file: 'A12.xlsx', sheet: 'Einstellungen' });
    expect(e.sources.mapping).toEqual({ file: 'A12.xlsx', sheet: 'Zuordnung' });
    expect(where(e)).toEqual(['CONFLICTING_SETTING Sozialamt.xlsx › Einstellungen!B2']);
    expect(e.analysis.findings[0]!.message).toContain('„A12.xlsx“');
    expect(e.sources.files[2]!.skippedSheets).toEqual([{ sheet: 'Einstellungen', file: 'Sozialamt.xlsx', reason: expect.stringContaining('„A12.xlsx“') }]);
    expect(e.analysis.skippedSheets.map((s) => `${s.file} › ${s.sheet}`)).toEqual(['A12.xlsx › Einstellungen', 'A12.xlsx › Zuordnung', 'Sozialamt.xlsx › Einstellungen']);
  });

  it('with the workbook open in Excel, takes settings from it alone and reports those of an added file', () => {
    const e = evaluate([
      { kind: 'workbook', workbook: workbook({ name: 'Jugendamt', rows: [HEAD, ['99001001000000', 'A', 'PDF']] }) },
      file('Sozialamt.xlsx', { name: 'Einstellungen', rows: [['Berichtsjahr', 2023]] }, { name: 'Tabelle1', rows: [HEAD, ['99001002000000', 'B', 'PDF']] }),
    ]);
    expect(e.analysis.reportYear).toBe(2024);
    expect(e.sources.settings).toBeUndefined();
    expect(where(e)).toEqual(['CONFLICTING_SETTING Sozialamt.xlsx › Einstellungen!B1']);
    expect(e.analysis.findings[0]!.message).toContain('fehlt aber im Blatt „Einstellungen“ aus der geöffneten Arbeitsmappe');
    expect(e.analysis.skippedSheets).toEqual([{ sheet: 'Einstellungen', file: 'Sozialamt.xlsx', reason: 'nicht verwendet: es gilt das Blatt „Einstellungen“ aus der geöffneten Arbeitsmappe' }]);
  });

  it('selects sheets of any file by sheet name or file name under „Ausgewertete Blätter“', () => {
    const e = evaluate([
      file('A12.xlsx', { name: 'Einstellungen', rows: [['Ausgewertete Blätter', 'Jugendamt; Bauordnungsamt']] }),
      file('Jugendamt.xlsx', { name: 'Tabelle1', rows: [HEAD, ['99001001000000', 'A', 'PDF']] }),
      file('Sozialamt.xlsx', { name: 'Tabelle1', rows: [HEAD, ['99001002000000', 'B', 'PDF']] }),
      file('Bauen.xlsx', { name: 'Bauordnungsamt', rows: [HEAD, ['99001003000000', 'C', 'PDF']] }),
    ]);
    expect(e.analysis.offices.map((o) => o.office)).toEqual(['Jugendamt', 'Bauordnungsamt']);
    expect(e.sources.files[2]!.skippedSheets.map((s) => s.sheet)).toEqual(['Tabelle1']);
  });

  it('evaluates one workbook without file exactly as before', () => {
    const wb = workbook({ name: 'Tabelle1', rows: [HEAD, ['99001001000000', 'A', 'PDF']] });
    const e = evaluateWorkbook(wb, { currentYear: 2026 });
    expect(e.analysis.offices.map((o) => o.office)).toEqual(['Tabelle1']);
    expect(e.sources.files).toEqual([{ officeSheets: e.analysis.officeSheets, offices: ['Tabelle1'], skippedSheets: [] }]);
  });
});
