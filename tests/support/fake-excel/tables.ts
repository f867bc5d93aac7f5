/**
 * Tables and PivotTables of the fake Excel. Refused as Excel refuses them:
 * - TableCollection.add(address): "If the address does not contain a sheet name, the
 *   currently-active sheet is used" (also through Worksheet.tables); a Range is exact.
 * - Table.resize: "The new range must overlap with the original table range and the headers
 *   (or the top of the table) must be in the same row" (ExcelApi 1.13); a bare address means
 *   the active sheet, so it is refused when that is not the table's sheet.
 * - Table names share one namespace with defined names and are compared ignoring case; they
 *   hold no spaces and start with a letter or an underscore.
 * - TableColumnCollection.add(index, values, name): index below the column count, or -1/null to
 *   append (ExcelApi 1.4); the table's rows shift right (a table beside them must not be cut).
 * - A PivotTable's report filter stands two rows above its first cell: a filter field added
 *   where those rows do not exist, or are not empty, is refused. A PivotTable must not overlap a table.
 */
import { columnLetters } from '../../../src/core/grid';
import { type FakePivot, type FakeSheet, type FakeTable, type Rect, setCell } from './book';
import { ApiError, type Engine, type FakeOf, OP, size } from './engine';
import { PIVOT_EXTENT, makeRange, parseAddress, shiftCells, stored } from './ranges';

function tableRect(t: FakeTable): Rect {
  return { sheet: t.sheet, top: t.top, left: t.left, rows: t.bottom - t.top + 1, cols: t.right - t.left + 1 };
}

export function makeTables(engine: Engine, sheet: (() => FakeSheet) | undefined): Excel.TableCollection {
  const book = engine.book;
  let self: Excel.TableCollection;
  const target = {
    load(_props: string) {
      engine.load(target, () => ({
        items: book.tables.filter((t) => !sheet || t.sheet === sheet()).map((t) => makeTable(engine, () => t, { name: t.name, worksheet: { name: t.sheet.name }, showTotals: t.showTotals === true })),
      }));
      return self;
    },
    get items() { return engine.loaded(target, 'items'); },
    getItem(name: string) {
      return makeTable(engine, () => {
        const t = book.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new ApiError('ItemNotFound', `table ${name}`);
        return t;
      });
    },
    add(address: unknown, hasHeaders: boolean) {
      let created: FakeTable | undefined;
      engine.op(size(typeof address === 'string' ? address : OP), () => {
        let rect: Rect;
        if (typeof address !== 'string') rect = engine.rectOf(address, 'TableCollection.add');
        else {
          const active = book.activeSheet();
          if (!active) throw new ApiError('ItemNotFound', 'no active sheet');
          rect = parseAddress(active, address);
        }
        const bottom = rect.top + rect.rows - 1;
        const right = rect.left + rect.cols - 1;
        if (!hasHeaders) throw new ApiError('InvalidArgument', 'the fake models tables with headers');
        if (book.tables.some((t) => t.sheet === rect.sheet && t.top <= bottom && rect.top <= t.bottom && t.left <= right && rect.left <= t.right)) {
          throw new ApiError('InvalidOperation', 'A table can\'t overlap another table.');
        }
        let n = book.tables.length + 1;
        while (book.tables.some((t) => t.name.toLowerCase() === `tabelle${n}`)) n++;
        created = { name: `Tabelle${n}`, sheet: rect.sheet, top: rect.top, left: rect.left, bottom, right };
        book.tables.push(created);
        rect.sheet.writes++;
      });
      return makeTable(engine, () => {
        if (!created) throw new ApiError('InvalidObjectPath', 'the table was not added');
        return created;
      });
    },
  } satisfies FakeOf<Excel.TableCollection>;
  self = engine.track('TableCollection', target) as unknown as Excel.TableCollection;
  return self;
}

function tableNameProblem(engine: Engine, table: FakeTable, name: string): string | undefined {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) return 'not a valid table name';
  const taken = (n: string) => n.toLowerCase() === name.toLowerCase();
  if (engine.book.tables.some((x) => x !== table && taken(x.name)) || engine.book.names.some((x) => taken(x.name))) return 'taken';
  return undefined;
}

export function makeTable(engine: Engine, resolve: () => FakeTable, known?: Record<string, unknown>): Excel.Table {
  const book = engine.book;
  const target = {
    get name() { return engine.loaded(target, 'name'); },
    set name(v: string) {
      engine.op(size(v), () => {
        const table = resolve();
        const problem = tableNameProblem(engine, table, v);
        if (problem) throw new ApiError('InvalidArgument', `table name ${v}: ${problem}`);
        table.name = v;
      });
    },
    get worksheet() { return engine.loaded(target, 'worksheet'); },
    get showTotals() { return engine.loaded(target, 'showTotals'); },
    set showTotals(v: boolean) { engine.op(size(v), () => void (resolve().showTotals = v)); },
    set style(v: string) { engine.op(size(v), () => void (resolve().style = v)); },
    resize(newRange: unknown) {
      engine.op(size(typeof newRange === 'string' ? newRange : OP), () => {
        const table = resolve();
        let rect: Rect;
        if (typeof newRange === 'string') {
          const active = book.activeSheet();
          if (!active) throw new ApiError('ItemNotFound', 'no active sheet');
          rect = parseAddress(active, newRange);
        } else rect = engine.rectOf(newRange, 'Table.resize');
        if (rect.sheet !== table.sheet) throw new ApiError('InvalidArgument', `Table.resize: the range lies on ${rect.sheet.name}, the table on ${table.sheet.name}`);
        if (rect.top !== table.top) throw new ApiError('InvalidArgument', 'Table.resize: the headers must stay in the same row');
        const right = rect.left + rect.cols - 1;
        if (right < table.left || rect.left > table.right) throw new ApiError('InvalidArgument', 'Table.resize: the new range must overlap the table');
        Object.assign(table, { left: rect.left, bottom: rect.top + rect.rows - 1, right });
      });
    },
    convertToRange() {
      engine.op(0, () => void (book.tables = book.tables.filter((x) => x !== resolve())));
      return makeRange(engine, () => null);
    },
    getRange() {
      return makeRange(engine, () => tableRect(resolve()));
    },
    getDataBodyRange() {
      return makeRange(engine, () => {
        const t = resolve();
        const rows = t.bottom - t.top - (t.showTotals ? 1 : 0);
        if (rows < 1) throw new ApiError('ItemNotFound', `the table ${t.name} has no body rows`);
        return { sheet: t.sheet, top: t.top + 1, left: t.left, rows, cols: t.right - t.left + 1 };
      });
    },
    columns: engine.track('TableColumnCollection', {
      add(index?: number | null, values?: unknown, name?: string) {
        engine.op(size(values) + size(name), () => {
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
          shiftCells(book, table.sheet, 'right', table.top, table.bottom, at, 1, table);
          table.right++;
          const headers = new Set(Array.from({ length: count + 1 }, (_, j) => (j === at - table.left ? undefined : String(table.sheet.cells[table.top]?.[table.left + j]?.value ?? '').toLowerCase())));
          let header = name ?? String(given?.[0]?.[0] ?? `Spalte${count + 1}`);
          for (let n = 2; headers.has(header.toLowerCase()); n++) header = `${name ?? 'Spalte'}${n}`;
          setCell(table.sheet, table.top, at, { value: header, format: 'General' });
          given?.slice(1).forEach((r, i) => setCell(table.sheet, table.top + 1 + i, at, stored(r[0], 'General')));
          table.sheet.writes++;
        });
        return {} as Excel.TableColumn;
      },
    } satisfies FakeOf<Excel.TableColumnCollection>),
  } satisfies FakeOf<Excel.Table>;
  if (known) engine.preload(target, known);
  return engine.track('Table', target, { table: resolve }) as unknown as Excel.Table;
}

export function makePivotTables(engine: Engine, sheet: (() => FakeSheet) | undefined): Excel.PivotTableCollection {
  const book = engine.book;
  let self: Excel.PivotTableCollection;
  const target = {
    load(_props: string) {
      engine.load(target, () => ({
        items: book.pivots.filter((p) => !sheet || p.sheet === sheet()).map((p) => makePivot(engine, () => p, { name: p.name, worksheet: { name: p.sheet.name } })),
      }));
      return self;
    },
    get items() { return engine.loaded(target, 'items'); },
    add(name: string, source: unknown, destination: unknown) {
      let created: FakePivot | undefined;
      engine.op(size(name) + OP, () => {
        if (!sheet) throw new ApiError('InvalidArgument', 'the fake adds PivotTables through a worksheet');
        const table = engine.internalsOf(source).table?.();
        if (!table) throw new ApiError('InvalidArgument', 'the fake takes a Table as the PivotTable source');
        const at = engine.rectOf(destination, 'PivotTableCollection.add');
        if (book.pivots.some((p) => p.sheet === at.sheet && p.name.toLowerCase() === name.toLowerCase())) throw new ApiError('ItemAlreadyExists', `PivotTable ${name}`);
        const over = book.tables.find((t) => t.sheet === at.sheet && at.left <= t.right && t.left < at.left + PIVOT_EXTENT.cols && at.top <= t.bottom && t.top < at.top + PIVOT_EXTENT.rows);
        if (over) throw new ApiError('InvalidOperation', `a PivotTable cannot overlap the table ${over.name}`);
        created = { name, sheet: at.sheet, source: table, top: at.top, left: at.left, rows: [], columns: [], filters: [], data: [] };
        book.pivots.push(created);
        at.sheet.writes++;
      });
      return makePivot(engine, () => created!);
    },
  } satisfies FakeOf<Excel.PivotTableCollection>;
  self = engine.track('PivotTableCollection', target) as unknown as Excel.PivotTableCollection;
  return self;
}

function makePivot(engine: Engine, resolve: () => FakePivot, known?: Record<string, unknown>): Excel.PivotTable {
  const book = engine.book;
  const fields = new WeakMap<object, string>();
  const field = (p: FakePivot, h: unknown): string => {
    const name = typeof h === 'object' && h !== null ? fields.get(h) : undefined;
    const t = p.source;
    const header = Array.from({ length: t.right - t.left + 1 }, (_, j) => t.sheet.cells[t.top]?.[t.left + j]?.value);
    if (name === undefined || !header.includes(name)) throw new ApiError('ItemNotFound', `PivotTable field ${String(name)}`);
    return name;
  };
  const axis = (kind: string, key: 'rows' | 'columns' | 'filters') =>
    engine.track(kind, {
      add(h: unknown) {
        engine.op(OP, () => {
          const p = resolve();
          const name = field(p, h);
          if (key === 'filters') {
            const need = p.filters.length + 2;
            const top = p.top - need;
            if (top < 0) throw new ApiError('InvalidOperation', `no room for the report filter above ${columnLetters(p.left)}${p.top + 1}: it needs ${need} rows`);
            for (let i = top; i < p.top; i++) for (let j = p.left; j < p.left + 2; j++) {
              const v = p.sheet.cells[i]?.[j]?.value;
              const inTable = book.tables.some((t) => t.sheet === p.sheet && t.top <= i && i <= t.bottom && t.left <= j && j <= t.right);
              if ((v !== undefined && v !== '') || inTable) throw new ApiError('InvalidOperation', `the report filter would overwrite ${columnLetters(j)}${i + 1}`);
            }
          }
          p[key].push(name);
        });
        return {} as Excel.RowColumnPivotHierarchy;
      },
    } satisfies FakeOf<Excel.RowColumnPivotHierarchyCollection>);
  const target = {
    get name() { return engine.loaded(target, 'name'); },
    get worksheet() { return engine.loaded(target, 'worksheet'); },
    delete() {
      engine.op(0, () => void (book.pivots = book.pivots.filter((x) => x !== resolve())));
    },
    hierarchies: engine.track('PivotHierarchyCollection', {
      getItem(name: string) {
        const h = {};
        fields.set(h, name);
        return h as Excel.PivotHierarchy;
      },
    } satisfies FakeOf<Excel.PivotHierarchyCollection>),
    rowHierarchies: axis('RowColumnPivotHierarchyCollection', 'rows'),
    columnHierarchies: axis('RowColumnPivotHierarchyCollection', 'columns'),
    filterHierarchies: axis('FilterPivotHierarchyCollection', 'filters'),
    dataHierarchies: engine.track('DataPivotHierarchyCollection', {
      add(h: unknown) {
        let entry: FakePivot['data'][number] | undefined;
        engine.op(OP, () => {
          entry = { field: field(resolve(), h) };
          resolve().data.push(entry);
        });
        return engine.track('DataPivotHierarchy', {
          set name(v: string) { engine.op(size(v), () => void (entry!.name = v)); },
          set summarizeBy(v: string) { engine.op(size(v), () => void (entry!.summarizeBy = v)); },
        } satisfies FakeOf<Excel.DataPivotHierarchy>);
      },
    } satisfies FakeOf<Excel.DataPivotHierarchyCollection>),
  } satisfies FakeOf<Excel.PivotTable>;
  if (known) engine.preload(target, known);
  return engine.track('PivotTable', target) as unknown as Excel.PivotTable;
}
