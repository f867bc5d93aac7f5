import type { Analysis } from '../core/model';
import type { YearComparison } from '../core/compare';
import type { BreakdownRow } from '../core/catalog';
import type { Evaluation } from '../core/report';
import type { SourcesUse } from '../core/sources';
import { CLUSTERS, type Counts } from '../core/clusters';

/** The JSON document of SPEC §6 (plus `comparison` where given). */
export function analysisJson(analysis: Analysis, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const perYear = (counts: Readonly<Record<number, Counts>>): Record<string, Counts> =>
    Object.fromEntries(analysis.years.map((y) => [String(y), counts[y]!]));
  return {
    years: analysis.years,
    reportYear: analysis.reportYear,
    clusters: CLUSTERS,
    total: perYear(analysis.total),
    offices: analysis.offices.map((o) => ({ office: o.office, counts: perYear(o.counts) })),
    findings: analysis.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      sheet: f.sheet,
      cell: f.cell,
      ...(f.file !== undefined ? { file: f.file } : {}),
      message: f.message,
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    })),
    skippedSheets: analysis.skippedSheets,
    ...extra,
  };
}

/**
 * The `comparison` array of issue 4: per pair of consecutive years, total over all offices.
 * Per-office parts stay out of the JSON (they are on the Vergleich sheet); refinement lists
 * the Leistungsobjekte whose number of keys changed.
 */
export function comparisonJson(comparisons: readonly YearComparison[]): Record<string, unknown>[] {
  return comparisons.map((c) => ({
    from: c.from,
    to: c.to,
    common: c.common,
    added: c.added,
    removed: c.removed,
    transitions: c.transitions,
    refinement: c.refinement.map((r) => ({ leistungsobjekt: r.leistungsobjekt, name: r.name, from: r.from, to: r.to, clusters: r.clusters })),
    adjusted: Object.fromEntries(Object.entries(c.adjusted)),
  }));
}

/**
 * With a catalogue: `catalog` (where it came from and what it held) and `breakdowns` (counted
 * records per Themenfeld and per LeiKa-Typ, every year with all seven keys, like `offices`).
 * Without one: nothing, so the document is exactly SPEC §6 plus `comparison`.
 */
export function catalogJson(evaluation: Evaluation): Record<string, unknown> {
  const use = evaluation.catalog;
  if (!use) return {};
  const { years } = evaluation.analysis;
  const rows = (list: readonly BreakdownRow[]): Record<string, unknown>[] =>
    list.map((r) => ({ name: r.name, counts: Object.fromEntries(years.map((y) => [String(y), r.counts[y]!])) }));
  const { stats, catalog } = use.import;
  return {
    catalog: { source: catalog.source, entries: stats.entries, rowsWithoutKey: stats.withoutKey, invalidKeys: stats.invalidKey },
    breakdowns: { themenfeld: rows(use.breakdowns.themenfeld), typ: rows(use.breakdowns.typ) },
  };
}

/**
 * Several files (SPEC §10): `files`, each with its office sheets, offices and skipped sheets (or
 * `skipped`: why it could not be read), and where `settings` and `mapping` came from.
 */
export function sourcesJson(sources: SourcesUse): Record<string, unknown> {
  return {
    files: sources.files.map((f) => ({
      file: f.file,
      ...(f.skipped !== undefined ? { skipped: f.skipped } : {}),
      sheets: f.officeSheets.map((s) => s.sheet),
      offices: f.offices,
      skippedSheets: f.skippedSheets.map((s) => ({ sheet: s.sheet, reason: s.reason })),
    })),
    ...(sources.settings ? { settings: sources.settings } : {}),
    ...(sources.mapping ? { mapping: sources.mapping } : {}),
  };
}
