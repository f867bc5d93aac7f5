import { ALL_SERVICES } from '../core/clusters';
import { SEVERITY_ORDER, type Finding } from '../core/findings';
import { formatInt } from '../core/format';
import { SEVERITY_NAMES } from '../core/messages';
import type { Analysis } from '../core/model';
import { yearTable } from '../core/outputs/year-table';
import type { Evaluation } from '../core/report';
import { type SheetOrigin, type SourcesUse, sheetLabel } from '../core/sources';
import { terminalSafe } from './terminal';


/** Rows of cells as an aligned text table: first column left, the others right-aligned. */
export function alignTable(raw: readonly (readonly string[])[]): string {
  const rows = raw.map((row) => row.map(terminalSafe));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const [head, ...body] = rows;
  return [head ? line(head) : '', rule, ...body.map(line)].join('\n');
}

/** The Monitoring table as in SPEC §1 (Nicht zugeordnet only where non-zero). */
export function monitoringText(analysis: Analysis): string {
  const table = yearTable(analysis);
  const lines = alignTable([table.header, ...table.rows.map((r) => [r.label, ...r.values.map(formatInt)])]).split('\n');
  // a rule above the total row, as in the printed report
  lines.splice(lines.length - 1, 0, lines[1]!);
  return lines.join('\n');
}

export function findingsSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'Prüfhinweise: keine';
  const lines = [`Prüfhinweise: ${findings.length}`];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const byCode = new Map<string, number>();
    for (const f of ofSeverity) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    const codes = [...byCode].map(([code, n]) => `${code} ${n}`).join(', ');
    lines.push(`  ${SEVERITY_NAMES[severity].many}: ${ofSeverity.length} (${codes})`);
  }
  const errors = findings.filter((f) => f.severity === 'error').slice(0, 10);
  for (const f of errors) lines.push(`  - ${sheetLabel(f.file, f.sheet)}!${f.cell} ${f.code}: ${f.message}`);
  const more = findings.filter((f) => f.severity === 'error').length - errors.length;
  if (more > 0) lines.push(`  … und ${more} weitere Fehler (vollständige Liste im Blatt „Prüfhinweise“ mit --out oder in --json)`);
  return lines.join('\n');
}

export function reportText(analysis: Analysis): string {
  const parts = [`Berichtsjahr: ${analysis.reportYear}`, '', monitoringText(analysis), '', findingsSummary(analysis.findings)];
  if (analysis.skippedSheets.length > 0) {
    parts.push('', 'Übersprungene Blätter:');
    for (const s of analysis.skippedSheets) parts.push(`  - ${sheetLabel(s.file, s.sheet)}: ${s.reason}`);
  }
  return parts.join('\n');
}

/** One paragraph on the catalogue used: source, entries, rows it could not use, keys missing from it. */
export function catalogText(evaluation: Evaluation): string {
  const use = evaluation.catalog;
  if (!use) return '';
  const { stats, catalog } = use.import;
  const where = use.origin === 'workbook' ? `Blatt „${catalog.source}“ der Arbeitsmappe` : `„${catalog.source}“`;
  const lines = [`LeiKa-Katalog: ${where}, ${formatInt(stats.entries)} Leistungen übernommen`];
  const skipped: string[] = [];
  if (stats.withoutKey > 0) skipped.push(`${formatInt(stats.withoutKey)} Zeilen ohne Schlüssel`);
  if (stats.invalidKey > 0) skipped.push(`${formatInt(stats.invalidKey)} mit ungültigem Schlüssel`);
  if (stats.duplicateKey > 0) skipped.push(`${formatInt(stats.duplicateKey)} doppelt`);
  if (skipped.length > 0) lines[0] += ` (nicht übernommen: ${skipped.join(', ')})`;
  lines.push(`  Schlüssel der Amtsblätter, die nicht im Katalog stehen: ${formatInt(use.keysNotInCatalog)} (KEY_NOT_IN_CATALOG)`);
  const latest = evaluation.analysis.years[evaluation.analysis.years.length - 1];
  if (latest !== undefined) {
    const rows: string[][] = [[`Themenfeld ${latest}`, 'Leistungen']];
    for (const r of use.breakdowns.themenfeld) rows.push([r.name, formatInt(r.counts[latest]?.[ALL_SERVICES] ?? 0)]);
    lines.push('', alignTable(rows));
  }
  return lines.join('\n');
}

/** The files of a run of several (SPEC §10): each with its offices, or why it was not read; where settings and mapping came from. */
export function sourcesText(sources: SourcesUse): string {
  const lines = [`Dateien: ${sources.files.length}`];
  for (const f of sources.files) {
    const what = f.skipped !== undefined ? `nicht ausgewertet – ${f.skipped}` : f.offices.length > 0 ? f.offices.join(', ') : 'kein Amtsblatt';
    lines.push(`  - ${f.file ?? 'geöffnete Arbeitsmappe'}: ${what}`);
  }
  const from = (label: string, origin: SheetOrigin | undefined): void => {
    if (origin) lines.push(`${label}: Blatt „${origin.sheet}“ aus ${origin.file ?? 'der geöffneten Arbeitsmappe'}`);
  };
  from('Einstellungen', sources.settings);
  from('Zuordnung', sources.mapping);
  return lines.join('\n');
}
