import { SEVERITY_ORDER, type Finding, type Severity } from '../findings';
import { SEVERITY_NAMES, severityCount } from '../messages';
import type { Analysis } from '../model';
import type { OutBlock, OutputSheet, OutValue } from '../output-model';
import { sheetLabel } from '../sources';
import { germanDate, text } from './values';
import { fitWidths } from './widths';

export const FINDINGS_TABLE_ID = 'pruefhinweise';
export const FINDINGS_EXCEL_TABLE = 'LeiKaPruefhinweise';
export const FINDINGS_HEADER = ['Schweregrad', 'Code', 'Blatt', 'Zelle', 'Meldung', 'Vorschlag'] as const;

/**
 * The path a link to a cell of `file` opens (relative to the report), or undefined for no link:
 * files picked in a browser have no path, and network paths are never linked (SPEC §10).
 */
export type FileLink = (file: string) => string | undefined;

function cellLink(f: Finding, fileLink: FileLink | undefined): OutValue {
  if (f.cell === '') return text('');
  if (f.file === undefined) return { kind: 'link', text: f.cell, sheet: f.sheet, cell: f.cell };
  const file = f.sheet === '' ? undefined : fileLink?.(f.file);
  return file === undefined ? text(f.cell) : { kind: 'link', text: f.cell, sheet: f.sheet, cell: f.cell, file };
}

function findingRow(f: Finding, fileLink: FileLink | undefined): OutValue[] {
  return [
    text(SEVERITY_NAMES[f.severity].one),
    text(f.code),
    text(sheetLabel(f.file, f.sheet)),
    cellLink(f, fileLink),
    text(f.message),
    text(f.suggestion ?? ''),
  ];
}

function summary(findings: readonly Finding[]): string {
  const n = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  if (findings.length === 0) return 'Keine Prüfhinweise – alle gelesenen Angaben sind in Ordnung.';
  return SEVERITY_ORDER.map((s) => severityCount(s, n(s))).join(', ');
}

/** The Prüfhinweise sheet: one row per finding, errors first (otherwise in the analysis' order). */
export function buildFindingsSheet(analysis: Analysis, evaluatedAt: string, fileLink?: FileLink): OutputSheet {
  const rank = (f: Finding): number => SEVERITY_ORDER.indexOf(f.severity);
  // Array.prototype.sort is stable, so findings of one severity keep the analysis' order.
  const findings = analysis.findings.slice().sort((a, b) => rank(a) - rank(b));
  const blocks: OutBlock[] = [
    { kind: 'text', row: 0, col: 0, text: 'Prüfhinweise', style: 'title' },
    { kind: 'text', row: 1, col: 0, text: `Stand der Auswertung: ${germanDate(evaluatedAt)} – ${summary(findings)}`, style: 'subtitle' },
    {
      kind: 'table',
      id: FINDINGS_TABLE_ID,
      row: 3,
      col: 0,
      header: [...FINDINGS_HEADER],
      rows: findings.map((f) => findingRow(f, fileLink)),
      totalRow: false,
      excelTable: FINDINGS_EXCEL_TABLE,
      widthsPt: fitWidths(FINDINGS_HEADER, [12, 24, 24, 9, 80, 28]),
    },
  ];
  return { role: 'Pruefhinweise', blocks, orientation: 'landscape' };
}
