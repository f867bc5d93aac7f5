/**
 * A faithful-enough fake of the Excel JavaScript API calls the Office adapter uses.
 * Operations are queued on proxies and applied on context.sync(), like Office.js:
 * properties can be read only after a sync that loaded them, null objects say so via
 * isNullObject, and every sync is counted. A request over 5 MB is rejected with the error
 * code RequestPayloadSizeLimitExceeded, a response over 5 MB with ResponsePayloadSizeLimitExceeded
 * (Excel.ErrorCodes; Excel on the web); a rejected request applies nothing.
 * Documented behaviour the fake enforces (learn.microsoft.com, Excel JavaScript API reference):
 * - Range.values / Range.numberFormat are `any[][]`: a 2-D array of exactly the range's size
 *   (InvalidArgument "The number of rows or columns in the input array doesn't match the size or
 *   dimensions of the range."); a bare scalar is not part of the documented contract.
 * - Range.values: text that starts with `=`, `+` or `-` is interpreted as a formula, numeric
 *   text becomes a number — unless the cell is formatted as text (`@`).
 * - TableCollection.add(address): "If the address does not contain a sheet name, the
 *   currently-active sheet is used" — also through Worksheet.tables; a Range object is exact.
 *   Worksheets.add does not activate the new sheet.
 * - Range.getMergedAreasOrNullObject: "if the merged areas count in this range is more than 512,
 *   then this method will fail to return the result" (the fake throws).
 * - Application.calculationMode is application-wide: the fake counts every change so tests can
 *   prove the adapter leaves it alone.
 * - Range.insert('Right' | 'Down') refuses to shift part of a table ("This operation is attempting
 *   to shift cells in a table on your worksheet", InvalidOperation); a table wholly inside the
 *   shifted band moves. TableColumnCollection.add(index, values, name) shifts the cells of the
 *   table's rows instead; index must be below the column count, or -1/null to append (ExcelApi 1.4);
 *   the new column has no number format or data validation of its own.
 * - Range.copyFrom(source, 'All') copies values, number formats and data validation; 'Values' and
 *   'Formats' copy only those.
 * - A PivotTable's report filter stands two rows above its first cell (one row per filter field and
 *   a blank row): a filter field added where those rows do not exist, or are not empty, is refused.
 *   A PivotTable must not overlap a table.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Cell, MergedArea, WorkbookGrid } from '../../src/core/grid';
import { columnLetters, parseA1 } from '../../src/core/grid';
import type { ExcelRun } from '../../src/adapters/office/payload';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeCell {
  value: unknown;
  format: string;
  formula?: string;
  hyperlink?: unknown;
  /** Range.dataValidation.rule as set on this cell. */
  validation?: unknown;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: (FakeCell | undefined)[][];
  merges: MergedArea[];
  charts: string[];
  /** Every mutation of this sheet, so tests can prove a user's sheet was never touched. */
  writes: number;
  log: string[];
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
  showTotals?: boolean;
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

/** Cells a PivotTable covers in the fake: enough for clusters × years with totals. */
const PIVOT_EXTENT = { rows: 12, cols: 8 };

export interface FakeName {
  name: string;
  sheet: FakeSheet;
  cell: string;
}

export class FakeBook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: FakeName[] = [];
  pivots: FakePivot[] = [];
  calculationMode = 'Automatic';
  /** Times an add-in set Application.calculationMode (application-wide, user-visible). */
  calculationModeChanges = 0;
  /** suspendApiCalculationUntilNextSync calls, and calculate() calls with their type. */
  calculationSuspensions = 0;
  recalculations: string[] = [];
  enableEvents = true;
  screenUpdatingSuspensions = 0;
  /** The active worksheet (the first one until a sheet is activated). */
  active: FakeSheet | undefined;
  syncs = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  rejected = 0;
  selection: string | undefined;
  /** Set to make the n-th sync from now fail (for restore-on-error tests). */
  failAtSync: number | undefined;

  activeSheet(): FakeSheet | undefined {
    return this.active && this.sheets.includes(this.active) ? this.active : this.sheets[0];
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string, rows: readonly (readonly unknown[])[] = [], visibility: FakeSheet['visibility'] = 'Visible'): FakeSheet {
    const sheet: FakeSheet = { name, visibility, cells: [], merges: [], charts: [], writes: 0, log: [] };
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== '' && setCell(sheet, r, c, { value: v, format: 'General' })));
    this.sheets.push(sheet);
    return sheet;
  }

  /** Values as range.values would return them ('' for empty). */
  values(name: string): unknown[][] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.cells.map((row) => (row ?? []).map((c) => c?.value ?? ''));
  }

  cell(name: string, address: string): FakeCell | undefined {
    const p = parseA1(address)!;
    return this.sheet(name)?.cells[p.row]?.[p.col];
  }
}

function setCell(sheet: FakeSheet, r: number, c: number, cell: FakeCell | undefined): void {
  const row = sheet.cells[r] ?? (sheet.cells[r] = []);
  row[c] = cell;
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

/** As Office.js reports them (Excel.ErrorCodes): one code for requests, another for responses. */
class PayloadError extends Error {
  readonly code: string;
  constructor(what: 'request' | 'response', readonly bytes: number) {
    super(`The ${what} payload size has exceeded the limit.`);
    this.code = what === 'request' ? 'RequestPayloadSizeLimitExceeded' : 'ResponsePayloadSizeLimitExceeded';
    this.name = 'RichApi.Error';
  }
}

/** Range.getMergedAreasOrNullObject fails above this many merged areas in the range. */
export const MERGED_AREAS_LIMIT = 512;

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

interface Op {
  request: number;
  /** Applies the operation; returns the response bytes and what to hand to the proxies once the sync succeeds. */
  apply(): { response: number; deliver?: () => void };
}

interface Rect {
  sheet: FakeSheet;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const size = (v: unknown): number => (v === undefined ? 0 : JSON.stringify(v).length);
const OP = 40;

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectAddress(r: Rect): string {
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  const b = `${columnLetters(r.left + r.cols - 1)}${r.top + r.rows}`;
  return `${quoteSheet(r.sheet.name)}!${a === b ? a : `${a}:${b}`}`;
}

function parseAddress(sheet: FakeSheet, address: string): Rect {
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (whole) {
    const a = parseA1(`${whole[1]}1`)!;
    const b = parseA1(`${whole[2]}1`)!;
    return { sheet, top: 0, left: a.col, rows: 1_048_576, cols: b.col - a.col + 1 };
  }
  const [from, to] = address.split(':');
  const a = parseA1(from ?? '');
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) throw new ApiError('InvalidArgument', `bad address ${address}`);
  return { sheet, top: a.row, left: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

function usedRect(sheet: FakeSheet): Rect | undefined {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, col) => {
      if (c === undefined || c.value === '' || c.value === null || c.value === undefined) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }),
  );
  return bottom < 0 ? undefined : { sheet, top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** Checks that a value set on Range.values / Range.numberFormat is a 2-D array of the range's size. */
function grid2d(rect: Rect, v: unknown, what: string): unknown[][] {
  if (!Array.isArray(v) || v.length !== rect.rows || v.some((row: unknown) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new ApiError('InvalidArgument', `${what}: The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols}).`);
  }
  return v as unknown[][];
}

/** What Excel makes of a value typed into a cell with this number format. */
function stored(value: unknown, format: string): FakeCell {
  if (typeof value === 'string' && format !== '@') {
    if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return { value: Number(value), format };
    if (/^[=+-]/.test(value)) return { value: '#FORMULA', format, formula: value };
  }
  return { value, format };
}

/**
 * Shifts cells one way by `by` from `at` on, across rows (right) or columns (down) from..to
 * inclusive, as Range.insert does. Tables wholly inside the band and past `at` move; one cut by
 * the band refuses the whole operation (Excel: "This operation is attempting to shift cells in a
 * table on your worksheet"). `own` is the table that grows (TableColumnCollection.add).
 */
function shiftCells(book: FakeBook, sheet: FakeSheet, way: 'right' | 'down', from: number, to: number, at: number, by: number, own?: FakeTable): void {
  const span = (t: FakeTable) => (way === 'right' ? { lo: t.top, hi: t.bottom, near: t.left, far: t.right } : { lo: t.left, hi: t.right, near: t.top, far: t.bottom });
  const moving: FakeTable[] = [];
  for (const t of book.tables) {
    if (t === own || t.sheet !== sheet) continue;
    const s = span(t);
    if (s.far < at || s.hi < from || to < s.lo) continue;
    if (s.lo >= from && s.hi <= to && s.near >= at) moving.push(t);
    else throw new ApiError('InvalidOperation', `This operation is attempting to shift cells in a table on your worksheet (${t.name}).`);
  }
  sheet.writes++;
  if (way === 'right') {
    for (let i = from; i <= to; i++) {
      const row = sheet.cells[i] ?? (sheet.cells[i] = []);
      while (row.length < at) row.push(undefined);
      row.splice(at, 0, ...new Array<FakeCell | undefined>(by).fill(undefined));
    }
  } else {
    const last = sheet.cells.length - 1;
    for (let i = last; i >= at; i--) {
      for (let j = from; j <= to; j++) {
        setCell(sheet, i + by, j, sheet.cells[i]?.[j]);
        setCell(sheet, i, j, undefined);
      }
    }
  }
  for (const t of moving) {
    if (way === 'right') {
      t.left += by;
      t.right += by;
    } else {
      t.top += by;
      t.bottom += by;
    }
  }
}

class FakeContext {
  private queue: Op[] = [];
  readonly workbook: any;
  readonly application: any;
  readonly runtime: any;

  constructor(readonly book: FakeBook) {
    this.workbook = {
      worksheets: this.worksheets(),
      names: this.namesCollection(),
      tables: this.tablesCollection(undefined),
      pivotTables: this.pivotCollection(undefined),
    };
    const app: any = {
      load: () => this.load(app, () => ({ calculationMode: book.calculationMode })),
      suspendScreenUpdatingUntilNextSync: () => this.op(0, () => void book.screenUpdatingSuspensions++),
      suspendApiCalculationUntilNextSync: () => this.op(0, () => void book.calculationSuspensions++),
      calculate: (type: string) => this.op(size(type), () => void book.recalculations.push(type)),
    };
    Object.defineProperty(app, 'calculationMode', {
      get: () => this.loaded(app, 'calculationMode'),
      set: (v: string) =>
        this.op(size(v), () => {
          book.calculationModeChanges++;
          book.calculationMode = v;
        }),
    });
    this.application = app;
    const runtime: any = { load: () => this.load(runtime, () => ({ enableEvents: book.enableEvents })) };
    Object.defineProperty(runtime, 'enableEvents', {
      get: () => this.loaded(runtime, 'enableEvents'),
      set: (v: boolean) => this.op(size(v), () => void (book.enableEvents = v)),
    });
    this.runtime = runtime;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.book.syncs++;
    if (this.book.failAtSync !== undefined && --this.book.failAtSync === 0) {
      this.book.failAtSync = undefined;
      throw new ApiError('GeneralException', 'simulated failure');
    }
    const request = ops.reduce((n, o) => n + o.request, 0);
    this.book.maxRequestBytes = Math.max(this.book.maxRequestBytes, request);
    if (request > PAYLOAD_LIMIT) {
      this.book.rejected++;
      throw new PayloadError('request', request);
    }
    let response = 0;
    const deliveries: (() => void)[] = [];
    for (const op of ops) {
      const r = op.apply();
      response += r.response;
      if (r.deliver) deliveries.push(r.deliver);
    }
    this.book.maxResponseBytes = Math.max(this.book.maxResponseBytes, response);
    if (response > PAYLOAD_LIMIT) {
      this.book.rejected++;
      throw new PayloadError('response', response);
    }
    deliveries.forEach((d) => d());
  }

  op(request: number, apply: () => void): void {
    this.queue.push({ request: request + OP, apply: () => (apply(), { response: 0 }) });
  }

  /** Queues a load: `read` runs at sync, its result becomes the proxy's loaded properties. */
  load(proxy: any, read: () => Record<string, unknown>): any {
    this.queue.push({
      request: OP,
      apply: () => {
        const data = read();
        return { response: size(data), deliver: () => Object.assign((proxy.__loaded ??= {}), data) };
      },
    });
    return proxy;
  }

  loaded(proxy: any, prop: string): any {
    if (!proxy.__loaded || !(prop in proxy.__loaded)) throw new ApiError('PropertyNotLoaded', `${prop} was not loaded`);
    return proxy.__loaded[prop];
  }

  /** Records calls and property sets on format-like objects (fill, font, borders, charts …). */
  recorder(sheet: () => FakeSheet, label: string): any {
    const self = this;
    return new Proxy(function () {} as any, {
      get(_t, prop) {
        if (prop === 'then' || prop === 'toJSON' || typeof prop === 'symbol') return undefined;
        return self.recorder(sheet, `${label}.${String(prop)}`);
      },
      set(_t, prop, value) {
        self.op(size(value), () => {
          const s = sheet();
          s.writes++;
          s.log.push(`${label}.${String(prop)}=${JSON.stringify(value)}`);
        });
        return true;
      },
      apply(_t, _this, args) {
        self.op(size(args), () => {
          const s = sheet();
          s.writes++;
          s.log.push(`${label}(${JSON.stringify(args)})`);
        });
        return self.recorder(sheet, `${label}(${args.map((a: unknown) => JSON.stringify(a)).join(',')})`);
      },
    });
  }

  private worksheets(): any {
    const coll: any = {
      load: () =>
        this.load(coll, () => ({
          items: this.book.sheets.map((s) => this.worksheet(() => s, { name: s.name, visibility: s.visibility })),
        })),
      getItem: (name: string) =>
        this.worksheet(() => {
          const s = this.book.sheet(name);
          if (!s) throw new ApiError('ItemNotFound', `sheet ${name}`);
          return s;
        }),
      getItemOrNullObject: (name: string) => {
        const ws = this.worksheet(() => this.book.sheet(name)!);
        this.load(ws, () => ({ isNullObject: this.book.sheet(name) === undefined }));
        return ws;
      },
      add: (name: string) => {
        let created: FakeSheet | undefined;
        this.op(size(name), () => {
          if (this.book.sheet(name)) throw new ApiError('ItemAlreadyExists', `sheet ${name} exists`);
          created = this.book.addSheet(name);
        });
        return this.worksheet(() => created!);
      },
    };
    Object.defineProperty(coll, 'items', { get: () => this.loaded(coll, 'items') });
    return coll;
  }

  private worksheet(resolve: () => FakeSheet, known?: Record<string, unknown>): any {
    const ws: any = {
      __loaded: known,
      getRange: (address?: string) => this.range(() => (address === undefined ? { sheet: resolve(), top: 0, left: 0, rows: 1_048_576, cols: 16_384 } : parseAddress(resolve(), address))),
      getRangeByIndexes: (top: number, left: number, rows: number, cols: number) => this.range(() => ({ sheet: resolve(), top, left, rows, cols })),
      getUsedRangeOrNullObject: () => {
        const range = this.range(() => usedRect(resolve()) ?? null!);
        return range;
      },
      activate: () => this.op(0, () => void (this.book.active = resolve())),
      tables: this.tablesCollection(resolve),
      pivotTables: this.pivotCollection(resolve),
      charts: this.chartsCollection(resolve),
      freezePanes: this.recorder(resolve, 'freezePanes'),
      pageLayout: this.recorder(resolve, 'pageLayout'),
    };
    for (const prop of ['name', 'visibility', 'isNullObject']) Object.defineProperty(ws, prop, { get: () => this.loaded(ws, prop) });
    Object.defineProperty(ws, 'showGridlines', {
      set: (v: boolean) => this.op(size(v), () => void resolve().log.push(`showGridlines=${v}`)),
    });
    return ws;
  }

  private range(resolve: () => Rect): any {
    const ctx = this;
    const sheet = (): FakeSheet => resolve().sheet;
    const r: any = {
      load: (props: string) =>
        this.load(r, () => {
          const rect = resolve();
          if (rect === null) return { isNullObject: true };
          const out: Record<string, unknown> = { isNullObject: false };
          for (const p of props.split(',').map((s) => s.trim())) {
            if (p === 'values') out.values = Array.from({ length: rect.rows }, (_, i) => Array.from({ length: rect.cols }, (_, j) => rect.sheet.cells[rect.top + i]?.[rect.left + j]?.value ?? ''));
            if (p === 'rowIndex') out.rowIndex = rect.top;
            if (p === 'columnIndex') out.columnIndex = rect.left;
            if (p === 'rowCount') out.rowCount = rect.rows;
            if (p === 'columnCount') out.columnCount = rect.cols;
            if (p === 'address') out.address = rectAddress(rect);
          }
          return out;
        }),
      getMergedAreasOrNullObject: () => {
        const areas: any = {
          load: () =>
            this.load(areas, () => {
              const rect = resolve();
              const s = rect.sheet;
              // Merged areas that intersect the range, each whole (as Range.mergeArea would give it).
              const hits = s.merges.filter((m) => m.top < rect.top + rect.rows && rect.top <= m.bottom && m.left < rect.left + rect.cols && rect.left <= m.right);
              if (hits.length > MERGED_AREAS_LIMIT) throw new ApiError('GeneralException', `more than ${MERGED_AREAS_LIMIT} merged areas in the range`);
              if (hits.length === 0) return { isNullObject: true };
              return { isNullObject: false, address: hits.map((m) => rectAddress({ sheet: s, top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 })).join(', ') };
            }),
        };
        for (const p of ['isNullObject', 'address']) Object.defineProperty(areas, p, { get: () => this.loaded(areas, p) });
        return areas;
      },
      clear: (what: string) =>
        this.op(size(what), () => {
          const rect = resolve();
          // Excel refuses a change that cuts through a PivotTable.
          const hit = this.book.pivots.find((p) => p.sheet === rect.sheet && p.top < rect.top + rect.rows && rect.top < p.top + PIVOT_EXTENT.rows && p.left < rect.left + rect.cols && rect.left < p.left + PIVOT_EXTENT.cols);
          if (hit) throw new ApiError('InvalidOperation', `clear would change the PivotTable ${hit.name}`);
          rect.sheet.writes++;
          for (let i = rect.top; i < Math.min(rect.top + rect.rows, rect.sheet.cells.length); i++) {
            const row = rect.sheet.cells[i];
            if (!row) continue;
            for (let j = rect.left; j < Math.min(rect.left + rect.cols, row.length); j++) {
              if (what === 'Contents' && row[j]) row[j] = { value: '', format: row[j]!.format };
              else row[j] = undefined;
            }
          }
        }),
      select: () => this.op(0, () => void (this.book.selection = rectAddress(resolve()))),
      insert: (shift: string) =>
        this.op(size(shift), () => {
          const rect = resolve();
          if (shift === 'Right') shiftCells(this.book, rect.sheet, 'right', rect.top, rect.top + rect.rows - 1, rect.left, rect.cols);
          else if (shift === 'Down') shiftCells(this.book, rect.sheet, 'down', rect.left, rect.left + rect.cols - 1, rect.top, rect.rows);
          else throw new ApiError('InvalidArgument', `insert(${shift}) is not faked`);
        }),
      copyFrom: (source: any, copyType: string = 'All') =>
        this.op(OP, () => {
          const to = resolve();
          const from = source.__rect() as Rect;
          to.sheet.writes++;
          for (let i = 0; i < from.rows; i++) for (let j = 0; j < from.cols; j++) {
            const c = from.sheet.cells[from.top + i]?.[from.left + j];
            const old = to.sheet.cells[to.top + i]?.[to.left + j];
            let next: FakeCell | undefined;
            if (copyType === 'All') next = c ? { ...c } : undefined;
            else if (copyType === 'Values') next = { ...(old ?? { format: 'General' }), value: c?.value ?? '' };
            else if (copyType === 'Formats') next = { ...(old ?? { value: '' }), format: c?.format ?? 'General' };
            else throw new ApiError('InvalidArgument', `copyFrom(${copyType}) is not faked`);
            setCell(to.sheet, to.top + i, to.left + j, next);
          }
        }),
      __rect: resolve,
      format: this.recorder(sheet, 'format'),
      conditionalFormats: this.recorder(sheet, 'conditionalFormats'),
      dataValidation: this.dataValidation(resolve),
    };
    const write = (apply: (rect: Rect) => void) => () => {
      const rect = resolve();
      rect.sheet.writes++;
      apply(rect);
    };
    Object.defineProperty(r, 'values', {
      get: () => this.loaded(r, 'values'),
      set: (v: unknown) =>
        ctx.op(size(v), write((rect) => {
          const g = grid2d(rect, v, 'values');
          g.forEach((row, i) => row.forEach((value, j) => {
            const old = rect.sheet.cells[rect.top + i]?.[rect.left + j];
            setCell(rect.sheet, rect.top + i, rect.left + j, stored(value, old?.format ?? 'General'));
          }));
        })),
    });
    Object.defineProperty(r, 'numberFormat', {
      set: (v: unknown) =>
        ctx.op(size(v), write((rect) => {
          const g = grid2d(rect, v, 'numberFormat');
          g.forEach((row, i) => row.forEach((format, j) => {
            const old = rect.sheet.cells[rect.top + i]?.[rect.left + j];
            setCell(rect.sheet, rect.top + i, rect.left + j, { ...(old ?? { value: '' }), format: String(format) });
          }));
        })),
    });
    Object.defineProperty(r, 'hyperlink', {
      set: (v: unknown) =>
        ctx.op(size(v), write((rect) => {
          const old = rect.sheet.cells[rect.top]?.[rect.left];
          setCell(rect.sheet, rect.top, rect.left, { ...(old ?? { value: '', format: 'General' }), hyperlink: v });
        })),
    });
    for (const p of ['isNullObject', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address']) {
      Object.defineProperty(r, p, { get: () => this.loaded(r, p) });
    }
    return r;
  }

  /** Range.dataValidation: the rule is kept per cell (copied by copyFrom 'All'); the rest is logged. */
  private dataValidation(resolve: () => Rect): any {
    const recorder = this.recorder(() => resolve().sheet, 'dataValidation');
    return new Proxy(recorder, {
      set: (_t, prop, value) => {
        recorder[prop] = value;
        if (prop === 'rule') {
          this.op(0, () => {
            const rect = resolve();
            for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) {
              const old = rect.sheet.cells[rect.top + i]?.[rect.left + j];
              setCell(rect.sheet, rect.top + i, rect.left + j, { ...(old ?? { value: '', format: 'General' }), validation: value });
            }
          });
        }
        return true;
      },
    });
  }

  private namesCollection(): any {
    const coll: any = {
      load: () =>
        this.load(coll, () => ({
          items: this.book.names.map((n) => {
            const item: any = {
              name: n.name,
              type: 'Range',
              formula: `=${quoteSheet(n.sheet.name)}!$${n.cell.replace(/(\d+)/, '$$$1')}`,
              delete: () => this.op(0, () => void (this.book.names = this.book.names.filter((x) => x !== n))),
            };
            return item;
          }),
        })),
      add: (name: string, range: any) =>
        this.op(size(name), () => {
          if (this.book.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new ApiError('ItemAlreadyExists', `name ${name}`);
          const rect = range.__rect() as Rect;
          this.book.names.push({ name, sheet: rect.sheet, cell: `${columnLetters(rect.left)}${rect.top + 1}` });
        }),
    };
    Object.defineProperty(coll, 'items', { get: () => this.loaded(coll, 'items') });
    return coll;
  }

  private tablesCollection(sheet: (() => FakeSheet) | undefined): any {
    const coll: any = {
      load: () =>
        this.load(coll, () => ({
          items: this.book.tables.filter((t) => !sheet || t.sheet === sheet()).map((t) => this.table(() => t, { name: t.name, worksheet: { name: t.sheet.name }, showTotals: t.showTotals === true })),
        })),
      getItem: (name: string) =>
        this.table(() => {
          const t = this.book.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) throw new ApiError('ItemNotFound', `table ${name}`);
          return t;
        }),
      add: (address: any, hasHeaders: boolean) => {
        let created: FakeTable | undefined;
        this.op(size(typeof address === 'string' ? address : OP), () => {
          let rect: Rect;
          if (typeof address !== 'string') rect = address.__rect() as Rect;
          else if (address.includes('!')) throw new ApiError('InvalidArgument', 'the fake takes addresses without a sheet name');
          else {
            // Documented: an address without a sheet name refers to the active sheet — whichever
            // collection (workbook or worksheet) the table is added through.
            const active = this.book.activeSheet();
            if (!active) throw new ApiError('ItemNotFound', 'no active sheet');
            rect = parseAddress(active, address);
          }
          const bottom = rect.top + rect.rows - 1;
          const right = rect.left + rect.cols - 1;
          if (!hasHeaders) throw new ApiError('InvalidArgument', 'headers expected');
          if (this.book.tables.some((t) => t.sheet === rect.sheet && t.top <= bottom && rect.top <= t.bottom && t.left <= right && rect.left <= t.right)) {
            throw new ApiError('InvalidOperation', 'tables overlap');
          }
          let n = this.book.tables.length + 1;
          while (this.book.tables.some((t) => t.name === `Tabelle${n}`)) n++;
          created = { name: `Tabelle${n}`, sheet: rect.sheet, top: rect.top, left: rect.left, bottom, right };
          this.book.tables.push(created);
          rect.sheet.writes++;
        });
        return this.table(() => created!);
      },
    };
    Object.defineProperty(coll, 'items', { get: () => this.loaded(coll, 'items') });
    return coll;
  }

  private table(resolve: () => FakeTable, known?: Record<string, unknown>): any {
    const t: any = {
      __loaded: known,
      __table: resolve,
      resize: (address: string) =>
        this.op(size(address), () => {
          const table = resolve();
          const rect = parseAddress(table.sheet, address);
          if (rect.top !== table.top) throw new ApiError('InvalidArgument', 'header row must stay');
          Object.assign(table, { left: rect.left, bottom: rect.top + rect.rows - 1, right: rect.left + rect.cols - 1 });
        }),
      convertToRange: () => this.op(0, () => void (this.book.tables = this.book.tables.filter((x) => x !== resolve()))),
      columns: {
        add: (index?: number | null, values?: unknown, name?: string) => {
          this.op(size(values) + size(name), () => {
            const table = resolve();
            const count = table.right - table.left + 1;
            const rows = table.bottom - table.top + 1;
            if (index !== undefined && index !== null && index !== -1 && (!Number.isInteger(index) || index < 0 || index >= count)) {
              throw new ApiError('InvalidArgument', `column index ${index} outside 0..${count - 1} (-1 or null appends)`);
            }
            const at = table.left + (index === undefined || index === null || index === -1 ? count : index);
            const given = values === undefined || values === null ? undefined : (values as unknown[][]);
            if (given && (!Array.isArray(given) || given.length !== rows || given.some((r) => !Array.isArray(r) || r.length !== 1))) {
              throw new ApiError('InvalidArgument', `column values must be ${rows}×1 (header and body)`);
            }
            // The table's rows shift right from the new column on; a table beside them that would be cut refuses it.
            shiftCells(this.book, table.sheet, 'right', table.top, table.bottom, at, 1, table);
            table.right++;
            const headers = new Set(Array.from({ length: count + 1 }, (_, j) => (j === at - table.left ? undefined : String(table.sheet.cells[table.top]?.[table.left + j]?.value ?? '').toLowerCase())));
            let header = name ?? String(given?.[0]?.[0] ?? `Spalte${count + 1}`);
            for (let n = 2; headers.has(header.toLowerCase()); n++) header = `${name ?? 'Spalte'}${n}`;
            setCell(table.sheet, table.top, at, { value: header, format: 'General' });
            given?.slice(1).forEach((r, i) => setCell(table.sheet, table.top + 1 + i, at, stored(r[0], 'General')));
            table.sheet.writes++;
          });
          return {};
        },
      },
      getRange: () => this.range(() => {
        const table = resolve();
        return { sheet: table.sheet, top: table.top, left: table.left, rows: table.bottom - table.top + 1, cols: table.right - table.left + 1 };
      }),
    };
    Object.defineProperty(t, 'name', {
      get: () => this.loaded(t, 'name'),
      set: (v: string) =>
        this.op(size(v), () => {
          const table = resolve();
          if (this.book.tables.some((x) => x !== table && x.name.toLowerCase() === v.toLowerCase())) throw new ApiError('InvalidArgument', `table name ${v} taken`);
          table.name = v;
        }),
    });
    Object.defineProperty(t, 'worksheet', { get: () => this.loaded(t, 'worksheet') });
    Object.defineProperty(t, 'showTotals', {
      get: () => this.loaded(t, 'showTotals'),
      set: (v: boolean) => this.op(size(v), () => void (resolve().showTotals = v)),
    });
    for (const p of ['style']) Object.defineProperty(t, p, { set: (v: unknown) => this.op(size(v), () => undefined) });
    return t;
  }

  private pivotCollection(sheet: (() => FakeSheet) | undefined): any {
    const coll: any = {
      load: () =>
        this.load(coll, () => ({
          items: this.book.pivots
            .filter((p) => !sheet || p.sheet === sheet())
            .map((p) => ({
              name: p.name,
              worksheet: { name: p.sheet.name },
              delete: () => this.op(0, () => void (this.book.pivots = this.book.pivots.filter((x) => x !== p))),
            })),
        })),
      add: (name: string, source: any, destination: any) => {
        let created: FakePivot | undefined;
        this.op(size(name) + OP, () => {
          if (!sheet) throw new ApiError('InvalidArgument', 'add PivotTables through a worksheet');
          if (typeof source?.__table !== 'function') throw new ApiError('InvalidArgument', 'the fake takes a Table as source');
          const table = source.__table() as FakeTable;
          const at = destination.__rect() as Rect;
          if (this.book.pivots.some((p) => p.sheet === at.sheet && p.name.toLowerCase() === name.toLowerCase())) throw new ApiError('ItemAlreadyExists', `PivotTable ${name}`);
          const over = this.book.tables.find((t) => t.sheet === at.sheet && at.left <= t.right && t.left < at.left + PIVOT_EXTENT.cols && at.top <= t.bottom && t.top < at.top + PIVOT_EXTENT.rows);
          if (over) throw new ApiError('InvalidOperation', `a PivotTable cannot overlap the table ${over.name}`);
          created = { name, sheet: at.sheet, source: table, top: at.top, left: at.left, rows: [], columns: [], filters: [], data: [] };
          this.book.pivots.push(created);
          at.sheet.writes++;
        });
        return this.pivot(() => created!);
      },
    };
    Object.defineProperty(coll, 'items', { get: () => this.loaded(coll, 'items') });
    return coll;
  }

  /** A PivotTable proxy: hierarchies are source-table columns, checked against its header row. */
  private pivot(resolve: () => FakePivot): any {
    const field = (p: FakePivot, h: any): string => {
      const name = String(h.__field);
      const t = p.source;
      const header = Array.from({ length: t.right - t.left + 1 }, (_, j) => t.sheet.cells[t.top]?.[t.left + j]?.value);
      if (!header.includes(name)) throw new ApiError('ItemNotFound', `PivotTable field ${name}`);
      return name;
    };
    const axis = (key: 'rows' | 'columns' | 'filters') => ({
      add: (h: any) =>
        this.op(OP, () => {
          const p = resolve();
          const name = field(p, h);
          if (key === 'filters') {
            // The report filter goes above the PivotTable: one row per field, then a blank row.
            const need = p.filters.length + 2;
            const top = p.top - need;
            if (top < 0) throw new ApiError('InvalidOperation', `no room for the report filter above ${columnLetters(p.left)}${p.top + 1}: it needs ${need} rows`);
            for (let i = top; i < p.top; i++) for (let j = p.left; j < p.left + 2; j++) {
              const v = p.sheet.cells[i]?.[j]?.value;
              const inTable = this.book.tables.some((t) => t.sheet === p.sheet && t.top <= i && i <= t.bottom && t.left <= j && j <= t.right);
              if ((v !== undefined && v !== '') || inTable) throw new ApiError('InvalidOperation', `the report filter would overwrite ${columnLetters(j)}${i + 1}`);
            }
          }
          p[key].push(name);
        }),
    });
    return {
      hierarchies: { getItem: (name: string) => ({ __field: name }) },
      rowHierarchies: axis('rows'),
      columnHierarchies: axis('columns'),
      filterHierarchies: axis('filters'),
      dataHierarchies: {
        add: (h: any) => {
          let entry: FakePivot['data'][number] | undefined;
          this.op(OP, () => {
            entry = { field: field(resolve(), h) };
            resolve().data.push(entry);
          });
          const data: any = {};
          for (const prop of ['name', 'summarizeBy'] as const) {
            Object.defineProperty(data, prop, { set: (v: string) => this.op(size(v), () => void (entry![prop] = v)) });
          }
          return data;
        },
      },
      layout: this.recorder(() => resolve().sheet, 'pivot.layout'),
    };
  }

  private chartsCollection(sheet: () => FakeSheet): any {
    const coll: any = {
      load: () =>
        this.load(coll, () => ({
          items: sheet().charts.map((name) => ({ name, delete: () => this.op(0, () => void (sheet().charts = sheet().charts.filter((c) => c !== name))) })),
        })),
      add: (type: string) => {
        this.op(size(type), () => {
          const s = sheet();
          s.charts.push(`Diagramm ${s.charts.length + 1}`);
          s.writes++;
        });
        return this.recorder(sheet, `chart(${type})`);
      },
    };
    Object.defineProperty(coll, 'items', { get: () => this.loaded(coll, 'items') });
    return coll;
  }
}

/** An ExcelRun over the fake workbook: each run gets a fresh request context. */
export function fakeExcelRun(book: FakeBook): ExcelRun {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(new FakeContext(book) as unknown as Excel.RequestContext);
}
