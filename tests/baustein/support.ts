import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { type Baustein, buildBaustein } from '../../src/core/baustein';
import type { Cell } from '../../src/core/grid';
import { type Evaluation, evaluateWorkbook } from '../../src/core/report';
import { workbook } from '../support/grid';

export const DEMO = join(__dirname, '..', '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');

export function demoEvaluation(): Evaluation {
  return evaluateWorkbook(readXlsx(readFileSync(DEMO)), { currentYear: 2026 });
}

/** One service row: key, name, status 2023, status 2024 ('' = not inventoried that year). */
export type Row = readonly [key: string, name: string, s2023: string, s2024: string];

/** `n` keys of Leistungsobjekt `lo` (8 digits), Verrichtungen 001…, as rows with the given statuses. */
export function keys(lo: string, n: number, name: string, s2023: string, s2024: string, first = 1): Row[] {
  return Array.from({ length: n }, (_, i) => [`${lo}${String(first + i).padStart(3, '0')}000`, `${name} ${first + i}`, s2023, s2024] as const);
}

/** An evaluation of office sheets in the wide layout (two status columns, 2023 and 2024). */
export function evaluateOffices(offices: Record<string, readonly Row[]>): Evaluation {
  const specs = Object.entries(offices).map(([name, rows]) => ({
    name,
    rows: [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024'] as Cell[], ...rows.map((r) => [...r] as Cell[])],
  }));
  return evaluateWorkbook(workbook(...specs), { currentYear: 2026 });
}

export function bausteinOf(offices: Record<string, readonly Row[]>): Baustein {
  return buildBaustein(evaluateOffices(offices));
}

export function sentencesOf(b: Baustein): string[] {
  return b.paragraphs.flat();
}
