/** Finding codes of SPEC §4, plus the few the product adds where the spec is silent. */
export type FindingCode =
  | 'UNKNOWN_STATUS'
  | 'INVALID_REIFEGRAD'
  | 'INVALID_KEY'
  | 'CONFLICTING_DUPLICATE'
  | 'DUPLICATE_YEAR_COLUMN'
  | 'DUPLICATE_KEY'
  | 'NO_STATUS'
  | 'STATUS_WITHOUT_SERVICE'
  | 'NO_KEY'
  | 'EXCLUDED'
  | 'TOTALS_ROW'
  | 'KEY_IN_SEVERAL_OFFICES'
  | 'SECTION_HEADING'
  | 'INVALID_YEAR'
  | 'INVALID_MAPPING'
  | 'INVALID_SETTING'
  | 'KEY_NOT_IN_CATALOG'
  | 'CATALOG_UNREADABLE'
  | 'OFFICE_IN_SEVERAL_FILES'
  | 'FILE_SKIPPED'
  | 'CONFLICTING_SETTING';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  UNKNOWN_STATUS: 'error',
  INVALID_REIFEGRAD: 'error',
  INVALID_KEY: 'error',
  CONFLICTING_DUPLICATE: 'error',
  DUPLICATE_YEAR_COLUMN: 'error',
  DUPLICATE_KEY: 'warning',
  NO_STATUS: 'warning',
  STATUS_WITHOUT_SERVICE: 'warning',
  NO_KEY: 'info',
  EXCLUDED: 'info',
  TOTALS_ROW: 'info',
  KEY_IN_SEVERAL_OFFICES: 'info',
  SECTION_HEADING: 'info',
  INVALID_YEAR: 'error',
  INVALID_MAPPING: 'error',
  INVALID_SETTING: 'error',
  KEY_NOT_IN_CATALOG: 'warning',
  CATALOG_UNREADABLE: 'warning',
  OFFICE_IN_SEVERAL_FILES: 'warning',
  FILE_SKIPPED: 'error',
  CONFLICTING_SETTING: 'warning',
};

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly sheet: string;
  /** Plain A1 address without sheet or `$`. */
  readonly cell: string;
  /** The file the sheet is in, where several files were evaluated together (SPEC §10). */
  readonly file?: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** A skipped worksheet and why (SPEC §2). */
export interface SkippedSheet {
  readonly sheet: string;
  /** The file the sheet is in, where several files were evaluated together (SPEC §10). */
  readonly file?: string;
  readonly reason: string;
}
