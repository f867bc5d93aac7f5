import { analyzeWorkbook, type AnalyzeOptions } from './analyze';
import { compareYears, buildComparisonSheet, type YearComparison } from './compare';
import type { WorkbookGrid } from './grid';
import type { Analysis } from './model';
import type { OutputSheet } from './output-model';
import { buildOutputSheets } from './outputs';

/** Everything one evaluation produces: the counts and findings, and the year-over-year comparison. */
export interface Evaluation {
  readonly analysis: Analysis;
  /** One entry per pair of consecutive years of `analysis.years` (none with fewer than two years). */
  readonly comparisons: readonly YearComparison[];
}

/** The one pipeline behind the CLI, file mode and the task pane: grid in, evaluation out. */
export function evaluateWorkbook(workbook: WorkbookGrid, options: AnalyzeOptions): Evaluation {
  const analysis = analyzeWorkbook(workbook, options);
  const comparisons = compareYears(analysis.records, { years: analysis.years });
  return { analysis, comparisons };
}

/** The output sheets of SPEC §5 in order: Monitoring, Prüfhinweise, Gesamtliste, and Vergleich where there are two years. */
export function reportSheets(evaluation: Evaluation, opts: { evaluatedAt: string }): OutputSheet[] {
  const sheets = buildOutputSheets(evaluation.analysis, opts);
  if (evaluation.comparisons.length > 0) sheets.push(buildComparisonSheet(evaluation.comparisons, { date: opts.evaluatedAt }));
  return sheets;
}
