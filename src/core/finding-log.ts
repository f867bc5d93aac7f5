import { SEVERITY, type Finding, type FindingCode } from './findings';
import { a1 } from './grid';

/**
 * Findings in sheet and row order, whenever they were found: a rule-2 duplicate settled after
 * every sheet was read still lands beside its row.
 */
export class FindingLog {
  private readonly placed: { pos: number; finding: Finding }[] = [];

  /** The sort position of row `r` of the `sheetIndex`-th office sheet. */
  static position(sheetIndex: number, r: number): number {
    return sheetIndex * 2 ** 21 + r;
  }

  add(pos: number, code: FindingCode, sheet: string, row: number, col: number, extra: { message: string; suggestion?: string }): void {
    this.addAt(pos, code, sheet, a1(row, Math.max(col, 0)), extra);
  }

  /** As {@link add}, on a plain A1 address. */
  addAt(pos: number, code: FindingCode, sheet: string, cell: string, extra: { message: string; suggestion?: string }): void {
    this.placed.push({ pos, finding: { severity: SEVERITY[code], code, sheet, cell, ...extra } });
  }

  /** Every finding, by sheet and row (stable within a row). */
  sorted(): Finding[] {
    return this.placed
      .slice()
      .sort((a, b) => a.pos - b.pos)
      .map((p) => p.finding);
  }
}
