/*
 * The core's named errors, one home for all (STYLE habit 2): a caller's misuse, or a file
 * that is not what the caller said it is. Bad data in a user's sheet is never thrown; it
 * becomes a finding. The port's WorkbookError and SheetPlanError live in workbook-port.ts.
 */

/**
 * Thrown for a file that is no LeiKa catalogue at all (no header row with key and name
 * among its first 30 rows). `message` is one German line for the user.
 */
export class CatalogFormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogFormatError';
  }
}

/** Thrown when an output builder is called with options it cannot use (caller misuse, not bad data). */
export class OutputOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputOptionsError';
  }
}

/** Thrown for a caller's misuse of compareYears (not for bad data). */
export class ComparisonInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComparisonInputError';
  }
}
