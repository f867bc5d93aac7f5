import type { MappingEntry } from './classify';
import type { CountedCluster, Counts } from './clusters';
import type { Finding, SkippedSheet } from './findings';
import type { Settings } from './settings';

/** One counted record: a service row in one year (SPEC §4). Gesamtliste lists these. */
export interface CountedRecord {
  readonly year: number;
  readonly office: string;
  /** The sheet; where several files were evaluated together, with its file: `Jugendamt.xlsx › Tabelle1`. */
  readonly sheet: string;
  /** 0-based row of the service row in its sheet. */
  readonly row: number;
  /** The normalised key where valid, else the key as written (trimmed), else ''. */
  readonly key: string;
  readonly keyValid: boolean;
  /** The row's key cell, plain A1 (the name cell where the table has no key column). */
  readonly keyCell: string;
  readonly name: string;
  /** The status as written; for a Reifegrad-derived record `Reifegrad n`. */
  readonly status: string;
  readonly cluster: CountedCluster;
  readonly remark: string;
  readonly onlineService: string;
  /** The cell the record was read from (status cell, else key or name cell), plain A1. */
  readonly cell: string;
}

export type SheetLayout = 'wide' | 'long' | 'two-row';

/** An office sheet that was evaluated, for the task pane's overview. */
export interface OfficeSheetInfo {
  readonly sheet: string;
  /** The file the sheet is in, where several files were evaluated together (SPEC §10). */
  readonly file?: string;
  /** Service rows read (totals rows and rows without service not included). */
  readonly serviceRows: number;
  readonly years: readonly number[];
  readonly layout: SheetLayout;
  readonly tables: number;
}

export interface OfficeCounts {
  readonly office: string;
  /** Every year of `Analysis.years`, each with all seven keys. */
  readonly counts: Readonly<Record<number, Counts>>;
}

export type ReportYearSource = 'option' | 'setting' | 'workbook' | 'calendar';

export interface Analysis {
  readonly years: readonly number[];
  readonly reportYear: number;
  readonly reportYearSource: ReportYearSource;
  /** Every year of `years`, each with all seven keys. */
  readonly total: Readonly<Record<number, Counts>>;
  readonly offices: readonly OfficeCounts[];
  readonly records: readonly CountedRecord[];
  readonly findings: readonly Finding[];
  readonly skippedSheets: readonly SkippedSheet[];
  readonly officeSheets: readonly OfficeSheetInfo[];
  /** The settings read from `Einstellungen` (SPEC §8), as the evaluation applied them. */
  readonly settings: Settings;
  /** The user's entries from `Zuordnung` (SPEC §3). */
  readonly mapping: readonly MappingEntry[];
}
