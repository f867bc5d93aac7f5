import type { WorkbookGrid } from '../grid';
import type { SkippedSheet } from '../findings';
import type { OfficeSheetInfo } from '../model';

/**
 * One input of an evaluation (SPEC §10): a workbook that was read, or a file that could not be
 * read. `file` is the name shown to the user (`Jugendamt.xlsx`); the workbook open in Excel has
 * none.
 */
export type WorkbookSource =
  | { readonly kind: 'workbook'; readonly file?: string; readonly workbook: WorkbookGrid }
  | { readonly kind: 'skipped'; readonly file: string; readonly reason: string };

/** What one input contributed: its office sheets, the offices they name, its skipped sheets. */
export interface SourceSummary {
  /** undefined: the workbook open in Excel (task pane). */
  readonly file?: string;
  /** Why the file could not be read (then it has no sheets). */
  readonly skipped?: string;
  readonly officeSheets: readonly OfficeSheetInfo[];
  /** Offices of its counted records, in order of first appearance. */
  readonly offices: readonly string[];
  readonly skippedSheets: readonly SkippedSheet[];
}

/** Where a shared sheet (`Einstellungen`, `Zuordnung`) was taken from. */
export interface SheetOrigin {
  readonly file?: string;
  readonly sheet: string;
}

/** The inputs of an evaluation of several files, and where settings and mapping came from. */
export interface SourcesUse {
  readonly files: readonly SourceSummary[];
  readonly settings?: SheetOrigin;
  readonly mapping?: SheetOrigin;
}
