import { leistungsobjektOf } from './key';
import { analyzeWorkbook, type AnalyzeOptions } from './analyze';
import {
  type Catalog,
  type CatalogBreakdowns,
  type CatalogImport,
  catalogBreakdowns,
  leistungsobjektEntry,
  readWorkbookCatalog,
} from './catalog';
import { comparisonText } from './baustein/build';
import { compareYears, buildComparisonSheet, type YearComparison } from './compare';
import { type Finding, SEVERITY } from './findings';
import type { DefinedName, WorkbookGrid } from './grid';
import { MESSAGES } from './messages';
import type { Analysis, CountedRecord } from './model';
import { recordColumns } from './record-table';
import type { OutputSheet } from './output-model';
import { type FileLink, buildOutputSheets, emptiedContinuations } from './outputs';
import { type SourcesUse, type WorkbookSource, attribute, combineSources } from './sources';

export interface EvaluateOptions extends AnalyzeOptions {
  /**
   * A catalogue the caller read (CLI `--catalog`, an import in the task pane). Without it, the
   * catalogue kept in the workbook (the sheet marked `LeiKaMonitor_Katalog`) is used, if any.
   */
  readonly catalog?: CatalogImport;
}

/** The catalogue an evaluation used and what it added. */
export interface CatalogUse {
  readonly import: CatalogImport;
  /** 'option': given by the caller; 'workbook': read from the marked sheet of the evaluated workbook. */
  readonly origin: 'option' | 'workbook';
  /** Counted records by Themenfeld and LeiKa-Typ, every year of `analysis.years`. */
  readonly breakdowns: CatalogBreakdowns;
  /** Rows whose valid key is not in the catalogue (one KEY_NOT_IN_CATALOG finding each). */
  readonly keysNotInCatalog: number;
}

/** Everything one evaluation produces: the counts and findings, and the year-over-year comparison. */
export interface Evaluation {
  /** With a catalogue, `findings` also holds the catalogue's own findings and KEY_NOT_IN_CATALOG. */
  readonly analysis: Analysis;
  /** One entry per pair of consecutive years of `analysis.years` (none with fewer than two years). */
  /** Computed on first use: a run that only prints the Monitoring table never pays for it. */
  readonly comparisons: readonly YearComparison[];
  /** Present when a catalogue was given or found in the workbook. */
  readonly catalog?: CatalogUse;
  /** The inputs (SPEC §10): each file with its sheets and offices, and where settings and mapping came from. */
  readonly sources: SourcesUse;
}

/**
 * The one pipeline behind the CLI, file mode and the task pane: one workbook, or several
 * inputs (SPEC §10) evaluated as if their sheets stood in one workbook, in order.
 */
export function evaluateWorkbook(input: WorkbookGrid | readonly WorkbookSource[], options: EvaluateOptions): Evaluation {
  const sources: readonly WorkbookSource[] = isSourceList(input) ? input : [{ kind: 'workbook', workbook: input }];
  const combined = combineSources(sources);
  const workbook = combined.workbook;
  const { catalog: given, ...analyzeOptions } = options;
  const analysis = analyzeWorkbook(workbook, { ...analyzeOptions, officeName: (sheet, all) => combined.officeName(sheet, all) });
  const extra: Finding[] = [];
  let catalogImport: CatalogImport | undefined = given;
  let origin: CatalogUse['origin'] = 'option';
  if (!catalogImport) {
    const stored = readWorkbookCatalog(workbook);
    if (stored?.kind === 'read') {
      catalogImport = stored.result;
      origin = 'workbook';
    } else if (stored?.kind === 'unreadable') {
      extra.push({ severity: SEVERITY.CATALOG_UNREADABLE, code: 'CATALOG_UNREADABLE', sheet: stored.sheet, cell: 'A1', message: MESSAGES.CATALOG_UNREADABLE(stored.sheet) });
    }
  }
  const keyFindings = catalogImport ? keysNotInCatalog(analysis.records, catalogImport) : [];
  const findings = [...analysis.findings, ...extra, ...(catalogImport ? [...catalogImport.findings, ...keyFindings] : [])];
  const attributed = attribute(sources, combined, analysis, findings);
  if (!catalogImport) return withComparisons({ analysis: attributed.analysis, sources: attributed.sources }, undefined);
  const { catalog } = catalogImport;
  return withComparisons(
    {
      analysis: attributed.analysis,
      sources: attributed.sources,
      catalog: {
        import: catalogImport,
        origin,
        breakdowns: catalogBreakdowns(analysis.records, analysis.years, catalog),
        keysNotInCatalog: keyFindings.length,
      },
    },
    catalog,
  );
}

function isSourceList(input: WorkbookGrid | readonly WorkbookSource[]): input is readonly WorkbookSource[] {
  return Array.isArray(input);
}

/** The evaluation with `comparisons` as a getter that compares the years once, on first use. */
function withComparisons(base: Omit<Evaluation, 'comparisons'>, catalog: Catalog | undefined): Evaluation {
  let comparisons: readonly YearComparison[] | undefined;
  const { analysis } = base;
  return {
    ...base,
    get comparisons() {
      return (comparisons ??= compareYears(recordColumns(analysis), { years: analysis.years, ...(catalog ? { catalog } : {}) }));
    },
  };
}

/** KEY_NOT_IN_CATALOG on the key cell, once per service row whose valid key the catalogue lacks. */
function keysNotInCatalog(records: readonly CountedRecord[], catalogImport: CatalogImport): Finding[] {
  const { catalog } = catalogImport;
  const findings: Finding[] = [];
  const seenRows = new Set<string>();
  for (const r of records) {
    if (!r.keyValid || catalog.entries.has(r.key)) continue;
    const rowId = `${r.sheet}\u0000${r.row}`;
    if (seenRows.has(rowId)) continue;
    seenRows.add(rowId);
    const lo = leistungsobjektEntry(catalog, leistungsobjektOf(r.key));
    findings.push({
      severity: SEVERITY.KEY_NOT_IN_CATALOG,
      code: 'KEY_NOT_IN_CATALOG',
      sheet: r.sheet,
      cell: r.keyCell,
      message: MESSAGES.KEY_NOT_IN_CATALOG(r.key, r.name, catalog.source, lo?.name),
    });
  }
  return findings;
}

export interface ReportSheetOptions {
  /** ISO date of the evaluation. */
  readonly evaluatedAt: string;
  /**
   * Defined names of the workbook the sheets go into (inside Excel): continuation sheets
   * (`Gesamtliste 2`, …) it has marked but this evaluation does not fill are emptied down to
   * their header. A new report workbook has none.
   */
  readonly existingNames?: readonly DefinedName[];
  /** Where Prüfhinweise links to cells of other files point (CLI: paths relative to the report); none without it. */
  readonly fileLink?: FileLink;
}

/**
 * The output sheets of SPEC §5 in order: Monitoring, Prüfhinweise, Gesamtliste, and Vergleich
 * where there are two years. With a catalogue, Monitoring and Vergleich carry the breakdowns by
 * Themenfeld and LeiKa-Typ and Gesamtliste the official name beside the sheet's.
 */
export function reportSheets(evaluation: Evaluation, opts: ReportSheetOptions): OutputSheet[] {
  const catalog = evaluation.catalog;
  const sheets = buildOutputSheets(evaluation.analysis, {
    evaluatedAt: opts.evaluatedAt,
    ...(opts.fileLink ? { fileLink: opts.fileLink } : {}),
    ...(catalog ? { catalog: { catalog: catalog.import.catalog, breakdowns: catalog.breakdowns } } : {}),
  });
  if (evaluation.comparisons.length > 0)
    sheets.push(
      buildComparisonSheet(evaluation.comparisons, {
        date: opts.evaluatedAt,
        text: (c) => comparisonText(evaluation.analysis, c, catalog?.import.catalog),
        ...(catalog ? { breakdowns: catalog.breakdowns } : {}),
      }),
    );
  if (opts.existingNames) sheets.push(...emptiedContinuations(sheets, opts.existingNames));
  return sheets;
}
