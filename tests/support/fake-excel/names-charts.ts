/**
 * Defined names and charts of the fake Excel.
 * - Defined names: unique ignoring case, shared with table names; start with a letter, `_` or
 *   `\`, no spaces, at most 255 characters, not a cell reference (support.microsoft.com, "Names in formulas").
 * - Charts: ChartCollection.add(type, sourceData, seriesBy) makes one series per column of the
 *   source ("Columns"); series get their values and categories with ChartSeries.setValues /
 *   setXAxisValues (ExcelApi 1.7); Chart.getDataTable needs ExcelApi 1.14; setPosition takes
 *   cells of the chart's own sheet.
 */
import { parseA1 } from '../../../src/core/grid';
import { type FakeChart, type FakeSeries, type FakeSheet, cellAddress } from './book';
import { ApiError, type Engine, type FakeOf, OP, size } from './engine';

function nameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || name.length > 255) return 'not a valid name';
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]\d*$/.test(name)) return 'looks like a cell reference';
  return undefined;
}

export function makeNames(engine: Engine): Excel.NamedItemCollection {
  const book = engine.book;
  let self: Excel.NamedItemCollection;
  const target = {
    load(_props: string) {
      engine.load(target, () => ({
        items: book.names.map((n) => {
          const ref = `$${n.cell.replace(/(\d+)/, '$$$1')}`;
          const item = engine.track('NamedItem', {
            name: n.name,
            type: 'Range',
            formula: `=${n.sheet.name.match(/^[A-Za-z_][A-Za-z0-9_.]*$/) ? n.sheet.name : `'${n.sheet.name.replace(/'/g, "''")}'`}!${ref}`,
            delete() {
              engine.op(0, () => void (book.names = book.names.filter((x) => x !== n)));
            },
          } satisfies FakeOf<Excel.NamedItem>);
          return item;
        }),
      }));
      return self;
    },
    get items() { return engine.loaded(target, 'items'); },
    add(name: string, reference: unknown, comment?: string) {
      engine.op(size(name) + size(comment), () => {
        const problem = nameProblem(name);
        if (problem) throw new ApiError('InvalidArgument', `name ${name}: ${problem}`);
        const taken = (n: string) => n.toLowerCase() === name.toLowerCase();
        if (book.names.some((n) => taken(n.name)) || book.tables.some((t) => taken(t.name))) throw new ApiError('ItemAlreadyExists', `name ${name}`);
        const rect = engine.rectOf(reference, 'NamedItemCollection.add');
        book.names.push({ name, sheet: rect.sheet, cell: cellAddress(rect.top, rect.left), ...(comment !== undefined ? { comment } : {}) });
      });
      return {} as Excel.NamedItem;
    },
  } satisfies FakeOf<Excel.NamedItemCollection>;
  self = engine.track('NamedItemCollection', target) as unknown as Excel.NamedItemCollection;
  return self;
}

export function makeCharts(engine: Engine, sheet: () => FakeSheet): Excel.ChartCollection {
  let self: Excel.ChartCollection;
  const target = {
    load(_props: string) {
      engine.load(target, () => ({ items: sheet().charts.map((c) => makeChart(engine, sheet, () => c, { name: c.name })) }));
      return self;
    },
    get items() { return engine.loaded(target, 'items'); },
    add(type: string, sourceData: unknown, seriesBy?: string) {
      let created: FakeChart | undefined;
      engine.op(size(type) + OP, () => {
        const s = sheet();
        const source = engine.rectOf(sourceData, 'ChartCollection.add');
        if (seriesBy !== 'Columns') throw new ApiError('InvalidArgument', `seriesBy ${String(seriesBy)} is not faked`);
        const series: FakeSeries[] = Array.from({ length: source.cols }, (_, j) => ({ name: `Datenreihe${j + 1}`, values: { ...source, left: source.left + j, cols: 1 } }));
        created = { name: `Diagramm ${s.charts.length + 1}`, type, series };
        s.charts.push(created);
        s.writes++;
      });
      return makeChart(engine, sheet, () => created!);
    },
  } satisfies FakeOf<Excel.ChartCollection>;
  self = engine.track('ChartCollection', target) as unknown as Excel.ChartCollection;
  return self;
}

function makeChart(engine: Engine, sheet: () => FakeSheet, resolve: () => FakeChart, known?: Record<string, unknown>): Excel.Chart {
  const series = (get: () => FakeSeries) =>
    engine.track('ChartSeries', {
      set name(v: string) { engine.op(size(v), () => void (get().name = v)); },
      setValues(range: unknown) { engine.op(OP, () => void (get().values = engine.rectOf(range, 'ChartSeries.setValues'))); },
      setXAxisValues(range: unknown) { engine.op(OP, () => void (get().xValues = engine.rectOf(range, 'ChartSeries.setXAxisValues'))); },
    } satisfies FakeOf<Excel.ChartSeries>) as unknown as Excel.ChartSeries;
  const cell = (v: unknown): string => {
    if (typeof v === 'string') {
      if (!parseA1(v)) throw new ApiError('InvalidArgument', `setPosition(${v})`);
      return v;
    }
    const r = engine.rectOf(v, 'Chart.setPosition');
    if (r.sheet !== sheet()) throw new ApiError('InvalidArgument', 'Chart.setPosition: cells of another sheet');
    return cellAddress(r.top, r.left);
  };
  const target = {
    get name() { return engine.loaded(target, 'name'); },
    delete() {
      engine.op(0, () => {
        const s = sheet();
        s.charts = s.charts.filter((c) => c !== resolve());
      });
    },
    series: engine.track('ChartSeriesCollection', {
      getItemAt(index: number) {
        return series(() => {
          const s = resolve().series[index];
          if (!s) throw new ApiError('ItemNotFound', `series ${index}`);
          return s;
        });
      },
      add(name?: string) {
        let added: FakeSeries | undefined;
        engine.op(size(name), () => {
          added = { name: name ?? '' };
          resolve().series.push(added);
        });
        return series(() => added!);
      },
    } satisfies FakeOf<Excel.ChartSeriesCollection>),
    title: engine.track('ChartTitle', { set text(v: string) { engine.op(size(v), () => void (resolve().title = v)); } } satisfies FakeOf<Excel.ChartTitle>),
    legend: engine.track('ChartLegend', { set position(v: string) { engine.op(size(v), () => void (resolve().legend = v)); } } satisfies FakeOf<Excel.ChartLegend>),
    getDataTable() {
      engine.op(0, () => void (resolve().dataTable ??= {}));
      return engine.track('ChartDataTable', {
        set visible(v: boolean) { engine.op(size(v), () => void (resolve().dataTable!.visible = v)); },
        set showLegendKey(v: boolean) { engine.op(size(v), () => void (resolve().dataTable!.showLegendKey = v)); },
      } satisfies FakeOf<Excel.ChartDataTable>) as unknown as Excel.ChartDataTable;
    },
    setPosition(startCell: unknown, endCell?: unknown) {
      engine.op(OP, () => void (resolve().position = { from: cell(startCell), to: endCell === undefined ? cell(startCell) : cell(endCell) }));
    },
  } satisfies FakeOf<Excel.Chart>;
  if (known) engine.preload(target, known);
  return engine.track('Chart', target) as unknown as Excel.Chart;
}
