import { buildCatalogSheet, parseCatalogGrid } from '../src/core/catalog';
import type { Cell, WorkbookGrid } from '../src/core/grid';
import type { OutputSheet, OutTable, OutValue } from '../src/core/output-model';
import { RECORDS_HEADER, renderOutputGrid } from '../src/core/outputs';
import { evaluateWorkbook, reportSheets } from '../src/core/report';
import { workbook } from './support/grid';

/* Issue 4: what a catalogue adds to an evaluation — findings, names, breakdowns. */

const catalogImport = parseCatalogGrid(
  [
    ['LeiKa-Schlüssel', 'Bezeichnung', 'Typisierung', 'Themenfeld'],
    ['99067004000000', 'Jagdschein', '2/3', 'Engagement & Hobby'],
    ['99067004001000', 'Jagdschein Erteilung', '2/3', 'Engagement & Hobby'],
    ['99012001000000', 'Abbruchgenehmigung', '4', 'Bauen & Wohnen'],
    ['4711', 'Testzeile', null, null],
  ],
  'leika.csv',
);

const office: Cell[][] = [
  ['Untere Jagdbehörde'],
  ['Amt', 'LeiKa-Schlüssel', 'Leistung', 'Status 2023', 'Status 2024'],
  ['Jagd', '99067004001000', 'Jagdschein erteilen', 'PDF', 'PDF'],
  ['Jagd', '99067004001001', 'Jagdschein für Ausländer', null, 'PDF'],
  ['Jagd', '99067004001002', 'Jagdschein für Jugendliche', null, 'PDF'],
  ['Jagd', '99012001000000', 'Abbruch', 'Papier', 'online'],
  ['Jagd', 'nicht im LeiKa', 'Wildunfall melden', 'Papier', 'Papier'],
  ['Jagd', '99999999000000', 'Unbekannt', 'PDF', 'PDF'],
];
const input = (): WorkbookGrid => workbook({ name: 'Jagd', rows: office });
const evaluate = (wb: WorkbookGrid, withCatalog = true) =>
  evaluateWorkbook(wb, { currentYear: 2026, ...(withCatalog ? { catalog: catalogImport } : {}) });

function values(t: OutTable): (string | number | null)[][] {
  const shown = (v: OutValue): string | number | null => (v.kind === 'empty' ? null : v.kind === 'number' ? v.value : v.kind === 'date' ? v.iso : v.text);
  return [[...t.header], ...t.rows.map((r) => r.map(shown))];
}
function tableOf(sheets: OutputSheet[], role: OutputSheet['role'], id: string | RegExp): OutTable {
  const t = sheets.find((s) => s.role === role)?.blocks.find((b): b is OutTable => b.kind === 'table' && (typeof id === 'string' ? b.id === id : id.test(b.id)));
  if (!t) throw new Error(`no table ${String(id)} on ${role}`);
  return t;
}

describe('findings with a catalogue', () => {
  const { analysis } = evaluate(input());
  const codes = analysis.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);

  it('warns once per row, on the key cell, for a valid key missing from the catalogue', () => {
    expect(codes.filter((c) => c.startsWith('KEY_NOT_IN_CATALOG'))).toEqual([
      'KEY_NOT_IN_CATALOG Jagd!B4',
      'KEY_NOT_IN_CATALOG Jagd!B5',
      'KEY_NOT_IN_CATALOG Jagd!B8',
    ]);
    const f = analysis.findings.find((x) => x.code === 'KEY_NOT_IN_CATALOG')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('99067004001001');
    expect(f.message).toContain('„leika.csv“');
    expect(f.message).toContain('Leistungsobjekt „Jagdschein“');
  });

  it('lists the catalogue file’s own findings under its name', () => {
    expect(codes).toContain('INVALID_KEY leika.csv!A5');
  });

  it('adds nothing without a catalogue', () => {
    const plain = evaluate(input(), false);
    expect(plain.catalog).toBeUndefined();
    expect(plain.analysis.findings.map((f) => f.code)).not.toContain('KEY_NOT_IN_CATALOG');
    expect(plain.analysis.findings.length).toBe(analysis.findings.length - 4);
  });
});

describe('output sheets with a catalogue', () => {
  const evaluation = evaluate(input());
  const sheets = reportSheets(evaluation, { evaluatedAt: '2025-03-05' });

  it('shows the official name beside the sheet’s in Gesamtliste', () => {
    const t = values(tableOf(sheets, 'Gesamtliste', 'gesamtliste'));
    expect(t[0]).toEqual(['Jahr', 'Amt', 'LeiKa-Schlüssel', 'Leistung', 'LeiKa-Bezeichnung (Katalog)', 'Status', 'Cluster', 'Bemerkung', 'Online-Dienst', 'Quelle']);
    expect(t.filter((r) => r[0] === 2024).map((r) => [r[2], r[3], r[4]])).toEqual([
      ['99067004001000', 'Jagdschein erteilen', 'Jagdschein Erteilung'],
      ['99067004001001', 'Jagdschein für Ausländer', null],
      ['99067004001002', 'Jagdschein für Jugendliche', null],
      ['99012001000000', 'Abbruch', 'Abbruchgenehmigung'],
      [null, 'Wildunfall melden', null],
      ['99999999000000', 'Unbekannt', null],
    ]);
  });

  it('keeps the Gesamtliste of SPEC §5 without a catalogue', () => {
    const plain = reportSheets(evaluate(input(), false), { evaluatedAt: '2025-03-05' });
    expect(tableOf(plain, 'Gesamtliste', 'gesamtliste').header).toEqual([...RECORDS_HEADER]);
    expect(plain.find((s) => s.role === 'Monitoring')!.blocks.some((b) => b.kind === 'table' && /themenfeld|typ/.test(b.id))).toBe(false);
  });

  it('breaks Monitoring down by Themenfeld and LeiKa-Typ for the latest year, adding up to the totals', () => {
    expect(values(tableOf(sheets, 'Monitoring', 'monitoring-themenfeld'))).toEqual([
      ['Themenfeld', 'Analog', 'Kein Potenzial', 'PDF', 'Digital', 'In Umsetzung', 'Alle Dienstleistungen 2024', 'Alle Dienstleistungen 2023', 'Veränderung zu 2023'],
      ['Engagement & Hobby', 0, 0, 3, 0, 0, 3, 1, 2],
      ['Bauen & Wohnen', 0, 0, 0, 1, 0, 1, 1, 0],
      ['Nicht im Katalog', 1, 0, 1, 0, 0, 2, 2, 0],
      ['Alle Themenfelder', 1, 0, 4, 1, 0, 6, 4, 2],
    ]);
    expect(values(tableOf(sheets, 'Monitoring', 'monitoring-leika-typ')).map((r) => [r[0], r[6]])).toEqual([
      ['LeiKa-Typ', 'Alle Dienstleistungen 2024'],
      ['2/3', 3],
      ['4', 1],
      ['Nicht im Katalog', 2],
      ['Alle Typen', 6],
    ]);
    const years = values(tableOf(sheets, 'Monitoring', 'monitoring-years'));
    expect(years.find((r) => r[0] === 'Alle Dienstleistungen')).toEqual(['Alle Dienstleistungen', 4, 6]);
  });

  it('shows the change per Themenfeld and LeiKa-Typ on Vergleich', () => {
    const t = values(tableOf(sheets, 'Vergleich', /_Themenfeld$/));
    expect(t[0]!.slice(0, 4)).toEqual(['Themenfeld', 'Alle 2023', 'Alle 2024', 'Veränderung']);
    expect(t[1]!.slice(0, 4)).toEqual(['Engagement & Hobby', 1, 3, 2]);
    expect(t[1]![t[0]!.indexOf('Veränderung PDF')]).toBe(2);
    expect(values(tableOf(sheets, 'Vergleich', /_LeiKaTyp$/))[0]![0]).toBe('LeiKa-Typ');
  });

  it('names a Leistungsobjekt from the catalogue where its LO row is not inventoried', () => {
    const jagd = evaluation.comparisons[0]!.refinement.find((r) => r.leistungsobjekt === '99067004')!;
    expect(jagd).toMatchObject({ name: 'Jagdschein', nameSource: 'catalog', from: 1, to: 3 });
  });
});

describe('the catalogue kept in the evaluated workbook', () => {
  const stored = renderOutputGrid(buildCatalogSheet(catalogImport.catalog));
  const withSheet = (rows: Cell[][]): WorkbookGrid => ({
    sheets: [...input().sheets, { name: 'LeiKa-Katalog', visibility: 'visible', rows, merges: [] }],
    definedNames: [{ name: 'LeiKaMonitor_Katalog', sheet: 'LeiKa-Katalog', cell: 'A1' }],
  });

  it('is used without being given, and is no office sheet', () => {
    const evaluation = evaluate(withSheet(stored), false);
    expect(evaluation.catalog?.origin).toBe('workbook');
    expect(evaluation.catalog?.import.catalog.source).toBe('LeiKa-Katalog');
    expect(evaluation.catalog?.keysNotInCatalog).toBe(3);
    expect(evaluation.analysis.officeSheets.map((s) => s.sheet)).toEqual(['Jagd']);
    expect(evaluation.analysis.skippedSheets).toEqual([{ sheet: 'LeiKa-Katalog', reason: expect.stringContaining('Katalog') }]);
  });

  it('gives way to a catalogue the caller gives', () => {
    expect(evaluate(withSheet(stored)).catalog).toMatchObject({ origin: 'option', import: { catalog: { source: 'leika.csv' } } });
  });

  it('warns once and evaluates without a catalogue when the marked sheet lost its header', () => {
    const evaluation = evaluate(withSheet([['gelöscht']]), false);
    expect(evaluation.catalog).toBeUndefined();
    expect(evaluation.analysis.findings.filter((f) => f.code === 'CATALOG_UNREADABLE').map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
      'warning LeiKa-Katalog!A1',
    ]);
  });
});
