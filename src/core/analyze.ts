import { makeClassifier } from './classify';
import { Counter } from './count';
import { discoverSheets } from './discover';
import type { WorkbookGrid } from './grid';
import type { Analysis } from './model';
import { withRecordTable } from './record-table';
import { type ReadSheet, chooseReportYear } from './report-year';
import { readTables } from './rows';

export interface AnalyzeOptions {
  /** `--year`: overrides the setting `Berichtsjahr`. */
  readonly year?: number;
  /** The calendar year, the report year's last fallback (the core reads no clock). */
  readonly currentYear: number;
  /**
   * The office a sheet names where a row has no office value; default: the sheet name. Called
   * once per office sheet with the names of all office sheets (several files, SPEC §10).
   */
  readonly officeName?: (sheet: string, officeSheets: readonly string[]) => string;
}

/**
 * Reads, classifies and counts every office sheet of a workbook (SPEC §2–§4).
 * Never throws on bad data: it becomes a finding on the cell it concerns.
 */
export function analyzeWorkbook(workbook: WorkbookGrid, options: AnalyzeOptions): Analysis {
  const discovery = discoverSheets(workbook);
  const classifier = makeClassifier(discovery.mapping);
  const names = discovery.officeSheets.map((o) => o.sheet.name);
  const sheets: ReadSheet[] = discovery.officeSheets.map((office) => ({
    office,
    tables: readTables(office.sheet, office.tables, office.merges, classifier),
    ...(options.officeName ? { officeName: options.officeName(office.sheet.name, names) } : {}),
  }));
  const { reportYear, reportYearSource } = chooseReportYear(sheets, discovery.settings.reportYear, options);
  const counter = new Counter(classifier, reportYear, sheets.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0));
  for (const sheet of sheets) counter.countSheet(sheet);
  const { findings, records, ...result } = counter.result();
  return withRecordTable(
    {
      ...result,
      reportYear,
      reportYearSource,
      findings: [...discovery.findings, ...findings],
      skippedSheets: discovery.skippedSheets,
      settings: discovery.settings,
      mapping: discovery.mapping,
    },
    records,
  );
}
