import type { WorkbookGrid } from '../core/grid';
import type { OutputRole, OutputSheet } from '../core/output-model';

/** Where one output sheet went. */
export interface WrittenSheet {
  readonly role: OutputRole;
  readonly sheet: string;
  /** true when an existing marked sheet was rewritten in place. */
  readonly rewritten: boolean;
  /** Set when a user's unmarked sheet held the preferred name, so `<name> (2)` was used. */
  readonly displacedBy?: string;
}

export interface WriteReport {
  readonly sheets: readonly WrittenSheet[];
}

/**
 * The one contract every workbook adapter implements (in-memory, xlsx file, Office.js).
 * Reading never changes the workbook. Writing touches only the product's own sheets:
 * a sheet marked by the defined name `LeiKaMonitor_<role>` is rewritten in place
 * (name kept); an unmarked sheet with the preferred name is a user's sheet and is never
 * touched: the output goes to `<name> (2)` (or the next free number) and gets marked.
 * The product never deletes or renames a sheet.
 */
export interface WorkbookPort {
  readWorkbook(): Promise<WorkbookGrid>;
  writeOutputs(sheets: readonly OutputSheet[]): Promise<WriteReport>;
}

/*
 * The port's named errors, one home for both. The core's own errors are in core/errors.ts.
 */

/** Errors an adapter throws for unusable input; `message` is one German line for the user. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'not-a-workbook' | 'corrupt' | 'encrypted' | 'legacy-xls' | 'too-large' | 'host' | 'invalid-name' | 'partial-write',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorkbookError';
  }
}

/** Thrown by planOutputSheets for a caller's misuse (a role asked for twice). */
export class SheetPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetPlanError';
  }
}
