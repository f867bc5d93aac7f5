/**
 * Ranges of the fake Excel: values, number formats, links, merged areas, clear, insert,
 * copy, formats, conditional formats and data validation. What Excel refuses here, and where
 * that is documented (learn.microsoft.com, Excel JavaScript API reference, unless noted):
 * - Range.values / numberFormat are `any[][]` of exactly the range's size (InvalidArgument "The
 *   number of rows or columns in the input array doesn't match the size or dimensions of the range").
 * - Range.values: text starting with `=`, `+` or `-` becomes a formula, numeric text a number,
 *   unless the cell is formatted as text (`@`).
 * - Range.getMergedAreasOrNullObject fails "if the merged areas count in this range is more than
 *   512"; it returns only the merged areas whose top-left cell lies in the range
 *   (OfficeDev/office-js#3611), and RangeAreas.address names only those top-left cells
 *   (OfficeDev/office-js#1590: read RangeAreas.areas for the whole areas).
 * - Range.insert refuses to shift part of a table ("This operation is attempting to shift cells
 *   in a table on your worksheet"); a table wholly inside the shifted band moves.
 * - Range.clear over a whole table may delete the table (undocumented either way): the fake
 *   refuses it, so the add-in never depends on it. A clear cutting a PivotTable is refused.
 * - Range.format.columnWidth is in points ("Specifies the width of all columns within the range").
 */
import type { MergedArea } from '../../../src/core/grid';
import { parseA1 } from '../../../src/core/grid';
import { type FakeCell, type FakeSheet, type FakeBook, type FakeTable, type Rect, type FakeConditionalFormat, rectAddress, cellAddress, setCell } from './book';
import { ApiError, type Engine, type FakeOf, OP, size } from './engine';

export const MERGED_AREAS_LIMIT = 512;
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Cells a PivotTable covers in the fake: enough for clusters × years with totals. */
export const PIVOT_EXTENT = { rows: 12, cols: 8 };

export function parseAddress(sheet: FakeSheet, address: string): Rect {
  if (address.includes('!')) throw new ApiError('InvalidArgument', `The fake takes addresses without a sheet name here: ${address}`);
  const whole = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (whole) {
    const a = parseA1(`${whole[1]}1`)!;
    const b = parseA1(`${whole[2]}1`)!;
    return { sheet, top: 0, left: a.col, rows: MAX_ROWS, cols: b.col - a.col + 1 };
  }
  const [from, to] = address.split(':');
  const a = parseA1(from ?? '');
  const b = to === undefined ? a : parseA1(to);
  if (!a || !b) throw new ApiError('InvalidArgument', `bad address ${address}`);
  return { sheet, top: a.row, left: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

export function usedRect(sheet: FakeSheet): Rect | undefined {
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

function grid2d(rect: Rect, v: unknown, what: string): unknown[][] {
  if (!Array.isArray(v) || v.length !== rect.rows || v.some((row: unknown) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new ApiError('InvalidArgument', `${what}: The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols}).`);
  }
  return v as unknown[][];
}

/** What Excel makes of a value typed into a cell with this number format. */
export function stored(value: unknown, format: string): FakeCell {
  if (typeof value === 'string' && format !== '@') {
    if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return { value: Number(value), format };
    if (/^[=+-]/.test(value)) return { value: '#FORMULA', format, formula: value };
  }
  return { value, format };
}

const overlaps = (a: { top: number; left: number; bottom: number; right: number }, r: Rect): boolean =>
  a.top < r.top + r.rows && r.top <= a.bottom && a.left < r.left + r.cols && r.left <= a.right;

/**
 * Shifts cells as Range.insert does. Tables wholly inside the band and past `at` move; one cut
 * by the band refuses the whole operation. `own` is the table that grows (TableColumnCollection.add).
 */
export function shiftCells(book: FakeBook, sheet: FakeSheet, way: 'right' | 'down', from: number, to: number, at: number, by: number, own?: FakeTable): void {
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
    for (let i = sheet.cells.length - 1; i >= at; i--) {
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

const bare = (r: Rect): Omit<Rect, 'sheet'> => ({ top: r.top, left: r.left, rows: r.rows, cols: r.cols });

/** A Range proxy over the rectangle `resolve` gives at sync time (null: a null object). */
export function makeRange(engine: Engine, resolve: () => Rect | null): Excel.Range {
  const book = engine.book;
  const rect = (): Rect => {
    const r = resolve();
    if (!r) throw new ApiError('InvalidObjectPath', 'The range is a null object');
    return r;
  };
  const write = (apply: (r: Rect) => void) => () => {
    const r = rect();
    r.sheet.writes++;
    apply(r);
  };
  const formatWrite = (key: string, value: unknown): void =>
    engine.op(size(value), write((r) => {
      r.sheet.formats.push({ rect: bare(r), key, value });
      if (key === 'columnWidth') for (let c = r.left; c < r.left + r.cols; c++) r.sheet.columnWidths.set(c, Number(value));
    }));
  let self: Excel.Range;
  const target = {
    load(props: string) {
      engine.load(target, () => {
        const r = resolve();
        if (r === null) return { isNullObject: true };
        const out: Record<string, unknown> = { isNullObject: false };
        for (const p of props.split(',').map((s) => s.trim())) {
          const each = (f: (c: FakeCell | undefined) => unknown) => Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(r.sheet.cells[r.top + i]?.[r.left + j])));
          if (p === 'values') out.values = each((c) => c?.value ?? '');
          else if (p === 'numberFormat') out.numberFormat = each((c) => c?.format ?? 'General');
          else if (p === 'text') out.text = each((c) => displayText(book, c));
          else if (p === 'rowIndex') out.rowIndex = r.top;
          else if (p === 'columnIndex') out.columnIndex = r.left;
          else if (p === 'rowCount') out.rowCount = r.rows;
          else if (p === 'columnCount') out.columnCount = r.cols;
          else if (p === 'address') out.address = rectAddress(r);
          else throw new ApiError('InvalidArgument', `load(${p}) is not faked`);
        }
        return out;
      });
      return self;
    },
    get isNullObject() { return engine.loaded(target, 'isNullObject'); },
    get rowIndex() { return engine.loaded(target, 'rowIndex'); },
    get columnIndex() { return engine.loaded(target, 'columnIndex'); },
    get rowCount() { return engine.loaded(target, 'rowCount'); },
    get columnCount() { return engine.loaded(target, 'columnCount'); },
    get address() { return engine.loaded(target, 'address'); },
    get text() { return engine.loaded(target, 'text'); },
    get values() { return engine.loaded(target, 'values'); },
    set values(v: unknown) {
      engine.op(size(v), write((r) => {
        grid2d(r, v, 'values').forEach((row, i) => row.forEach((value, j) => {
          const old = r.sheet.cells[r.top + i]?.[r.left + j];
          setCell(r.sheet, r.top + i, r.left + j, { ...stored(value, old?.format ?? 'General'), ...(old?.validation !== undefined ? { validation: old.validation } : {}) });
        }));
      }));
    },
    get numberFormat() { return engine.loaded(target, 'numberFormat'); },
    set numberFormat(v: unknown) {
      engine.op(size(v), write((r) => {
        grid2d(r, v, 'numberFormat').forEach((row, i) => row.forEach((format, j) => {
          const old = r.sheet.cells[r.top + i]?.[r.left + j];
          setCell(r.sheet, r.top + i, r.left + j, { ...(old ?? { value: '' }), format: String(format) });
        }));
      }));
    },
    set hyperlink(v: unknown) {
      engine.op(size(v), write((r) => {
        const old = r.sheet.cells[r.top]?.[r.left];
        setCell(r.sheet, r.top, r.left, { ...(old ?? { value: '', format: 'General' }), hyperlink: v });
      }));
    },
    getMergedAreasOrNullObject() {
      return makeRangeAreas(engine, rect);
    },
    clear(what: string = 'All') {
      engine.op(size(what), () => {
        const r = rect();
        const pivot = book.pivots.find((p) => p.sheet === r.sheet && overlaps({ top: p.top, left: p.left, bottom: p.top + PIVOT_EXTENT.rows - 1, right: p.left + PIVOT_EXTENT.cols - 1 }, r));
        if (pivot) throw new ApiError('InvalidOperation', `clear would change the PivotTable ${pivot.name}`);
        const whole = book.tables.find((t) => t.sheet === r.sheet && t.top >= r.top && t.bottom < r.top + r.rows && t.left >= r.left && t.right < r.left + r.cols);
        if (whole) throw new ApiError('InvalidOperation', `clear over the whole table ${whole.name}: Excel may delete the table (the fake refuses to rely on it)`);
        r.sheet.writes++;
        for (let i = r.top; i < Math.min(r.top + r.rows, r.sheet.cells.length); i++) {
          const row = r.sheet.cells[i];
          if (!row) continue;
          for (let j = r.left; j < Math.min(r.left + r.cols, row.length); j++) {
            if (what === 'Contents' && row[j]) row[j] = { value: '', format: row[j]!.format };
            else if (what === 'Formats' && row[j]) row[j] = { value: row[j]!.value, format: 'General' };
            else row[j] = undefined;
          }
        }
        if (what !== 'Contents') {
          const inside = (f: { rect: Omit<Rect, 'sheet'> }) => f.rect.top >= r.top && f.rect.top + f.rect.rows <= r.top + r.rows && f.rect.left >= r.left && f.rect.left + f.rect.cols <= r.left + r.cols;
          r.sheet.formats = r.sheet.formats.filter((f) => f.key === 'columnWidth' || !inside(f));
          r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((f) => !inside(f));
        }
      });
    },
    select() {
      engine.op(0, () => void (book.selection = rectAddress(rect())));
    },
    merge(across?: boolean) {
      engine.op(OP, () => {
        const r = rect();
        if (across) throw new ApiError('InvalidArgument', 'merge(true) is not faked');
        if (r.sheet.merges.some((m) => overlaps(m, r))) throw new ApiError('InvalidOperation', 'the range overlaps a merged area');
        if (book.tables.some((t) => t.sheet === r.sheet && overlaps(t, r))) throw new ApiError('InvalidOperation', 'cells in a table cannot be merged');
        r.sheet.merges.push({ top: r.top, left: r.left, bottom: r.top + r.rows - 1, right: r.left + r.cols - 1 });
        // Merging keeps the top-left value only.
        for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) if (i > 0 || j > 0) setCell(r.sheet, r.top + i, r.left + j, undefined);
        r.sheet.writes++;
      });
    },
    insert(shift: string) {
      engine.op(size(shift), () => {
        const r = rect();
        if (shift === 'Right') shiftCells(book, r.sheet, 'right', r.top, r.top + r.rows - 1, r.left, r.cols);
        else if (shift === 'Down') shiftCells(book, r.sheet, 'down', r.left, r.left + r.cols - 1, r.top, r.rows);
        else throw new ApiError('InvalidArgument', `insert(${shift}) is not faked`);
      });
      return self;
    },
    copyFrom(source: unknown, copyType: string = 'All') {
      engine.op(OP, () => {
        const to = rect();
        const from = engine.rectOf(source, 'Range.copyFrom');
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
      });
    },
    format: makeFormat(engine, formatWrite),
    conditionalFormats: makeConditionalFormats(engine, rect),
    dataValidation: makeDataValidation(engine, rect),
  } satisfies FakeOf<Excel.Range>;
  self = engine.track('Range', target, { rect: resolve }) as unknown as Excel.Range;
  return self;
}

/** The text Excel shows for a cell (dates as dd.mm.yyyy in the workbook's date system). */
function displayText(book: FakeBook, c: FakeCell | undefined): string {
  if (!c || c.value === '' || c.value === undefined || c.value === null) return '';
  if (typeof c.value === 'number' && /[dmy]/i.test(c.format.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && c.format !== 'General') {
    const days = Math.floor(c.value) + (book.date1904 ? 1462 : 0) - 25_569;
    const d = new Date(days * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  }
  return String(c.value);
}

function makeRangeAreas(engine: Engine, rect: () => Rect): Excel.RangeAreas {
  let found: MergedArea[] = [];
  let sheet: FakeSheet | undefined;
  const target = {
    load(props: string) {
      engine.load(target, () => {
        const r = rect();
        sheet = r.sheet;
        // Only areas whose top-left cell lies in the range (OfficeDev/office-js#3611).
        const hits = r.sheet.merges.filter((m) => m.top >= r.top && m.top < r.top + r.rows && m.left >= r.left && m.left < r.left + r.cols);
        if (hits.length > MERGED_AREAS_LIMIT) throw new ApiError('GeneralException', `more than ${MERGED_AREAS_LIMIT} merged areas in the range`);
        found = hits;
        if (hits.length === 0) return { isNullObject: true };
        const out: Record<string, unknown> = { isNullObject: false };
        // RangeAreas.address names the top-left cells only (OfficeDev/office-js#1590).
        if (props.includes('address')) out.address = hits.map((m) => rectAddress({ sheet: r.sheet, top: m.top, left: m.left, rows: 1, cols: 1 })).join(',');
        return out;
      });
      return self;
    },
    get isNullObject() { return engine.loaded(target, 'isNullObject'); },
    get address() { return engine.loaded(target, 'address'); },
    get areas() {
      return makeRangeCollection(engine, () => (sheet ? found.map((m) => ({ sheet: sheet!, top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 })) : []));
    },
  } satisfies FakeOf<Excel.RangeAreas>;
  const self = engine.track('RangeAreas', target) as unknown as Excel.RangeAreas;
  return self;
}

function makeRangeCollection(engine: Engine, rects: () => Rect[]): Excel.RangeCollection {
  const target = {
    load(props: string) {
      engine.load(target, () => ({
        items: rects().map((r) => {
          const range = makeRange(engine, () => r);
          const data: Record<string, unknown> = {};
          for (const p of props.replace(/items\//g, '').split(',').map((s) => s.trim())) {
            if (p === 'rowIndex') data.rowIndex = r.top;
            else if (p === 'columnIndex') data.columnIndex = r.left;
            else if (p === 'rowCount') data.rowCount = r.rows;
            else if (p === 'columnCount') data.columnCount = r.cols;
            else if (p === 'address') data.address = rectAddress(r);
            else throw new ApiError('InvalidArgument', `load(${p}) is not faked`);
          }
          engine.preload(range, data);
          return range;
        }),
      }));
      return self;
    },
    get items() { return engine.loaded(target, 'items'); },
  } satisfies FakeOf<Excel.RangeCollection>;
  const self = engine.track('RangeCollection', target) as unknown as Excel.RangeCollection;
  return self;
}

function makeFormat(engine: Engine, set: (key: string, value: unknown) => void): Excel.RangeFormat {
  const font = engine.track('RangeFont', {
    set bold(v: boolean) { set('font.bold', v); },
    set italic(v: boolean) { set('font.italic', v); },
    set size(v: number) { set('font.size', v); },
    set color(v: string) { set('font.color', v); },
  } satisfies FakeOf<Excel.RangeFont>);
  const fill = engine.track('RangeFill', { set color(v: string) { set('fill.color', v); } } satisfies FakeOf<Excel.RangeFill>);
  const borders = engine.track('RangeBorderCollection', {
    getItem(edge: string) {
      return engine.track('RangeBorder', {
        set style(v: string) { set(`borders.${edge}.style`, v); },
        set color(v: string) { set(`borders.${edge}.color`, v); },
        set weight(v: string) { set(`borders.${edge}.weight`, v); },
      } satisfies FakeOf<Excel.RangeBorder>);
    },
  } satisfies FakeOf<Excel.RangeBorderCollection>);
  return engine.track('RangeFormat', {
    font,
    fill,
    borders,
    set columnWidth(v: number) {
      if (typeof v !== 'number' || !(v >= 0) || v > 255 * 7.5) throw new ApiError('InvalidArgument', `columnWidth ${v} (points) is out of range`);
      set('columnWidth', v);
    },
    set wrapText(v: boolean) { set('wrapText', v); },
    set horizontalAlignment(v: string) { set('horizontalAlignment', v); },
  } satisfies FakeOf<Excel.RangeFormat>) as unknown as Excel.RangeFormat;
}

function makeConditionalFormats(engine: Engine, rect: () => Rect): Excel.ConditionalFormatCollection {
  return engine.track('ConditionalFormatCollection', {
    add(type: string) {
      if (type !== 'CellValue' && type !== 'ColorScale') throw new ApiError('InvalidArgument', `conditional format ${type} is not faked`);
      const entry: Omit<FakeConditionalFormat, 'rect'> = { type };
      let added: FakeConditionalFormat | undefined;
      engine.op(OP, () => {
        const r = rect();
        r.sheet.writes++;
        added = { rect: bare(r), ...entry };
        r.sheet.conditionalFormats.push(added);
      });
      const update = (f: (c: FakeConditionalFormat) => void) => engine.op(OP, () => f(added!));
      const cellValue = engine.track('CellValueConditionalFormat', {
        format: engine.track('ConditionalRangeFormat', {
          fill: engine.track('ConditionalRangeFill', { set color(v: string) { update((c) => void (c.fill = v)); } } satisfies FakeOf<Excel.ConditionalRangeFill>),
        } satisfies FakeOf<Excel.ConditionalRangeFormat>),
        set rule(v: unknown) {
          if (type !== 'CellValue') throw new ApiError('InvalidArgument', 'cellValue on a conditional format of another type');
          update((c) => void (c.rule = v));
        },
      } satisfies FakeOf<Excel.CellValueConditionalFormat>);
      const colorScale = engine.track('ColorScaleConditionalFormat', {
        set criteria(v: unknown) {
          if (type !== 'ColorScale') throw new ApiError('InvalidArgument', 'colorScale on a conditional format of another type');
          update((c) => void (c.criteria = v));
        },
      } satisfies FakeOf<Excel.ColorScaleConditionalFormat>);
      return engine.track('ConditionalFormat', { cellValue, colorScale } satisfies FakeOf<Excel.ConditionalFormat>);
    },
  } satisfies FakeOf<Excel.ConditionalFormatCollection>) as unknown as Excel.ConditionalFormatCollection;
}

/** Range.dataValidation: the rule is kept per cell (copied by copyFrom 'All'), the alert per range. */
function makeDataValidation(engine: Engine, rect: () => Rect): Excel.DataValidation {
  return engine.track('DataValidation', {
    set rule(v: unknown) {
      const list = (v as { list?: { source?: unknown } } | undefined)?.list;
      engine.op(size(v), () => {
        const r = rect();
        if (list && typeof list.source === 'string' && list.source.length > 255) throw new ApiError('InvalidArgument', 'a list source over 255 characters');
        r.sheet.writes++;
        for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) {
          const old = r.sheet.cells[r.top + i]?.[r.left + j];
          setCell(r.sheet, r.top + i, r.left + j, { ...(old ?? { value: '', format: 'General' }), validation: v });
        }
      });
    },
    set errorAlert(v: unknown) {
      engine.op(size(v), () => {
        const r = rect();
        r.sheet.errorAlerts.push({ rect: bare(r), alert: v });
      });
    },
  } satisfies FakeOf<Excel.DataValidation>) as unknown as Excel.DataValidation;
}

export { cellAddress };
