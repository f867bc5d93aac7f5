/**
 * Worksheets of the fake Excel. Refused as Excel refuses them:
 * - a sheet name that is blank, longer than 31 characters, holds one of `: \ / ? * [ ]`, begins
 *   or ends with an apostrophe, or is `History` (support.microsoft.com, "Rename a worksheet");
 *   a name already taken, compared ignoring case (ItemAlreadyExists);
 * - WorksheetCollection.add does not activate the new sheet;
 * - deleting the last visible sheet (a workbook keeps at least one visible sheet);
 * - PageLayout.zoom with a scale outside 10–400 or a page count that is not a whole number
 *   from 0 (automatic) to 32767 (learn.microsoft.com, Excel.PageLayoutZoomOptions; the page
 *   counts of Excel's „Anpassen: … Seite(n) breit/hoch“); refused when the batch syncs.
 */
import type { FakeSheet } from './book';
import { ApiError, type Engine, type FakeOf, size } from './engine';
import { makeCharts } from './names-charts';
import { MAX_COLS, MAX_ROWS, makeRange, parseAddress, usedRect } from './ranges';
import { makePivotTables, makeTables } from './tables';

/** Excel's own rule for sheet names; the fake refuses what it refuses. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'blank';
  if (name.length > 31) return 'longer than 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'holds one of : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'begins or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'is reserved (History)';
  return undefined;
}

/** What Excel refuses in PageLayout.zoom (undefined: accepted). */
function zoomProblem(z: Excel.PageLayoutZoomOptions): string | undefined {
  if (z.scale != null && !(z.scale >= 10 && z.scale <= 400)) return `scale ${z.scale} is not between 10 and 400`;
  for (const [name, pages] of [['horizontalFitToPages', z.horizontalFitToPages], ['verticalFitToPages', z.verticalFitToPages]] as const) {
    if (pages != null && !(Number.isInteger(pages) && pages >= 0 && pages <= 32767)) return `${name} ${pages} is not a page count`;
  }
  return undefined;
}

export function makeWorksheets(engine: Engine): Excel.WorksheetCollection {
  const book = engine.book;
  let self: Excel.WorksheetCollection;
  const target = {
    load(_props: string) {
      engine.load(target, () => ({ items: book.sheets.map((s) => makeWorksheet(engine, () => s, { name: s.name, visibility: s.visibility })) }));
      return self;
    },
    get items() { return engine.loaded(target, 'items'); },
    getItem(name: string) {
      return makeWorksheet(engine, () => {
        const s = book.sheet(name);
        if (!s) throw new ApiError('ItemNotFound', `The requested resource doesn't exist (sheet ${name}).`);
        return s;
      });
    },
    getActiveWorksheet() {
      return makeWorksheet(engine, () => {
        const s = book.activeSheet();
        if (!s) throw new ApiError('ItemNotFound', 'no active sheet');
        return s;
      });
    },
    getItemOrNullObject(name: string) {
      const ws = makeWorksheet(engine, () => book.sheet(name)!);
      engine.load(ws, () => ({ isNullObject: book.sheet(name) === undefined }));
      return ws;
    },
    add(name: string) {
      let created: FakeSheet | undefined;
      engine.op(size(name), () => {
        const problem = sheetNameProblem(name);
        if (problem) throw new ApiError('InvalidArgument', `The sheet name ${JSON.stringify(name)} ${problem}.`);
        if (book.sheet(name)) throw new ApiError('ItemAlreadyExists', `A sheet named ${name} exists (names are compared ignoring case).`);
        created = book.addSheet(name);
      });
      return makeWorksheet(engine, () => {
        if (!created) throw new ApiError('InvalidObjectPath', 'the sheet was not added');
        return created;
      });
    },
  } satisfies FakeOf<Excel.WorksheetCollection>;
  self = engine.track('WorksheetCollection', target) as unknown as Excel.WorksheetCollection;
  return self;
}

export function makeWorksheet(engine: Engine, resolve: () => FakeSheet, known?: Record<string, unknown>): Excel.Worksheet {
  const book = engine.book;
  let self: Excel.Worksheet;
  const target = {
    load(_props: string) {
      engine.load(target, () => {
        const s = book.sheets.includes(resolve()) ? resolve() : undefined;
        return s ? { name: s.name, visibility: s.visibility, isNullObject: false } : { isNullObject: true };
      });
      return self;
    },
    get name() { return engine.loaded(target, 'name'); },
    get visibility() { return engine.loaded(target, 'visibility'); },
    get isNullObject() { return engine.loaded(target, 'isNullObject'); },
    getRange(address?: string) {
      return makeRange(engine, () => (address === undefined ? { sheet: resolve(), top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(resolve(), address)));
    },
    getRangeByIndexes(top: number, left: number, rows: number, cols: number) {
      return makeRange(engine, () => {
        if (top < 0 || left < 0 || rows < 1 || cols < 1 || top + rows > MAX_ROWS || left + cols > MAX_COLS) throw new ApiError('InvalidArgument', `getRangeByIndexes(${top}, ${left}, ${rows}, ${cols}) is outside the sheet`);
        return { sheet: resolve(), top, left, rows, cols };
      });
    },
    getUsedRangeOrNullObject(_valuesOnly?: boolean) {
      return makeRange(engine, () => usedRect(resolve()) ?? null);
    },
    activate() {
      engine.op(0, () => void (book.active = resolve()));
    },
    delete() {
      engine.op(0, () => {
        const s = resolve();
        if (!book.sheets.includes(s)) throw new ApiError('ItemNotFound', `sheet ${s.name} is gone`);
        if (book.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) throw new ApiError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        book.sheets = book.sheets.filter((x) => x !== s);
        book.tables = book.tables.filter((t) => t.sheet !== s);
        book.pivots = book.pivots.filter((p) => p.sheet !== s);
        book.names = book.names.filter((n) => n.sheet !== s);
        if (book.active === s) book.active = undefined;
      });
    },
    tables: makeTables(engine, resolve),
    pivotTables: makePivotTables(engine, resolve),
    charts: makeCharts(engine, resolve),
    freezePanes: engine.track('WorksheetFreezePanes', {
      freezeRows(count?: number) {
        engine.op(0, () => {
          const s = resolve();
          s.frozenRows = count ?? 1;
          s.writes++;
        });
      },
    } satisfies FakeOf<Excel.WorksheetFreezePanes>),
    pageLayout: engine.track('PageLayout', {
      set orientation(v: string) {
        if (v !== 'Portrait' && v !== 'Landscape') throw new ApiError('InvalidArgument', `orientation ${v}`);
        engine.op(size(v), () => void (resolve().pageLayout.orientation = v));
      },
      set paperSize(v: string) {
        engine.op(size(v), () => void (resolve().pageLayout.paperSize = v));
      },
      set zoom(v: Excel.PageLayoutZoomOptions) {
        engine.op(size(v), () => {
          const problem = zoomProblem(v);
          if (problem) throw new ApiError('InvalidArgument', `PageLayout.zoom: ${problem}`);
          resolve().pageLayout.zoom = { ...v };
        });
      },
    } satisfies FakeOf<Excel.PageLayout>),
    set showGridlines(v: boolean) {
      engine.op(size(v), () => void (resolve().showGridlines = v));
    },
  } satisfies FakeOf<Excel.Worksheet>;
  if (known) engine.preload(target, known);
  self = engine.track('Worksheet', target) as unknown as Excel.Worksheet;
  return self;
}
