import type { Catalog, CatalogBreakdowns } from '../catalog';
import type { Analysis } from '../model';
import type { OutputSheet } from '../output-model';
import { buildRecordsSheets } from './gesamtliste';
import { buildMonitoringSheet } from './monitoring';
import { type FileLink, buildFindingsSheet } from './pruefhinweise';
import { germanDate } from './values';

export interface OutputOptions {
  /** ISO date (or date-time) of the evaluation, shown on Monitoring and Prüfhinweise. */
  readonly evaluatedAt: string;
  /** A catalogue: adds the Themenfeld and LeiKa-Typ tables to Monitoring and the official name to Gesamtliste. */
  readonly catalog?: OutputCatalog;
  /** Where Prüfhinweise links to cells of other files point (several files, SPEC §10); none without it. */
  readonly fileLink?: FileLink;
}

export interface OutputCatalog {
  readonly catalog: Catalog;
  readonly breakdowns: CatalogBreakdowns;
}

/**
 * Monitoring, Prüfhinweise and Gesamtliste (with `Gesamtliste 2`, … past Excel's row limit)
 * as table models (SPEC §5). Deterministic: the
 * same analysis gives the same models apart from the evaluation date.
 * Throws OutputOptionsError when `evaluatedAt` is not an ISO date.
 */
export function buildOutputSheets(analysis: Analysis, opts: OutputOptions): OutputSheet[] {
  germanDate(opts.evaluatedAt);
  return [
    buildMonitoringSheet(analysis, opts.evaluatedAt, opts.catalog?.breakdowns),
    buildFindingsSheet(analysis, opts.evaluatedAt, opts.fileLink),
    ...buildRecordsSheets(analysis, opts.catalog?.catalog),
  ];
}

export { buildMonitoringSheet, MONITORING_TITLE, YEAR_TABLE_ID, CHANGE_TABLE_ID, OFFICE_TABLE_ID, THEMENFELD_TABLE_ID, TYP_TABLE_ID } from './monitoring';
export { buildFindingsSheet, type FileLink, FINDINGS_HEADER, FINDINGS_EXCEL_TABLE } from './pruefhinweise';
export { buildRecordsSheets, emptiedContinuations, EXCEL_MAX_DATA_ROWS, RECORDS_HEADER, RECORDS_EXCEL_TABLE, CATALOG_NAME_HEADER, sourceOf } from './gesamtliste';
export { renderOutputGrid, outValueCell } from './render-grid';
export { yearTable, yearOutTable, type YearTable, type YearTableRow } from './year-table';
export { OutputOptionsError } from '../errors';
