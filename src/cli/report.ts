import type { Analysis } from '../core/model';

/** Builds the report workbook (SPEC §5) for an analysis. */
export async function buildReport(analysis: Analysis, opts: { evaluatedAt: string; sourceFileName: string }): Promise<Uint8Array> {
  void analysis;
  void opts;
  throw new Error('report workbook not wired yet');
}
