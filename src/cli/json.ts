import type { Analysis } from '../core/model';
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
      message: f.message,
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    })),
    skippedSheets: analysis.skippedSheets,
    ...extra,
  };
}
