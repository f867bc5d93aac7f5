import { buildOutputSheets, OutputOptionsError, renderOutputGrid } from '../src/core/outputs';
import type { OutputSheet, OutTable, OutValue, OutChart } from '../src/core/output-model';
import { counts, publishedAnalysis } from './contract/fixtures';

const OPTS = { evaluatedAt: '2025-03-05' };

function sheet(sheets: OutputSheet[], role: OutputSheet['role']): OutputSheet {
  const s = sheets.find((x) => x.role === role);
  if (!s) throw new Error(`no ${role}`);
  return s;
}

function table(s: OutputSheet, id: string): OutTable {
  const t = s.blocks.find((b): b is OutTable => b.kind === 'table' && b.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function shown(v: OutValue | undefined): string | number | null {
  if (v === undefined || v.kind === 'empty') return null;
  if (v.kind === 'number') return v.value;
  if (v.kind === 'date') return v.iso;
  return v.text;
}

function asRows(t: OutTable): (string | number | null)[][] {
  return [[...t.header], ...t.rows.map((r) => r.map(shown))];
}

describe('Monitoring', () => {
  const monitoring = sheet(buildOutputSheets(publishedAnalysis(), OPTS), 'Monitoring');

  it('reproduces the published year table of SPEC §1 exactly', () => {
    expect(asRows(table(monitoring, 'monitoring-years'))).toEqual([
      ['Umsetzungsstatus', '2023', '2024'],
      ['Analog', 125, 126],
      ['Kein Optimierungspotenzial', 180, 199],
      ['PDF', 218, 428],
      ['Digital', 258, 283],
      ['Projekt in Umsetzung', 54, 151],
      ['Alle Dienstleistungen', 835, 1187],
    ]);
    expect(table(monitoring, 'monitoring-years').totalRow).toBe(true);
  });

  it('shows the title, the evaluation date and the report year above the table', () => {
    const grid = renderOutputGrid(monitoring);
    expect(grid[0]?.[0]).toMatch(/^Digitalisierungsmonitoring/);
    expect(grid.flat()).toContain('Stand der Auswertung: 05.03.2025');
    expect(grid.flat()).toContain('Berichtsjahr: 2024');
    expect(table(monitoring, 'monitoring-years').row).toBeGreaterThan(2);
  });

  it('puts changes and shares one empty column to the right, rows aligned', () => {
    const years = table(monitoring, 'monitoring-years');
    const changes = table(monitoring, 'monitoring-changes');
    expect(changes.row).toBe(years.row);
    expect(changes.col).toBe(years.col + years.header.length + 1);
    expect(changes.header).toEqual(['Veränderung 2024 zu 2023', 'Veränderung 2024 zu 2023 in %', 'Anteil 2023', 'Anteil 2024']);
    expect(changes.rows).toHaveLength(years.rows.length);
    const pdf = changes.rows[2] ?? [];
    expect(shown(pdf[0])).toBe(210);
    expect(shown(pdf[1])).toBeCloseTo(210 / 218);
    expect(shown(pdf[3])).toBeCloseTo(428 / 1187);
    const total = changes.rows[5] ?? [];
    expect(shown(total[0])).toBe(352);
    expect(shown(total[2])).toBe(1);
  });

  it('lists every office for the latest year with the previous total and the change', () => {
    const offices = table(monitoring, 'monitoring-offices');
    expect(asRows(offices)).toEqual([
      ['Amt', 'Analog', 'Kein Potenzial', 'PDF', 'Digital', 'In Umsetzung', 'Alle Dienstleistungen 2024', 'Alle Dienstleistungen 2023', 'Veränderung zu 2023'],
      ['Gesundheitsamt', 100, 99, 28, 203, 51, 481, 402, 79],
      ['Ordnungsamt', 26, 100, 400, 80, 100, 706, 433, 273],
      ['Alle Ämter', 126, 199, 428, 283, 151, 1187, 835, 352],
    ]);
  });

  it('charts the cluster rows of the year table, one series per year', () => {
    const chart = monitoring.blocks.find((b): b is OutChart => b.kind === 'chart');
    expect(chart).toMatchObject({ tableId: 'monitoring-years', categoryRows: [0, 1, 2, 3, 4], seriesColumns: [1, 2] });
  });

  it('shows Nicht zugeordnet only when it is non-zero in some year, and the columns still add up', () => {
    const withUnassigned = publishedAnalysis({
      total: { ...publishedAnalysis().total, 2023: counts({ Analog: 125, 'Nicht zugeordnet': 3 }) },
    });
    const years = table(sheet(buildOutputSheets(withUnassigned, OPTS), 'Monitoring'), 'monitoring-years');
    expect(years.rows.map((r) => shown(r[0]))).toEqual([
      'Analog',
      'Kein Optimierungspotenzial',
      'PDF',
      'Digital',
      'Projekt in Umsetzung',
      'Nicht zugeordnet',
      'Alle Dienstleistungen',
    ]);
    expect(years.rows[5]?.map(shown)).toEqual(['Nicht zugeordnet', 3, 0]);
    expect(years.rows[6]?.map(shown)).toEqual(['Alle Dienstleistungen', 128, 1187]);
    expect(table(monitoring, 'monitoring-years').rows.map((r) => shown(r[0]))).not.toContain('Nicht zugeordnet');
  });

  it('says so when nothing was counted, without a chart', () => {
    const empty = publishedAnalysis({ years: [], total: {}, offices: [], records: [] });
    const m = sheet(buildOutputSheets(empty, OPTS), 'Monitoring');
    expect(renderOutputGrid(m).flat()).toContain('Es wurden keine Dienstleistungen gezählt.');
    expect(m.blocks.some((b) => b.kind === 'chart')).toBe(false);
  });
});

describe('Prüfhinweise', () => {
  const findings = table(sheet(buildOutputSheets(publishedAnalysis(), OPTS), 'Pruefhinweise'), 'pruefhinweise');

  it('has one row per finding, errors first, the cell as a link to the sheet and cell', () => {
    expect(findings.header).toEqual(['Schweregrad', 'Code', 'Blatt', 'Zelle', 'Meldung', 'Vorschlag']);
    expect(findings.rows.map((r) => r.map(shown))).toEqual([
      ['Fehler', 'UNKNOWN_STATUS', 'Gesundheitsamt', 'D17', 'Der Status „onlien“ ist unbekannt.', 'Digital'],
      ['Warnung', 'DUPLICATE_KEY', 'Ordnungsamt', 'A12', 'Schlüssel doppelt.', null],
      ['Hinweis', 'NO_KEY', 'Ordnungsamt', 'A9', 'Zeile 9 hat keinen LeiKa-Schlüssel.', null],
    ]);
    expect(findings.rows[0]?.[3]).toEqual({ kind: 'link', text: 'D17', sheet: 'Gesundheitsamt', cell: 'D17' });
    expect(findings.excelTable).toBe('LeiKaPruefhinweise');
  });
});

describe('Gesamtliste', () => {
  const records = table(sheet(buildOutputSheets(publishedAnalysis(), OPTS), 'Gesamtliste'), 'gesamtliste');

  it('is one Excel table with every counted record, keys and formula-like text as text', () => {
    expect(records.excelTable).toBe('LeiKaGesamtliste');
    expect(records.row).toBe(0);
    expect(records.header).toEqual(['Jahr', 'Amt', 'LeiKa-Schlüssel', 'Leistung', 'Status', 'Cluster', 'Bemerkung', 'Online-Dienst', 'Quelle']);
    expect(records.rows.map((r) => r.map(shown))).toEqual([
      [2024, 'Gesundheitsamt', '99001234567890', 'Impfberatung', 'online', 'Digital', null, null, 'Gesundheitsamt!C2'],
      [2024, 'Gesundheitsamt', '0099123', '=1+1', '-PDF', 'PDF', '@home', null, 'Gesundheitsamt!C3'],
      [2024, 'Ordnungsamt', null, 'Jagdschein', '+analog', 'Analog', null, 'https://example.org', 'Ordnungsamt 2!D4'],
    ]);
    expect(records.rows[1]?.[2]).toEqual({ kind: 'text', text: '0099123' });
  });
});

describe('buildOutputSheets', () => {
  it('gives the same models for the same input, apart from the date', () => {
    const strip = (s: OutputSheet[]): string => JSON.stringify(s).replace(/\d{2}\.\d{2}\.\d{4}/g, 'DATE');
    expect(strip(buildOutputSheets(publishedAnalysis(), OPTS))).toBe(strip(buildOutputSheets(publishedAnalysis(), { evaluatedAt: '2026-01-02T08:00:00Z' })));
  });

  it('refuses an evaluation date that is not ISO', () => {
    expect(() => buildOutputSheets(publishedAnalysis(), { evaluatedAt: '05.03.2025' })).toThrow(OutputOptionsError);
  });
});
