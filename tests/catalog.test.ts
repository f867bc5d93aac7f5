import type { Cell, SheetGrid } from '../src/core/grid';
import {
  BREAKDOWN_LABELS,
  CatalogFormatError,
  breakdownBy,
  buildCatalogSheet,
  parseCatalogGrid,
  parseCatalogWorkbook,
  readWorkbookCatalog,
} from '../src/core/catalog';
import { renderOutputGrid } from '../src/core/outputs';
import type { CountedRecord } from '../src/core/model';

/* File reading (CSV decoding and splitting, XLSX detection) is tested in catalog-file.test.ts. */

const sheet = (name: string, rows: Cell[][], visibility: 'visible' | 'hidden' = 'visible'): SheetGrid => ({ name, visibility, rows, merges: [] });

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

describe('the catalogue kept in the workbook (sheet „LeiKa-Katalog“)', () => {
  const { catalog } = parseCatalogGrid(
    [
      ['LeiKa-Schlüssel', 'Bezeichnung', 'Typ', 'OZG-ID', 'OZG-Leistung', 'Lebenslage', 'Themenfeld'],
      ['99067004001000', 'Jagdschein Erteilung', '2/3', '10001', 'Jagdschein', 'Freizeit', 'Engagement & Hobby'],
      ['01000000000000', 'ungültig', null, null, null, null, null],
      ['99067004000000', '=Jagdschein', '2/3', null, null, null, 'Engagement & Hobby'],
    ],
    'leika.csv',
  );
  const model = buildCatalogSheet(catalog, { importedAt: '2025-03-05' });
  const rendered = renderOutputGrid(model);

  it('is one Excel table in key order, keys and text written as text', () => {
    expect(model.role).toBe('Katalog');
    const table = model.blocks.find((b) => b.kind === 'table');
    expect(table).toMatchObject({ excelTable: 'LeiKaKatalog', header: ['LeiKa-Schlüssel', 'Bezeichnung', 'LeiKa-Typ', 'OZG-ID', 'OZG-Leistung', 'Lebenslage', 'Themenfeld'] });
    expect(table?.kind === 'table' && table.rows.map((r) => r[0])).toEqual([
      { kind: 'text', text: '99067004000000' },
      { kind: 'text', text: '99067004001000' },
    ]);
    expect(rendered[1]![0]).toMatch(/„leika\.csv“ am 05\.03\.2025: 2 Leistungen/);
  });

  it('reads back to the same entries when the sheet is marked', () => {
    const workbook = {
      sheets: [sheet('Bauamt', [['LeiKa-Schlüssel', 'Leistung', 'Status']]), sheet('LeiKa-Katalog', rendered)],
      definedNames: [{ name: 'LeiKaMonitor_Katalog', sheet: 'LeiKa-Katalog', cell: 'A1' }],
    };
    const stored = readWorkbookCatalog(workbook);
    expect(stored?.kind).toBe('read');
    expect(stored?.kind === 'read' && stored.result.catalog.entries).toEqual(catalog.entries);
    expect(stored?.kind === 'read' && stored.result.catalog.source).toBe('LeiKa-Katalog');
    // an office sheet has a key and a name column too; the marked sheet wins over it
    expect(parseCatalogWorkbook(workbook, 'bericht.xlsx').catalog.source).toBe('LeiKa-Katalog');
  });

  it('is no catalogue when unmarked, and unreadable when the marked sheet lost its header', () => {
    expect(readWorkbookCatalog({ sheets: [sheet('LeiKa-Katalog', rendered)], definedNames: [] })).toBeUndefined();
    expect(
      readWorkbookCatalog({ sheets: [sheet('Katalog alt', [['leer']])], definedNames: [{ name: 'leikamonitor_katalog', sheet: 'Katalog alt', cell: 'A1' }] }),
    ).toEqual({ kind: 'unreadable', sheet: 'Katalog alt' });
  });
});

describe('breakdown by Themenfeld and LeiKa-Typ', () => {
  const { catalog } = parseCatalogGrid(
    [
      ['Schlüssel', 'Bezeichnung', 'Typ', 'Themenfeld'],
      ['99067004000000', 'Jagdschein', '2/3', 'Engagement & Hobby'],
      ['99010001000000', 'Aufenthaltserlaubnis', '2/3', 'Ein- & Auswanderung'],
      ['99010001001000', 'Aufenthaltserlaubnis Erteilung', '1', 'Ein- & Auswanderung'],
      ['99012001000000', 'Abbruchgenehmigung', '4', null],
    ],
    'k.csv',
  );
  const rec = (year: number, key: string, cluster: CountedRecord['cluster']): CountedRecord => ({
    year,
    office: 'Amt',
    sheet: 'Amt',
    row: 1,
    key,
    keyValid: /^99\d{12}$/.test(key),
    keyCell: 'A2',
    name: '',
    status: cluster,
    cluster,
    remark: '',
    onlineService: '',
    cell: 'C2',
  });
  const records = [
    rec(2023, '99067004000000', 'PDF'),
    rec(2024, '99067004000000', 'PDF'),
    rec(2024, '99067004001001', 'PDF'), // Verrichtungsdetail not in the catalogue: placed by its Leistungsobjekt
    rec(2024, '99010001001000', 'Digital'),
    rec(2024, '99010001020000', 'Analog'), // LOV not in the catalogue, LO is
    rec(2024, '99012001000000', 'Analog'),
    rec(2024, '99999999000000', 'Analog'), // Leistungsobjekt unknown
    rec(2024, '', 'Nicht zugeordnet'),
  ];

  it('places every record once, so each cluster adds up to the year total', () => {
    const rows = breakdownBy(records, [2023, 2024], catalog, 'themenfeld');
    expect(rows.map((r) => [r.name, r.counts[2024]!['Alle Dienstleistungen'], r.counts[2023]!['Alle Dienstleistungen']])).toEqual([
      ['Ein- & Auswanderung', 2, 0], // equal in the latest year: by name
      ['Engagement & Hobby', 2, 1],
      [BREAKDOWN_LABELS.notInCatalog, 2, 0],
      [BREAKDOWN_LABELS.noThemenfeld, 1, 0],
    ]);
    expect(rows.reduce((s, r) => s + r.counts[2024]!.Analog, 0)).toBe(3);
    expect(rows.find((r) => r.name === BREAKDOWN_LABELS.notInCatalog)?.counts[2024]).toMatchObject({ Analog: 1, 'Nicht zugeordnet': 1 });
  });

  it('groups by LeiKa-Typ as written, taking the nearest entry of a key', () => {
    const rows = breakdownBy(records, [2023, 2024], catalog, 'typ');
    expect(rows.map((r) => [r.name, r.counts[2024]!['Alle Dienstleistungen']])).toEqual([
      ['2/3', 3],
      ['1', 1],
      ['4', 1],
      [BREAKDOWN_LABELS.notInCatalog, 2],
    ]);
  });
});

describe('regression (issue 4): an office sheet is no catalogue', () => {
  it('refuses a header with key, Leistung and status columns but no catalogue column', () => {
    const office: Cell[][] = [
      ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
      ['99067004000000', 'Jagdschein', 'PDF'],
    ];
    expect(() => parseCatalogGrid(office, 'Bauamt')).toThrow(CatalogFormatError);
    expect(() => parseCatalogWorkbook({ sheets: [sheet('Bauamt', office)], definedNames: [] }, 'uebersicht.xlsx')).toThrow(/„uebersicht\.xlsx“ ist kein LeiKa-Katalog/);
  });

  it('accepts an export that carries a status column beside its catalogue columns', () => {
    const { catalog } = parseCatalogGrid(
      [
        ['Schlüssel', 'Bezeichnung', 'Typ', 'Status'],
        ['99067004000000', 'Jagdschein', '2/3', 'aktiv'],
      ],
      'export.csv',
    );
    expect(catalog.entries.size).toBe(1);
  });
});
