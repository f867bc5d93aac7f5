import type { Catalog } from '../catalog/types';
import type { ComparisonText as CompareText, YearComparison } from '../compare/types';
import type { Analysis } from '../model';
import type { OutTable } from '../output-model';
import { yearOutTable, yearTable as yearTableOf } from '../outputs/year-table';
import { formatInt, joinGerman } from '../format';
import { digitalMilestones } from './milestones';
import { significantRefinements } from './refinements';
import { bausteinParagraphs } from './sentences';
import type { Baustein, BausteinChart, BausteinRefinement } from './types';

export const BAUSTEIN_TABLE_ID = 'baustein-years';

/** What the section is built from: one evaluation (core/report's Evaluation fits). */
export interface BausteinSource {
  readonly analysis: Analysis;
  readonly comparisons: readonly YearComparison[];
  readonly catalog?: { readonly import: { readonly catalog: Catalog } } | undefined;
}

/** The text of one comparison and what it names (the Vergleich sheet shows it per pair of years). */
export interface ComparisonText extends CompareText {
  readonly refinements: readonly BausteinRefinement[];
  readonly milestones: readonly string[];
}

/** The SPEC §9 text for the pair of years `comparison` covers. */
export function comparisonText(analysis: Analysis, comparison: YearComparison, catalog?: Catalog): ComparisonText {
  const { from, to } = comparison;
  const refinements = significantRefinements(analysis.records, from, to, catalog);
  const milestones = digitalMilestones(analysis.offices, from, to);
  const adjustedFrom = comparison.adjusted[from];
  const adjustedTo = comparison.adjusted[to];
  const paragraphs = bausteinParagraphs({
    from,
    to,
    total: analysis.total,
    ...(adjustedFrom && adjustedTo ? { adjusted: { from: adjustedFrom, to: adjustedTo, common: comparison.common } } : {}),
    refinements,
    milestones,
  });
  return { paragraphs, refinements, milestones };
}

/**
 * The section „Baustein für die Mitteilungsvorlage“ (SPEC §9) for the latest year and the one
 * before it: the year table, the chart over it and the text. With one year only, table, chart
 * and the totals; with no counted year, a table of zeros for the report year.
 */
export function buildBaustein(source: BausteinSource): Baustein {
  const { analysis } = source;
  const catalog = source.catalog?.import.catalog;
  const comparison = source.comparisons[source.comparisons.length - 1];
  const to = analysis.years[analysis.years.length - 1] ?? analysis.reportYear;
  const years = comparison && comparison.to === to ? [comparison.from, to] : [to];
  const text: ComparisonText =
    comparison && comparison.to === to
      ? comparisonText(analysis, comparison, catalog)
      : { paragraphs: bausteinParagraphs({ to, total: analysis.total, refinements: [], milestones: [] }), refinements: [], milestones: [] };
  const table = yearTable(analysis, years);
  return {
    heading: `Stand der Digitalisierung der Verwaltungsleistungen ${to}`,
    years,
    table,
    tableCaption: `Verwaltungsleistungen nach Umsetzungsstatus ${joinGerman(years.map(String))}`,
    chart: chartOf(table, years),
    ...text,
  };
}

function yearTable(analysis: Analysis, years: readonly number[]): OutTable {
  return yearOutTable(yearTableOf(analysis, years), { id: BAUSTEIN_TABLE_ID, row: 0, col: 0 });
}

/** The chart of the year table for `years` (the task pane's Monitoring preview shows it too). */
export function yearChart(analysis: Analysis, years: readonly number[]): BausteinChart {
  return chartOf(yearTable(analysis, years), years);
}

/** Clusters × years, without the total row. */
function chartOf(table: OutTable, years: readonly number[]): BausteinChart {
  const body = table.rows.slice(0, -1);
  const categories = body.map((r) => (r[0]?.kind === 'text' ? r[0].text : ''));
  const series = years.map((y, i) => ({ name: String(y), values: body.map((r) => { const v = r[i + 1]; return v?.kind === 'number' ? v.value : 0; }) }));
  const values = categories.map((c, j) => `${c} ${joinGerman(series.map((s) => formatInt(s.values[j] ?? 0)))}`);
  const title = 'Verwaltungsleistungen nach Umsetzungsstatus';
  return {
    title,
    altText: `Säulendiagramm „${title}“, ${joinGerman(years.map(String))}: ${values.join('; ')}.`,
    categories,
    series,
  };
}
