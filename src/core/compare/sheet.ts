import { ALL_SERVICES, clusterHeader, COUNTED_CLUSTERS, type CountKey, shownClusters, UNASSIGNED } from '../clusters';
import type { BreakdownRow, CatalogBreakdowns } from '../catalog/breakdown';
import type { OutBlock, OutTable, OutValue, OutputSheet } from '../output-model';
import { charactersToPoints, fitWidths, wrapLines } from '../outputs/widths';
import { toGermanDate } from '../dates';
import { formatInt } from '../format';
import { num, text } from '../outputs/values';
import { transitionClusters } from './compare-years';
import type { ComparisonText, YearComparison } from './types';

export interface ComparisonSheetOptions {
  /** Date of the evaluation, ISO `YYYY-MM-DD`; shown under the title. */
  readonly date?: string;
  /** Refinement rows listed per comparison; the rest is summed up in a note. Default 200. */
  readonly maxRefinementRows?: number;
  /** A catalogue's breakdowns: adds the change per Themenfeld and per LeiKa-Typ to each comparison. */
  readonly breakdowns?: CatalogBreakdowns;
  /** The text of SPEC §9 for a pair of years (the Baustein's), shown above its tables. */
  readonly text?: (c: YearComparison) => ComparisonText;
}

const int = (n: number): OutValue => num(n);
const signed = (n: number): OutValue => num(n, 'signedInteger');

/**
 * Every table of the sheet stands on one grid: a label column (A) and number columns of one
 * width, so no table inherits a column width meant for another (SPEC §5, issue 12). Widths grow
 * only where a header word needs more.
 */
const LABEL_CHARS = 40;
const NUMBER_CHARS = 14;
/** The text block spans the label column and six number columns (A–G), as wide as the first table. */
const TEXT_WIDTH_PT = charactersToPoints(LABEL_CHARS) + 6 * charactersToPoints(NUMBER_CHARS);

function fittedTable(block: Omit<OutTable, 'kind' | 'widthsPt'>): OutTable {
  return { kind: 'table', ...block, widthsPt: fitWidths(block.header, block.header.map((_, c) => (c === 0 ? LABEL_CHARS : NUMBER_CHARS))) };
}

/** Rows a chart occupies; blocks below start after it. */
const CHART_ROWS = 16;

/**
 * The sheet `Vergleich` (role 'Vergleich'): per pair of years, latest first — the German
 * sentences, the adjusted table beside the published one with a chart of both changes, the
 * transition matrix as a heat map, the refinement list and the per-office overview.
 * Without comparisons (fewer than two years) the sheet says so.
 */
export function buildComparisonSheet(comparisons: readonly YearComparison[], opts: ComparisonSheetOptions = {}): OutputSheet {
  const blocks: OutBlock[] = [];
  let row = titleBlocks(blocks, opts.date);
  if (comparisons.length === 0) {
    blocks.push({ kind: 'text', row, col: 0, text: 'Für einen Vergleich sind mindestens zwei Jahre mit erfassten Leistungen nötig.', style: 'note' });
    return { role: 'Vergleich', blocks, orientation: 'landscape' };
  }
  for (const c of [...comparisons].reverse()) row = comparisonBlocks(c, row, blocks, opts) + 2;
  return { role: 'Vergleich', blocks, orientation: 'landscape' };
}

/** Title and date; returns the first row below them and a blank row. */
function titleBlocks(blocks: OutBlock[], date: string | undefined): number {
  let row = 0;
  blocks.push({ kind: 'text', row: row++, col: 0, text: 'Vergleich der Berichtsjahre', style: 'title' });
  if (date) blocks.push({ kind: 'text', row: row++, col: 0, text: `Stand der Auswertung: ${toGermanDate(date) ?? date}`, style: 'note' });
  return row + 1;
}

/** Appends the blocks of one comparison from `start`, top to bottom; returns the first free row below them. */
function comparisonBlocks(c: YearComparison, start: number, blocks: OutBlock[], opts: ComparisonSheetOptions): number {
  const prose = opts.text?.(c);
  let row = start;
  blocks.push({ kind: 'text', row: row++, col: 0, text: `Vergleich ${c.from} \u2192 ${c.to}`, style: 'subtitle' });
  if (prose) row = proseBlocks(prose, row, blocks);
  row = publishedBlocks(c, row, blocks);
  if (prose && prose.refinements.length > 0) row = textRefinementBlocks(c, row, blocks, prose);
  row = transitionBlocks(c, row, blocks);
  row = refinementBlocks(c, row, blocks, opts.maxRefinementRows ?? 200);
  row = officeBlocks(c, row, blocks);
  if (opts.breakdowns) {
    row = breakdownBlocks(c, row, blocks, 'Themenfeld', 'Je Themenfeld (LeiKa-Katalog)', opts.breakdowns.themenfeld);
    row = breakdownBlocks(c, row, blocks, 'LeiKa-Typ', 'Je LeiKa-Typ (LeiKa-Katalog)', opts.breakdowns.typ);
  }
  return row;
}

const tableId = (c: YearComparison, part: string): string => `Vergleich${c.from}_${c.to}_${part}`;

/** The SPEC §9 text as one block of fixed width: the core wraps the paragraphs, one line per row, a blank row between. */
function proseBlocks(prose: ComparisonText, start: number, blocks: OutBlock[]): number {
  let row = start;
  prose.paragraphs.forEach((p, i) => {
    if (i > 0) row++;
    for (const line of wrapLines(p.join(' '), TEXT_WIDTH_PT)) blocks.push({ kind: 'text', row: row++, col: 0, text: line, style: 'paragraph' });
  });
  return row + 1;
}

/** Published beside adjusted counts, with a chart of both changes to its right; Alle Dienstleistungen always equals the sum of the rows above. */
function publishedBlocks(c: YearComparison, start: number, blocks: OutBlock[]): number {
  let row = start;
  const pubFrom = c.published[c.from]!;
  const pubTo = c.published[c.to]!;
  const adjFrom = c.adjusted[c.from]!;
  const adjTo = c.adjusted[c.to]!;
  const clusters = shownClusters(pubFrom[UNASSIGNED] + pubTo[UNASSIGNED] + adjFrom[UNASSIGNED] + adjTo[UNASSIGNED] > 0);
  const keys: CountKey[] = [...clusters, ALL_SERVICES];
  blocks.push({ kind: 'text', row: row++, col: 0, text: 'Veröffentlicht und bereinigt (nur in beiden Jahren erfasste Leistungen)', style: 'subtitle' });
  const tableRow = row;
  blocks.push(
    fittedTable({
      id: tableId(c, 'Bereinigt'),
      row: tableRow,
      col: 0,
      header: ['Umsetzungsstatus', `${c.from}`, `${c.to}`, 'Veränderung', `${c.from} bereinigt`, `${c.to} bereinigt`, 'Veränderung bereinigt'],
      rows: keys.map((k) => [text(k), int(pubFrom[k]), int(pubTo[k]), signed(pubTo[k] - pubFrom[k]), int(adjFrom[k]), int(adjTo[k]), signed(adjTo[k] - adjFrom[k])]),
      totalRow: true,
    }),
  );
  blocks.push({
    kind: 'chart',
    title: `Veränderung ${c.from} \u2192 ${c.to} je Cluster: veröffentlicht und bereinigt`,
    tableId: tableId(c, 'Bereinigt'),
    categoryRows: clusters.map((_, i) => i),
    seriesColumns: [3, 6],
    from: { row: tableRow, col: 7 },
    to: { row: tableRow + CHART_ROWS, col: 11 },
  });
  return Math.max(tableRow + keys.length + 1, tableRow + CHART_ROWS) + 1;
}

/** The transition matrix as a heat map: rows = cluster in the earlier year, columns = cluster in the later one. */
function transitionBlocks(c: YearComparison, start: number, blocks: OutBlock[]): number {
  let row = start;
  const shown = transitionClusters(c.transitions);
  blocks.push({ kind: 'text', row: row++, col: 0, text: `Übergänge der ${formatInt(c.common)} in beiden Jahren erfassten Leistungen`, style: 'subtitle' });
  blocks.push(
    fittedTable({
      id: tableId(c, 'Uebergaenge'),
      row,
      col: 0,
      header: [`${c.from} \u2193 / ${c.to} \u2192`, ...shown.map(clusterHeader)],
      rows: shown.map((a) => [text(a), ...shown.map((b) => int(c.transitions[a][b]))]),
      totalRow: false,
      heatMap: true,
    }),
  );
  return row + shown.length + 2;
}

/** Leistungsobjekte whose number of services changed, the first `maxRows` of them, with the change per cluster involved. */
function refinementBlocks(c: YearComparison, start: number, blocks: OutBlock[], maxRows: number): number {
  let row = start;
  blocks.push({ kind: 'text', row: row++, col: 0, text: 'Verfeinerung im LeiKa: Leistungsobjekte mit veränderter Zahl erfasster Leistungen', style: 'subtitle' });
  if (c.refinement.length === 0) {
    blocks.push({ kind: 'text', row: row++, col: 0, text: 'Bei keinem Leistungsobjekt hat sich die Zahl der erfassten Leistungen verändert.', style: 'note' });
    return row;
  }
  const listed = c.refinement.slice(0, maxRows);
  const involved = COUNTED_CLUSTERS.filter((k) => listed.some((r) => (r.clusters[k]?.change ?? 0) !== 0));
  blocks.push(
    fittedTable({
      id: tableId(c, 'Verfeinerung'),
      row,
      col: 0,
      header: ['Bezeichnung', 'Leistungsobjekt', `Leistungen ${c.from}`, `Leistungen ${c.to}`, 'Veränderung', ...involved.map((k) => `Veränderung ${clusterHeader(k)}`)],
      rows: listed.map((r) => [text(r.name), text(r.leistungsobjekt), int(r.from), int(r.to), signed(r.change), ...involved.map((k) => signed(r.clusters[k]?.change ?? 0))]),
      totalRow: false,
    }),
  );
  row += listed.length + 1;
  if (c.refinement.length > listed.length)
    blocks.push({ kind: 'text', row: row++, col: 0, text: `… und ${formatInt(c.refinement.length - listed.length)} weitere Leistungsobjekte.`, style: 'note' });
  return row + 1;
}

/** Per office: both years' totals, the change, and services in both years, added and dropped. */
function officeBlocks(c: YearComparison, start: number, blocks: OutBlock[]): number {
  if (c.offices.length === 0) return start;
  let row = start;
  blocks.push({ kind: 'text', row: row++, col: 0, text: 'Je Amt', style: 'subtitle' });
  blocks.push(
    fittedTable({
      id: tableId(c, 'Aemter'),
      row,
      col: 0,
      header: ['Amt', `Alle ${c.from}`, `Alle ${c.to}`, 'Veränderung', 'in beiden Jahren', 'hinzugekommen', 'entfallen'],
      rows: c.offices.map((o) => {
        const f = o.published[c.from]![ALL_SERVICES];
        const t = o.published[c.to]![ALL_SERVICES];
        return [text(o.office), int(f), int(t), signed(t - f), int(o.common), int(o.added), int(o.removed)];
      }),
      totalRow: false,
    }),
  );
  return row + c.offices.length + 1;
}

/** The refinements the text names, with the numbers it gives: distinct keys per year, the later year's per cluster. */
function textRefinementBlocks(c: YearComparison, start: number, blocks: OutBlock[], t: ComparisonText): number {
  let row = start;
  const clusters = COUNTED_CLUSTERS.filter((k) => t.refinements.some((r) => (r.clusters[k] ?? 0) > 0));
  blocks.push({ kind: 'text', row: row++, col: 0, text: `Im Text genannte Verfeinerungen (mindestens 10 LeiKa-Leistungen mehr als ${c.from})`, style: 'subtitle' });
  blocks.push(
    fittedTable(
      {
        id: tableId(c, 'Text'),
        row,
        col: 0,
        header: ['Bezeichnung', 'Leistungsobjekt', `LeiKa-Leistungen ${c.from}`, `LeiKa-Leistungen ${c.to}`, ...clusters.map((k) => `davon ${clusterHeader(k)} ${c.to}`)],
        rows: t.refinements.map((r) => [text(r.name), text(r.leistungsobjekt), int(r.from), int(r.to), ...clusters.map((k) => int(r.clusters[k] ?? 0))]),
        totalRow: false,
      },
    ),
  );
  return row + t.refinements.length + 2;
}

/**
 * Label × (both years' totals, change, change per cluster); no total row: the published table
 * above holds the totals, which each column of this table adds up to.
 */
function breakdownBlocks(c: YearComparison, start: number, blocks: OutBlock[], label: string, title: string, rows: readonly BreakdownRow[]): number {
  let row = start;
  if (rows.length === 0) return row;
  const at = (r: BreakdownRow, year: number, k: CountKey): number => r.counts[year]?.[k] ?? 0;
  const clusters = shownClusters(rows.some((r) => at(r, c.from, UNASSIGNED) + at(r, c.to, UNASSIGNED) > 0));
  blocks.push({ kind: 'text', row: row++, col: 0, text: title, style: 'subtitle' });
  blocks.push(
    fittedTable(
      {
        id: tableId(c, label === 'Themenfeld' ? 'Themenfeld' : 'LeiKaTyp'),
        row,
        col: 0,
        header: [label, `Alle ${c.from}`, `Alle ${c.to}`, 'Veränderung', ...clusters.map((k) => `Veränderung ${clusterHeader(k)}`)],
        rows: rows.map((r) => [
          text(r.name),
          int(at(r, c.from, ALL_SERVICES)),
          int(at(r, c.to, ALL_SERVICES)),
          signed(at(r, c.to, ALL_SERVICES) - at(r, c.from, ALL_SERVICES)),
          ...clusters.map((k) => signed(at(r, c.to, k) - at(r, c.from, k))),
        ]),
        totalRow: false,
      },
    ),
  );
  return row + rows.length + 2;
}
