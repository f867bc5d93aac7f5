/**
 * Output sheets as plain table models (SPEC §5). The core builds them; every adapter
 * renders them the same way (ExcelJS into a report workbook, Office.js into the open one).
 */

/**
 * `GesamtlistePivot` is written only inside Excel (Office adapter): a sheet of its own for the
 * optional native PivotTable over the Gesamtliste table.
 */
export type OutputRole = BaseOutputRole | GesamtlisteContinuation;
export type BaseOutputRole = 'Monitoring' | 'Pruefhinweise' | 'Gesamtliste' | 'Vergleich' | 'Katalog' | 'GesamtlistePivot';
/** `Gesamtliste2`, `Gesamtliste3`, …: the sheets `Gesamtliste 2`, … that continue a Gesamtliste too long for one sheet. */
export type GesamtlisteContinuation = `Gesamtliste${number}`;

/** The role of the n-th Gesamtliste sheet (1 is `Gesamtliste` itself). */
export function gesamtlisteRole(n: number): 'Gesamtliste' | GesamtlisteContinuation {
  return n === 1 ? 'Gesamtliste' : `Gesamtliste${n}`;
}

/** Preferred sheet name of a role (a user's unmarked sheet of that name makes it `<name> (2)`). */
export function outputSheetName(role: OutputRole): string {
  const part = /^Gesamtliste(\d+)$/.exec(role);
  return part ? `${OUTPUT_SHEET_NAMES.Gesamtliste} ${part[1]}` : OUTPUT_SHEET_NAMES[role as BaseOutputRole];
}

/** Preferred sheet name of each fixed role. */
export const OUTPUT_SHEET_NAMES: Readonly<Record<BaseOutputRole, string>> = {
  Monitoring: 'Monitoring',
  Pruefhinweise: 'Prüfhinweise',
  Gesamtliste: 'Gesamtliste',
  Vergleich: 'Vergleich',
  Katalog: 'LeiKa-Katalog',
  GesamtlistePivot: 'Gesamtliste Pivot',
};

/** Workbook-level defined name marking a product sheet; it refers to the sheet's A1. */
export function markerName(role: OutputRole): string {
  return `LeiKaMonitor_${role}`;
}

export type NumberFormat =
  | 'integer' // 1.187
  | 'signedInteger' // +12 / −3
  | 'percent' // 12,5 %
  | 'signedPercent' // +12,5 %
  | 'year'; // 2024 (no thousands separator)

/** A cell to write into the workbook. Text is always written as text, never as a formula. */
export type OutValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format: NumberFormat }
  | { readonly kind: 'date'; readonly iso: string }
  /**
   * A link to a cell of the evaluated workbook (inside Excel) or of the input file (report
   * workbook); with `file`, to a cell of that file (a relative path, SPEC §10).
   */
  | { readonly kind: 'link'; readonly text: string; readonly sheet: string; readonly cell: string; readonly file?: string };

export interface OutTable {
  readonly kind: 'table';
  /** Stable id, used by charts to refer to the table and by adapters for Excel table names. */
  readonly id: string;
  /** Top-left cell, 0-based. */
  readonly row: number;
  readonly col: number;
  readonly header: readonly string[];
  readonly rows: readonly (readonly OutValue[])[];
  /** The last row is a total row (bold, top border). */
  readonly totalRow: boolean;
  /** Written as an Excel table (ListObject) with this name, e.g. `LeiKaGesamtliste`. */
  readonly excelTable?: string;
  /**
   * Column widths in points, per column of the table (outputs/widths.ts `fitWidths`: wide
   * enough for every header word). Writers take the widest per sheet column (`sheetColumnWidths`).
   */
  readonly widthsPt?: readonly number[];
  /** Colour scale over the numeric body cells (heat map). */
  readonly heatMap?: boolean;
}

export interface OutText {
  readonly kind: 'text';
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** `paragraph`: one line of running text, wrapped by the core (outputs/widths.ts `wrapLines`) to a fixed width. */
  readonly style: 'title' | 'subtitle' | 'note' | 'paragraph';
}

/**
 * A clustered column chart over a table: categories are the table's first column
 * (body rows `categoryRows`), one series per column in `seriesColumns` (indexes into the
 * table's columns, names from the header).
 */
export interface OutChart {
  readonly kind: 'chart';
  readonly title: string;
  readonly tableId: string;
  readonly categoryRows: readonly number[];
  readonly seriesColumns: readonly number[];
  /** Anchor, 0-based cells: top-left and bottom-right (exclusive). */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

export type OutBlock = OutTable | OutText | OutChart;

export interface OutputSheet {
  readonly role: OutputRole;
  readonly blocks: readonly OutBlock[];
  readonly orientation: 'portrait' | 'landscape';
}
