import type { CountedCluster } from '../src/core/clusters';
import { isValidKey } from '../src/core/key';
import type { CountedRecord } from '../src/core/model';
import type { OutChart, OutTable, OutText } from '../src/core/output-model';
import { buildComparisonSheet, compareYears } from '../src/core/compare';

let nextRow = 1;
function rec(year: number, office: string, key: string, name: string, cluster: CountedCluster): CountedRecord {
  const row = nextRow++;
  return { year, office, sheet: office, row, key, keyValid: isValidKey(key), keyCell: `A${row + 1}`, name, status: cluster, cluster, remark: '', onlineService: '', cell: `C${row + 1}` };
}
const keysOf = (lo: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${lo}${String(i + 1).padStart(3, '0')}000`);

/** Jagdschein 7 → 102 and Aufenthaltserlaubnis 6 → 181, all PDF; 10 other services move PDF → Digital/Analog. */
const records = [
  rec(2023, 'Ordnungsamt', '99067004000000', 'Jagdschein', 'PDF'),
  ...keysOf('99067004', 6).map((k) => rec(2023, 'Ordnungsamt', k, 'Jagdschein Erteilung', 'PDF')),
  rec(2024, 'Ordnungsamt', '99067004000000', 'Jagdschein', 'PDF'),
  ...keysOf('99067004', 101).map((k) => rec(2024, 'Ordnungsamt', k, 'Jagdschein Erteilung', 'PDF')),
  ...keysOf('99018001', 6).map((k) => rec(2023, 'Ausländeramt', k, 'Aufenthaltserlaubnis zur Erwerbstätigkeit', 'PDF')),
  ...keysOf('99018001', 181).map((k) => rec(2024, 'Ausländeramt', k, 'Aufenthaltserlaubnis zum Studium', 'PDF')),
  ...keysOf('99000030', 10).map((k) => rec(2023, 'Ordnungsamt', k, 'Sonstige', 'PDF')),
  ...keysOf('99000030', 10).map((k, i) => rec(2024, 'Ordnungsamt', k, 'Sonstige', i < 4 ? 'Digital' : 'Analog')),
];
const [c] = compareYears(records, { years: [2023, 2024] });
const comparison = c!;

describe('Vergleich sheet', () => {
  const sheet = buildComparisonSheet([comparison], { date: '2025-03-31' });
  const tables = sheet.blocks.filter((b): b is OutTable => b.kind === 'table');
  const texts = sheet.blocks.filter((b): b is OutText => b.kind === 'text').map((t) => t.text);
  const cell = (t: OutTable, r: number, col: number): string | number | undefined => {
    const v = t.rows[r]?.[col];
    return v?.kind === 'text' ? v.text : v?.kind === 'number' ? v.value : undefined;
  };

  it('has the role Vergleich, a title and the date', () => {
    expect(sheet.role).toBe('Vergleich');
    expect(texts).toContain('Stand der Auswertung: 31.03.2025');
  });

  it('shows the transition matrix as a heat map', () => {
    const matrix = tables.find((t) => t.heatMap)!;
    // short column headers (SPEC §3 synonyms); the rows keep the full cluster names
    expect(matrix.header.slice(1)).toEqual(['Analog', 'Kein Potenzial', 'PDF', 'Digital', 'In Umsetzung']);
    expect(matrix.rows.map((r) => (r[0]!.kind === 'text' ? r[0]!.text : ''))).toEqual(['Analog', 'Kein Optimierungspotenzial', 'PDF', 'Digital', 'Projekt in Umsetzung']);
    expect(cell(matrix, 2, 0)).toBe('PDF');
    expect(cell(matrix, 2, 1)).toBe(6); // PDF → Analog
    expect(cell(matrix, 2, 3)).toBe(13); // PDF → PDF
    expect(cell(matrix, 2, 4)).toBe(4); // PDF → Digital
  });

  it('lists the refinements with names, counts and clusters', () => {
    const list = tables.find((t) => t.id.endsWith('_Verfeinerung'))!;
    expect(list.header).toEqual(['Bezeichnung', 'Leistungsobjekt', 'Leistungen 2023', 'Leistungen 2024', 'Veränderung', 'Veränderung PDF']);
    expect(list.rows.map((r) => r.map((_, col) => cell(list, list.rows.indexOf(r), col)))).toEqual([
      ['Aufenthaltserlaubnis', '99018001', 6, 181, 175, 175],
      ['Jagdschein', '99067004', 7, 102, 95, 95],
    ]);
  });

  it('puts the adjusted table beside the published one, with a chart of both changes', () => {
    const adjusted = tables.find((t) => t.header[0] === 'Umsetzungsstatus')!;
    expect(adjusted.header).toEqual(['Umsetzungsstatus', '2023', '2024', 'Veränderung', '2023 bereinigt', '2024 bereinigt', 'Veränderung bereinigt']);
    expect(adjusted.totalRow).toBe(true);
    const pdf = adjusted.rows[2]!;
    expect(pdf.map((v) => (v.kind === 'number' ? v.value : v.kind === 'text' ? v.text : null))).toEqual(['PDF', 23, 283, 260, 23, 13, -10]);
    const total = adjusted.rows[adjusted.rows.length - 1]!;
    expect(total[0]).toEqual({ kind: 'text', text: 'Alle Dienstleistungen' });
    expect(total[4]).toMatchObject({ value: 23 });
    const chart = sheet.blocks.find((b): b is OutChart => b.kind === 'chart')!;
    expect(chart.tableId).toBe(adjusted.id);
    expect(chart.seriesColumns).toEqual([3, 6]);
    expect(chart.categoryRows).toEqual([0, 1, 2, 3, 4]);
  });

  it('shows the text it is given above the tables, and the refinements that text names', () => {
    const withText = buildComparisonSheet([comparison], {
      text: () => ({ paragraphs: [['Erster Satz.', 'Zweiter Satz.']], refinements: [{ leistungsobjekt: '99067004', name: 'Jagdschein', from: 7, to: 102, clusters: { PDF: 102 } }] }),
    });
    const lines = withText.blocks.filter((b): b is OutText => b.kind === 'text');
    const first = lines.find((t) => t.text === 'Erster Satz. Zweiter Satz.')!;
    expect(first.style).toBe('paragraph');
    const firstTable = withText.blocks.find((b): b is OutTable => b.kind === 'table')!;
    expect(first.row).toBeLessThan(firstTable.row);
    const named = withText.blocks.find((b): b is OutTable => b.kind === 'table' && b.id.endsWith('_Text'))!;
    expect(named.header).toEqual(['Bezeichnung', 'Leistungsobjekt', 'LeiKa-Leistungen 2023', 'LeiKa-Leistungen 2024', 'davon PDF 2024']);
    expect(named.rows[0]!.map((v) => (v.kind === 'number' ? v.value : v.kind === 'text' ? v.text : null))).toEqual(['Jagdschein', '99067004', 7, 102, 102]);
  });

  it('places no two blocks on the same rows', () => {
    const spans = sheet.blocks
      .filter((b): b is OutTable | OutText => b.kind !== 'chart')
      .map((b) => (b.kind === 'table' ? [b.row, b.row + b.rows.length] : [b.row, b.row]))
      .sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]!).toBeGreaterThan(spans[i - 1]![1]!);
  });

  it('says so when there is nothing to compare', () => {
    const empty = buildComparisonSheet([]);
    expect(empty.blocks.some((b) => b.kind === 'text' && b.text.includes('mindestens zwei Jahre'))).toBe(true);
  });
});
