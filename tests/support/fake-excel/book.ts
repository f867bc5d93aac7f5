/**
 * The simulated workbook behind the fake Excel: cells, merged areas, tables, PivotTables,
 * defined names, charts, formats and page setup, plus what the tests inspect afterwards
 * (syncs, payload sizes, the Office.js members an add-in used).
 */
import type { Cell, MergedArea, WorkbookGrid } from '../../../src/core/grid';
import { columnLetters, parseA1 } from '../../../src/core/grid';

export interface FakeCell {
  value: unknown;
  format: string;
  formula?: string;
  hyperlink?: unknown;
  /** Range.dataValidation.rule as set on this cell. */
  validation?: unknown;
}

/** A rectangle of one sheet, 0-based. */
export interface Rect {
  sheet: FakeSheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** One property set through Range.format (`font.bold`, `fill.color`, `borders.EdgeTop.style` …). */
export interface FormatWrite {
  rect: Omit<Rect, 'sheet'>;
  key: string;
  value: unknown;
}

export interface FakeConditionalFormat {
  rect: Omit<Rect, 'sheet'>;
  type: string;
  rule?: unknown;
  fill?: string;
  criteria?: unknown;
}

export interface FakeSeries {
  name: string;
  values?: Rect;
  xValues?: Rect;
}

export interface FakeChart {
  name: string;
  type: string;
  series: FakeSeries[];
  title?: string;
  legend?: string;
  position?: { from: string; to: string };
  dataTable?: { visible?: boolean; showLegendKey?: boolean };
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: (FakeCell | undefined)[][];
  merges: MergedArea[];
  charts: FakeChart[];
  formats: FormatWrite[];
  conditionalFormats: FakeConditionalFormat[];
  /** Column widths in points (Range.format.columnWidth), by column index. */
  columnWidths: Map<number, number>;
  pageLayout: { orientation?: string; paperSize?: string; zoom?: Excel.PageLayoutZoomOptions };
  frozenRows: number;
  showGridlines: boolean;
  /** Range.dataValidation.errorAlert as set, with the range it was set on. */
  errorAlerts: { rect: Omit<Rect, 'sheet'>; alert: unknown }[];
  /** Every mutation of this sheet, so tests can prove a user's sheet was never touched. */
  writes: number;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
  showTotals?: boolean;
  style?: string;
}

/** A PivotTable: its source table, where it stands, and its fields by area. */
export interface FakePivot {
  name: string;
  sheet: FakeSheet;
  source: FakeTable;
  top: number;
  left: number;
  rows: string[];
  columns: string[];
  filters: string[];
  data: { field: string; name?: string; summarizeBy?: string }[];
}

export interface FakeName {
  name: string;
  sheet: FakeSheet;
  cell: string;
  comment?: string;
}

/** Host facts the Selbsttest reports (Office.context.diagnostics). */
export interface FakeHostInfo {
  host: string;
  platform: string;
  version: string;
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  pivots: FakePivot[] = [];
  calculationMode = 'Automatic';
  /** Times an add-in set Application.calculationMode (application-wide, user-visible). */
  calculationModeChanges = 0;
  calculationSuspensions = 0;
  recalculations: string[] = [];
  enableEvents = true;
  screenUpdatingSuspensions = 0;
  /** The active worksheet (the first one until a sheet is activated). */
  active: FakeSheet | undefined;
  selection: string | undefined;
  syncs = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  rejected = 0;
  /** Set to make the n-th sync from now fail with a GeneralException. */
  failAtSync: number | undefined;
  /**
   * Older Excel on the web answers an oversized request with a GeneralException instead of
   * RequestPayloadSizeLimitExceeded: requests above this many bytes fail that way.
   */
  generalExceptionAbove: number | undefined;
  /** The user is typing in a cell: a batch without `delayForCellEdit` fails. */
  cellEditMode = false;
  /** Batches that waited for the user to leave cell-edit mode. */
  delayedRuns = 0;
  /** Office.js members (`Range.values=`, `Worksheet.getRange` …) an add-in touched, in order of first use. */
  readonly apiUsed = new Set<string>();
  /** Members that fail when their operation reaches Excel (Selbsttest: a forced failure). */
  readonly refusals = new Map<string, { code: string; message: string }>();
  /** The date system of the workbook (Excel for Mac workbooks may use 1904). */
  date1904 = false;
  host: FakeHostInfo = { host: 'Excel', platform: 'OfficeOnline', version: '16.0.0.0' };

  activeSheet(): FakeSheet | undefined {
    return this.active && this.sheets.includes(this.active) ? this.active : this.sheets[0];
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, rows: readonly (readonly unknown[])[] = [], visibility: FakeSheet['visibility'] = 'Visible'): FakeSheet {
    const sheet: FakeSheet = {
      name,
      visibility,
      cells: [],
      merges: [],
      charts: [],
      formats: [],
      conditionalFormats: [],
      columnWidths: new Map(),
      pageLayout: {},
      frozenRows: 0,
      showGridlines: true,
      errorAlerts: [],
      writes: 0,
    };
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== '' && setCell(sheet, r, c, { value: v, format: 'General' })));
    this.sheets.push(sheet);
    return sheet;
  }

  /** Values as range.values would return them ('' for empty). */
  values(name: string): unknown[][] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    // Array.from, not map: rows and cells never written are holes, read as empty like Excel does.
    return Array.from(sheet.cells, (row) => Array.from(row ?? [], (c) => c?.value ?? ''));
  }

  cell(name: string, address: string): FakeCell | undefined {
    const p = parseA1(address)!;
    return this.sheet(name)?.cells[p.row]?.[p.col];
  }

  /** The last value set through Range.format for `key` on a cell (undefined when never set). */
  formatAt(name: string, address: string, key: string): unknown {
    const p = parseA1(address)!;
    const sheet = this.sheet(name);
    let out: unknown;
    for (const f of sheet?.formats ?? []) {
      if (f.key === key && f.rect.top <= p.row && p.row < f.rect.top + f.rect.rows && f.rect.left <= p.col && p.col < f.rect.left + f.rect.cols) out = f.value;
    }
    return out;
  }

  /** Column width in points, by column letters. */
  columnWidth(name: string, column: string): number | undefined {
    return this.sheet(name)?.columnWidths.get(parseA1(`${column}1`)!.col);
  }
}

export function setCell(sheet: FakeSheet, r: number, c: number, cell: FakeCell | undefined): void {
  const row = sheet.cells[r] ?? (sheet.cells[r] = []);
  row[c] = cell;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.top + r.rows - 1, r.left + r.cols - 1);
  return `${quoteSheet(r.sheet.name)}!${a === b ? a : `${a}:${b}`}`;
}

/** A fake workbook from a grid (the way the tests write workbooks). */
export function fakeBookFrom(grid: WorkbookGrid): FakeBook {
  const book = new FakeBook();
  for (const s of grid.sheets) {
    const rows = s.rows.map((r) => (r ?? []).map((c: Cell) => (c !== null && typeof c === 'object' ? c.code : c)));
    const sheet = book.addSheet(s.name, rows, s.visibility === 'visible' ? 'Visible' : s.visibility === 'hidden' ? 'Hidden' : 'VeryHidden');
    sheet.merges = s.merges.map((m) => ({ ...m }));
  }
  for (const d of grid.definedNames) {
    const sheet = book.sheet(d.sheet);
    if (sheet) book.names.push({ name: d.name, sheet, cell: d.cell });
  }
  return book;
}
