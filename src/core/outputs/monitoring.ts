import { ALL_SERVICES, clusterHeader, shownClusters, UNASSIGNED, type CountKey, type Counts } from '../clusters';
import type { CatalogBreakdowns } from '../catalog/breakdown';
import type { Analysis } from '../model';
import type { OutBlock, OutChart, OutputSheet, OutTable, OutValue } from '../output-model';
import { germanDate, num, optionalPercent, ratio, text } from './values';
import { fitWidths } from './widths';
import { type YearTable, yearOutTable, yearTable } from './year-table';

export const MONITORING_TITLE = 'Digitalisierungsmonitoring – Umsetzungsstatus der Dienstleistungen';
export const YEAR_TABLE_ID = 'monitoring-years';
export const CHANGE_TABLE_ID = 'monitoring-changes';
export const OFFICE_TABLE_ID = 'monitoring-offices';
export const THEMENFELD_TABLE_ID = 'monitoring-themenfeld';
export const TYP_TABLE_ID = 'monitoring-leika-typ';

/** Row of the year table's header (0-based); the title block above it has a fixed height. */
export const YEAR_TABLE_ROW = 5;

const CHART_HEIGHT = 18;
/** One grid for every table of the sheet: a label column and number columns of one width. */
const LABEL_CHARS = 30;
const NUMBER_CHARS = 14;
const CHART_WIDTH = 8;

function countsOf(table: Readonly<Record<number, Counts>>, year: number): Counts | undefined {
  return table[year];
}

function count(table: Readonly<Record<number, Counts>>, year: number, key: CountKey): number {
  return countsOf(table, year)?.[key] ?? 0;
}

/** The year table of the sheet: at YEAR_TABLE_ROW, label and number columns of the sheet's grid. */
function yearSheetTable(table: YearTable): OutTable {
  return {
    ...yearOutTable(table, { id: YEAR_TABLE_ID, row: YEAR_TABLE_ROW, col: 0 }),
    widthsPt: fitWidths(table.header, [LABEL_CHARS, ...table.years.map(() => NUMBER_CHARS)]),
  };
}

/** Change to the previous year (absolute, %) per later year, then each year's share; rows aligned with the year table. */
function changeTable(analysis: Analysis, keys: readonly CountKey[]): OutTable {
  const { years, total } = analysis;
  const header: string[] = [];
  for (let i = 1; i < years.length; i++) {
    header.push(`Veränderung ${years[i]} zu ${years[i - 1]}`, `Veränderung ${years[i]} zu ${years[i - 1]} in %`);
  }
  for (const y of years) header.push(`Anteil ${y}`);
  const rowFor = (key: CountKey): OutValue[] => {
    const cells: OutValue[] = [];
    for (let i = 1; i < years.length; i++) {
      const now = count(total, years[i] ?? 0, key);
      const before = count(total, years[i - 1] ?? 0, key);
      cells.push(num(now - before, 'signedInteger'), optionalPercent(ratio(now - before, before), 'signedPercent'));
    }
    for (const y of years) cells.push(optionalPercent(ratio(count(total, y, key), count(total, y, ALL_SERVICES)), 'percent'));
    return cells;
  };
  return {
    kind: 'table',
    id: CHANGE_TABLE_ID,
    row: YEAR_TABLE_ROW,
    col: years.length + 2,
    header,
    rows: [...keys.map(rowFor), rowFor(ALL_SERVICES)],
    totalRow: true,
    widthsPt: fitWidths(header, header.map(() => NUMBER_CHARS)),
  };
}

interface LabelledCounts {
  readonly label: string;
  readonly counts: Readonly<Record<number, Counts>>;
}

/**
 * Label × cluster for the latest year, with the previous year's total and the change; the last
 * row repeats Analysis.total, which equals the sum of the rows above (every counted record is
 * in exactly one row: offices by SPEC §4 rule 5, Themenfeld and LeiKa-Typ by construction).
 */
function clusterTable(
  analysis: Analysis,
  spec: { id: string; label: string; totalLabel: string; row: number; latest: number; previous: number | undefined },
  entries: readonly LabelledCounts[],
): OutTable {
  const { latest, previous } = spec;
  const keys = shownClusters(entries.some((o) => count(o.counts, latest, UNASSIGNED) !== 0));
  const header: string[] = [spec.label, ...keys.map(clusterHeader), `${ALL_SERVICES} ${latest}`];
  if (previous !== undefined) header.push(`${ALL_SERVICES} ${previous}`, `Veränderung zu ${previous}`);
  const rowFor = (label: string, table: Readonly<Record<number, Counts>>): OutValue[] => {
    const cells: OutValue[] = [text(label), ...keys.map((k) => num(count(table, latest, k))), num(count(table, latest, ALL_SERVICES))];
    if (previous !== undefined) {
      const before = count(table, previous, ALL_SERVICES);
      cells.push(num(before), num(count(table, latest, ALL_SERVICES) - before, 'signedInteger'));
    }
    return cells;
  };
  return {
    kind: 'table',
    id: spec.id,
    row: spec.row,
    col: 0,
    header,
    rows: [...entries.map((o) => rowFor(o.label, o.counts)), rowFor(spec.totalLabel, analysis.total)],
    totalRow: true,
    widthsPt: fitWidths(header, [LABEL_CHARS, ...header.slice(1).map(() => NUMBER_CHARS)]),
  };
}

/**
 * The Monitoring sheet (SPEC §5): title, date, year table, changes and shares, offices, chart;
 * with a catalogue's breakdowns, below the chart a table by Themenfeld and one by LeiKa-Typ
 * (× cluster, latest year).
 */
export function buildMonitoringSheet(analysis: Analysis, evaluatedAt: string, breakdowns?: CatalogBreakdowns): OutputSheet {
  const blocks: OutBlock[] = [
    { kind: 'text', row: 0, col: 0, text: MONITORING_TITLE, style: 'title' },
    { kind: 'text', row: 1, col: 0, text: `Stand der Auswertung: ${germanDate(evaluatedAt)}`, style: 'subtitle' },
    { kind: 'text', row: 2, col: 0, text: `Berichtsjahr: ${analysis.reportYear}`, style: 'subtitle' },
    { kind: 'text', row: YEAR_TABLE_ROW - 1, col: 0, text: 'Dienstleistungen nach Umsetzungsstatus und Jahr', style: 'subtitle' },
  ];
  const model = yearTable(analysis);
  const keys = model.rows.filter((r) => !r.total).map((r) => r.label);
  const years = yearSheetTable(model);
  blocks.push(years, changeTable(analysis, keys));
  let row = YEAR_TABLE_ROW + 1 + years.rows.length + 1;
  if (keys.includes(UNASSIGNED)) {
    blocks.push({
      kind: 'text',
      row: row++,
      col: 0,
      text: 'Nicht zugeordnet: Status nicht erkannt oder fehlend – siehe Blatt „Prüfhinweise“.',
      style: 'note',
    });
  }
  const latest = analysis.years[analysis.years.length - 1];
  if (latest === undefined) {
    blocks.push({ kind: 'text', row, col: 0, text: 'Es wurden keine Dienstleistungen gezählt.', style: 'note' });
    return { role: 'Monitoring', blocks, orientation: 'landscape' };
  }
  const previous = analysis.years[analysis.years.length - 2];
  row += 1;
  blocks.push({ kind: 'text', row, col: 0, text: `Dienstleistungen je Amt ${latest}`, style: 'subtitle' });
  const offices = clusterTable(
    analysis,
    { id: OFFICE_TABLE_ID, label: 'Amt', totalLabel: 'Alle Ämter', row: row + 1, latest, previous },
    analysis.offices.map((o) => ({ label: o.office, counts: o.counts })),
  );
  blocks.push(offices);
  row = offices.row + 1 + offices.rows.length + 2;
  const chart: OutChart = {
    kind: 'chart',
    title: 'Dienstleistungen nach Umsetzungsstatus',
    tableId: YEAR_TABLE_ID,
    categoryRows: keys.map((_, i) => i),
    seriesColumns: analysis.years.map((_, i) => i + 1),
    from: { row, col: 0 },
    to: { row: row + CHART_HEIGHT, col: CHART_WIDTH },
  };
  blocks.push(chart);
  if (breakdowns) {
    row += CHART_HEIGHT + 2;
    for (const b of [
      { id: THEMENFELD_TABLE_ID, label: 'Themenfeld', totalLabel: 'Alle Themenfelder', title: `Dienstleistungen je Themenfeld ${latest} (LeiKa-Katalog)`, rows: breakdowns.themenfeld },
      { id: TYP_TABLE_ID, label: 'LeiKa-Typ', totalLabel: 'Alle Typen', title: `Dienstleistungen je LeiKa-Typ ${latest} (LeiKa-Katalog)`, rows: breakdowns.typ },
    ]) {
      blocks.push({ kind: 'text', row, col: 0, text: b.title, style: 'subtitle' });
      const table = clusterTable(
        analysis,
        { id: b.id, label: b.label, totalLabel: b.totalLabel, row: row + 1, latest, previous },
        b.rows.map((r) => ({ label: r.name, counts: r.counts })),
      );
      blocks.push(table);
      row = table.row + 1 + table.rows.length + 2;
    }
  }
  return { role: 'Monitoring', blocks, orientation: 'landscape' };
}

