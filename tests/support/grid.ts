import { analyzeWorkbook, type AnalyzeOptions } from '../../src/core/analyze';
import type { Cell, MergedArea, SheetGrid, SheetVisibility, WorkbookGrid } from '../../src/core/grid';
import type { Analysis } from '../../src/core/model';

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: string[];
  visibility?: SheetVisibility;
}

/** `B2:C3` → 0-based merged area. */
export function area(ref: string): MergedArea {
  const [a, b] = ref.split(':') as [string, string];
  const at = (s: string): { row: number; col: number } => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const from = at(a);
  const to = at(b ?? a);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

export function sheet(spec: SheetSpec): SheetGrid {
  return { name: spec.name, visibility: spec.visibility ?? 'visible', rows: spec.rows, merges: (spec.merges ?? []).map(area) };
}

export function workbook(...specs: SheetSpec[]): WorkbookGrid {
  return { sheets: specs.map(sheet), definedNames: [] };
}

/** Analyses sheets with a fixed calendar year (2026) unless the options say otherwise. */
export function analyze(specs: SheetSpec[] | WorkbookGrid, options: Partial<AnalyzeOptions> = {}): Analysis {
  const wb = Array.isArray(specs) ? workbook(...specs) : specs;
  return analyzeWorkbook(wb, { currentYear: 2026, ...options });
}

/** Findings as `CODE sheet!cell` strings, for compact assertions. */
export function codes(analysis: Analysis): string[] {
  return analysis.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);
}

/** The totals of one year without the zero entries, e.g. `{ PDF: 2, 'Alle Dienstleistungen': 2 }`. */
export function nonZero(analysis: Analysis, year: number): Record<string, number> {
  const counts = analysis.total[year];
  if (!counts) return {};
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
}
