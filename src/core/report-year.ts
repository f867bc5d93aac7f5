import type { OfficeSheet } from './discover';
import { isBlank } from './fold';
import { jahrOf } from './header';
import type { ReportYearSource } from './model';
import { type ReadTable, roleCell } from './rows';

/** An office sheet with its tables read. */
export interface ReadSheet {
  readonly office: OfficeSheet;
  readonly tables: readonly ReadTable[];
  /** The office of rows without an office value, where it is not the sheet name (SPEC §10). */
  readonly officeName?: string;
}

/**
 * `--year`, else the setting `Berichtsjahr`, else the latest year with at least one non-empty
 * status or Reifegrad value in a service row (a column set up in advance and still empty does
 * not count), else the calendar year (SPEC §2).
 */
export function chooseReportYear(
  sheets: readonly ReadSheet[],
  setting: number | undefined,
  options: { readonly year?: number; readonly currentYear: number },
): { reportYear: number; reportYearSource: ReportYearSource } {
  if (options.year !== undefined) return { reportYear: options.year, reportYearSource: 'option' };
  if (setting !== undefined) return { reportYear: setting, reportYearSource: 'setting' };
  const latest = latestYearWithValues(sheets);
  if (latest !== undefined) return { reportYear: latest, reportYearSource: 'workbook' };
  return { reportYear: options.currentYear, reportYearSource: 'calendar' };
}

function latestYearWithValues(sheets: readonly ReadSheet[]): number | undefined {
  let latest: number | undefined;
  for (const { office, tables } of sheets) {
    const { sheet, merges } = office;
    for (const { columns: t, rows } of tables) {
      // a yearless column outside the long format belongs to the report year: it cannot name it
      const sources = t.sources.filter((s) => s.year !== undefined || t.yearCol !== undefined);
      if (sources.length === 0) continue;
      rows.forEach((reading, i) => {
        if (reading.kind !== 'service') return;
        const r = t.header.firstDataRow + i;
        const row = sheet.rows[r]!;
        for (const s of sources) {
          if (s.year !== undefined && latest !== undefined && s.year <= latest) continue;
          if (isBlank(roleCell(row, r, s.col, merges))) continue;
          const year = s.year ?? jahrOf(row[t.yearCol!]);
          if (year !== undefined && (latest === undefined || year > latest)) latest = year;
        }
      });
    }
  }
  return latest;
}
