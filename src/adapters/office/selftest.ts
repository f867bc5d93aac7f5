import { DATE_FORMAT, OUTPUT_STYLE, TEXT_FORMAT } from '../../core/outputs/style';
import { sheetRef } from '../../core/sheet-ref';
import { charactersToPoints } from '../../core/outputs/widths';
import { officeErrorText } from './actions';
import { type ExcelRun, RUN_OPTIONS } from './payload';
import { addGesamtlistePivot, PIVOT_FIELDS, PIVOT_NAME } from './pivot';
import { EXCEL_API_VERSIONS, type HostInfo, type OfficeFeatures, type SupportsApi } from './requirements';
import { FIT_TO_WIDTH } from './write';

/** One operation of the Selbsttest: what it tries, with which Office.js members and requirement set. */
/** The Selbsttest's steps, in order; the pane names them (i18n `selftest.steps`). */
export const SELF_TEST_STEPS = ['run', 'addSheet', 'readBook', 'writeValues', 'merge', 'usedRange', 'findMerged', 'readMerged', 'readValues', 'suspend', 'readPivots', 'definedName', 'addTable', 'readTables', 'resizeTable', 'tableColumn', 'insertCells', 'hyperlink', 'formats', 'conditionalFormats', 'validation', 'chart', 'chartDataTable', 'deleteChart', 'pivot', 'pageLayout', 'select', 'findSheet', 'clear', 'restore'] as const;
export type SelfTestStepId = (typeof SELF_TEST_STEPS)[number];

export interface SelfTestStep {
  readonly id: SelfTestStepId;
  /** The Office.js members it exercises, for IT support. */
  readonly api: string;
  /** 'ok', or Excel's error code and message; 'skipped' where the host lacks the requirement set (an optional feature). */
  readonly outcome: { readonly kind: 'ok' } | { readonly kind: 'failed'; readonly error: string } | { readonly kind: 'skipped' };
}

/** What the Selbsttest found (SPEC §11). */
export interface SelfTestReport {
  readonly steps: readonly SelfTestStep[];
  readonly host: HostInfo;
  /** ExcelApi versions the host reports as supported. */
  readonly supported: readonly string[];
  /** The temporary sheet, and whether it is gone again. */
  readonly sheet: string;
  readonly cleanup: { readonly kind: 'ok' } | { readonly kind: 'failed'; readonly error: string };
}

/** What the steps share: the objects made by earlier steps. */
interface Scratch {
  ws: Excel.Worksheet;
  readonly sheet: string;
  readonly tableName: string;
  readonly definedName: string;
  table?: Excel.Table;
}

interface StepSpec {
  readonly id: SelfTestStepId;
  readonly api: string;
  /** The optional feature this step needs; skipped (not failed) without it. */
  readonly feature?: keyof OfficeFeatures;
  /** Queues the operations (one sync follows); may return a check that reads what was loaded and queues more (another sync follows). */
  queue(context: Excel.RequestContext, s: Scratch): (() => void) | void;
}

/** A small office table on the temporary sheet: header, three services, a date (A1:E5). */
const HEADER = ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024', 'Bemerkung', 'Datum'];
const BODY = [
  ['99001001000000', 'Bauantrag', 'PDF', '=Hinweis', 45657],
  ['99001002000000', 'Abriss', 'Digital', '', 45657],
  ['99001003000000', 'Umbau', 'Analog', '', 45657],
];

/**
 * Every Excel operation the add-in uses, in the order it uses them: reading (Auswerten),
 * writing the output sheets, Zur Zelle and Tabelle kopieren, settings, template and
 * Neues Berichtsjahr. Each step ends with one sync, so its error is its own.
 */
const STEPS: readonly StepSpec[] = [
  {
    id: 'readBook',
    api: 'WorksheetCollection.load, NamedItemCollection.load, Application.calculationMode, Runtime.enableEvents',
    queue(context) {
      const worksheets = context.workbook.worksheets.load('items/name,items/visibility');
      const names = context.workbook.names.load('items/name,items/type,items/formula');
      const app = context.application.load('calculationMode');
      const runtime = context.runtime.load('enableEvents');
      return () => {
        for (const w of worksheets.items) void [w.name, w.visibility];
        for (const n of names.items) void [n.name, n.type, n.formula];
        void [app.calculationMode, runtime.enableEvents];
      };
    },
  },
  {
    id: 'writeValues',
    api: 'Worksheet.getRangeByIndexes, Range.numberFormat, Range.values',
    queue(_context, s) {
      const range = s.ws.getRangeByIndexes(0, 0, BODY.length + 1, HEADER.length);
      range.numberFormat = [HEADER.map(() => TEXT_FORMAT), ...BODY.map(() => [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, DATE_FORMAT])];
      range.values = [HEADER, ...BODY];
    },
  },
  {
    id: 'merge',
    api: 'Range.merge',
    queue(_context, s) {
      s.ws.getRangeByIndexes(7, 0, 2, 2).merge(false);
    },
  },
  {
    id: 'usedRange',
    api: 'Worksheet.getUsedRangeOrNullObject, Range.rowIndex/columnIndex/rowCount/columnCount',
    queue(_context, s) {
      const used = s.ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      return () => {
        if (used.isNullObject) throw new Error('kein benutzter Bereich');
        void [used.rowIndex, used.columnIndex, used.rowCount, used.columnCount];
      };
    },
  },
  {
    id: 'findMerged',
    api: 'Range.getMergedAreasOrNullObject, RangeAreas.isNullObject',
    queue(_context, s) {
      const merged = s.ws.getRange().getMergedAreasOrNullObject().load('isNullObject');
      return () => {
        if (merged.isNullObject) throw new Error('keine verbundenen Zellen gefunden');
      };
    },
  },
  {
    id: 'readMerged',
    api: 'RangeAreas.areas, RangeCollection.items',
    queue(_context, s) {
      const merged = s.ws.getRangeByIndexes(0, 0, 16, 8).getMergedAreasOrNullObject().load('isNullObject');
      const areas = merged.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
      return () => {
        const [first] = areas.items;
        if (!first || first.rowCount !== 2 || first.columnCount !== 2) throw new Error('verbundener Bereich nicht vollständig gelesen');
        void [first.rowIndex, first.columnIndex];
      };
    },
  },
  {
    id: 'readValues',
    api: 'Range.load(values, numberFormat, text)',
    queue(_context, s) {
      const range = s.ws.getRangeByIndexes(0, 0, BODY.length + 1, HEADER.length).load('values,numberFormat');
      const date = s.ws.getRangeByIndexes(1, 4, 1, 1).load('text');
      return () => {
        const values = range.values as unknown[][];
        if (values[1]?.[3] !== '=Hinweis') throw new Error('Text mit „=“ wurde nicht als Text gespeichert');
        void range.numberFormat;
        void date.text;
      };
    },
  },
  {
    id: 'suspend',
    api: 'Runtime.enableEvents, Application.suspendApiCalculationUntilNextSync, Application.suspendScreenUpdatingUntilNextSync',
    queue(context) {
      context.runtime.enableEvents = false;
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
    },
  },
  {
    id: 'readPivots',
    api: 'PivotTableCollection.load, PivotTable.name/worksheet',
    feature: 'pivotTable',
    queue(context) {
      const pivots = context.workbook.pivotTables.load('items/name,items/worksheet/name');
      return () => {
        for (const p of pivots.items) void [p.name, p.worksheet.name];
      };
    },
  },
  {
    id: 'definedName',
    api: 'NamedItemCollection.add, NamedItem.delete',
    queue(context, s) {
      context.workbook.names.add(s.definedName, s.ws.getRange('A1'), 'LeiKa-Monitor: Selbsttest');
      const names = context.workbook.names.load('items/name,items/type,items/formula');
      return () => {
        const mine = names.items.find((n) => n.name.toLowerCase() === s.definedName.toLowerCase());
        if (!mine || mine.type !== 'Range' || !String(mine.formula).endsWith('$A$1')) throw new Error('Name nicht gefunden');
        mine.delete();
      };
    },
  },
  {
    id: 'addTable',
    api: 'TableCollection.add(Range), Table.name, Table.style, Table.showTotals',
    queue(_context, s) {
      const table = s.ws.tables.add(s.ws.getRangeByIndexes(0, 0, BODY.length + 1, HEADER.length - 1), true);
      table.name = s.tableName;
      table.style = 'TableStyleMedium2';
      table.showTotals = false;
    },
  },
  {
    id: 'readTables',
    api: 'TableCollection.load, Table.name/worksheet/showTotals',
    queue(context, s) {
      const tables = context.workbook.tables.load('items/name,items/worksheet/name,items/showTotals');
      return () => {
        const mine = tables.items.find((t) => t.name.toLowerCase() === s.tableName.toLowerCase());
        if (!mine || mine.worksheet.name !== s.sheet || mine.showTotals) throw new Error('die neue Tabelle fehlt in der Liste');
      };
    },
  },
  {
    id: 'resizeTable',
    api: 'TableCollection.getItem, Table.getRange, Table.resize(Range)',
    queue(context, s) {
      const table = context.workbook.tables.getItem(s.tableName);
      s.table = table;
      const range = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
      table.resize(s.ws.getRangeByIndexes(0, 0, BODY.length + 1, HEADER.length - 1));
      return () => void [range.rowIndex, range.columnIndex, range.rowCount, range.columnCount];
    },
  },
  {
    id: 'tableColumn',
    api: 'TableColumnCollection.add, Range.copyFrom',
    queue(_context, s) {
      const table = s.table ?? s.ws.tables.getItem(s.tableName);
      table.columns.add(3, undefined, 'Umsetzungsstatus 2025');
      s.ws.getRangeByIndexes(1, 3, BODY.length, 1).copyFrom(s.ws.getRangeByIndexes(1, 2, BODY.length, 1), 'All');
    },
  },
  {
    id: 'insertCells',
    api: 'Range.insert, Range.copyFrom, Range.values',
    queue(_context, s) {
      s.ws.getRangeByIndexes(10, 1, 3, 1).insert('Right');
      s.ws.getRangeByIndexes(10, 1, 3, 1).copyFrom(s.ws.getRangeByIndexes(10, 0, 3, 1), 'All');
      s.ws.getRangeByIndexes(10, 1, 1, 1).values = [['Umsetzungsstatus 2025']];
    },
  },
  {
    id: 'hyperlink',
    api: 'Range.hyperlink',
    queue(_context, s) {
      s.ws.getRangeByIndexes(12, 0, 1, 1).hyperlink = { documentReference: sheetRef(s.sheet, 'A1'), textToDisplay: 'A1', screenTip: `${s.sheet}!A1` };
    },
  },
  {
    id: 'formats',
    api: 'RangeFont, RangeFill, RangeBorderCollection.getItem, RangeBorder, RangeFormat.wrapText, RangeFormat.columnWidth',
    queue(_context, s) {
      const format = s.ws.getRangeByIndexes(14, 0, 2, 2).format;
      format.font.bold = true;
      format.font.size = 14;
      format.font.italic = true;
      format.font.color = '#595959';
      format.fill.color = `#${OUTPUT_STYLE.header.fill}`;
      format.wrapText = true;
      const border = format.borders.getItem('EdgeTop');
      border.style = 'Continuous';
      border.color = `#${OUTPUT_STYLE.border.color}`;
      border.weight = 'Medium';
      format.columnWidth = charactersToPoints(12);
    },
  },
  {
    id: 'conditionalFormats',
    api: 'ConditionalFormatCollection.add(CellValue, ColorScale)',
    queue(_context, s) {
      const range = s.ws.getRangeByIndexes(1, 2, BODY.length, 1);
      const value = range.conditionalFormats.add('CellValue');
      value.cellValue.format.fill.color = '#D9EAD3';
      value.cellValue.rule = { formula1: '="Digital"', operator: 'EqualTo' };
      const scale = range.conditionalFormats.add('ColorScale');
      scale.colorScale.criteria = { minimum: { type: 'LowestValue', color: '#FFFFFF' }, maximum: { type: 'HighestValue', color: '#5B9BD5' } };
    },
  },
  {
    id: 'validation',
    api: 'DataValidation.rule, DataValidation.errorAlert',
    queue(_context, s) {
      const range = s.ws.getRangeByIndexes(1, 2, BODY.length, 1);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: 'Analog,PDF,Digital' } };
      range.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: 'Umsetzungsstatus', message: 'Bitte einen Wert der Liste wählen.' };
    },
  },
  {
    id: 'chart',
    api: 'ChartCollection.add, ChartSeries, Chart.title, Chart.legend, Chart.setPosition',
    queue(_context, s) {
      const values = s.ws.getRangeByIndexes(20, 1, 3, 1);
      s.ws.getRangeByIndexes(20, 0, 3, 3).values = [['Analog', 1, 2], ['PDF', 3, 4], ['Digital', 5, 6]];
      const chart = s.ws.charts.add('ColumnClustered', values, 'Columns');
      const first = chart.series.getItemAt(0);
      first.name = '2023';
      first.setXAxisValues(s.ws.getRangeByIndexes(20, 0, 3, 1));
      const second = chart.series.add('2024');
      second.setValues(s.ws.getRangeByIndexes(20, 2, 3, 1));
      second.setXAxisValues(s.ws.getRangeByIndexes(20, 0, 3, 1));
      chart.title.text = 'Selbsttest';
      chart.legend.position = 'Bottom';
      chart.setPosition(s.ws.getRangeByIndexes(20, 4, 1, 1), s.ws.getRangeByIndexes(34, 10, 1, 1));
    },
  },
  {
    id: 'chartDataTable',
    api: 'Chart.getDataTable, ChartDataTable.visible/showLegendKey',
    feature: 'chartDataTable',
    queue(_context, s) {
      const charts = s.ws.charts.load('items/name');
      return () => {
        const data = charts.items[0]!.getDataTable();
        data.visible = true;
        data.showLegendKey = true;
      };
    },
  },
  {
    id: 'deleteChart',
    api: 'ChartCollection.load, Chart.delete',
    queue(_context, s) {
      const charts = s.ws.charts.load('items/name');
      return () => {
        for (const c of charts.items) c.delete();
      };
    },
  },
  {
    id: 'pivot',
    api: 'PivotTableCollection.add, PivotHierarchyCollection.getItem, Row/Column/Filter/DataPivotHierarchyCollection.add, PivotTable.delete',
    feature: 'pivotTable',
    queue(_context, s) {
      // A table with the PivotTable's fields, the PivotTable two rows under it (room for the report filter).
      const header = [PIVOT_FIELDS.rows, PIVOT_FIELDS.columns, PIVOT_FIELDS.count, PIVOT_FIELDS.filter];
      s.ws.getRangeByIndexes(40, 0, 3, 4).values = [header, ['PDF', 2024, 'A!C2', 'Bauamt'], ['Digital', 2024, 'A!C3', 'Bauamt']];
      const source = s.ws.tables.add(s.ws.getRangeByIndexes(40, 0, 3, 4), true);
      addGesamtlistePivot(s.ws, source, { row: 46, col: 0 });
      const pivots = s.ws.pivotTables.load('items/name,items/worksheet/name');
      return () => {
        const mine = pivots.items.filter((p) => p.worksheet.name === s.sheet && p.name === PIVOT_NAME);
        if (mine.length !== 1) throw new Error('PivotTable nicht gefunden');
        mine[0]!.delete();
      };
    },
  },
  {
    id: 'pageLayout',
    api: 'PageLayout.orientation/paperSize/zoom, Worksheet.showGridlines, WorksheetFreezePanes.freezeRows',
    queue(_context, s) {
      s.ws.pageLayout.orientation = 'Landscape';
      s.ws.pageLayout.paperSize = 'A4';
      s.ws.pageLayout.zoom = FIT_TO_WIDTH;
      s.ws.showGridlines = false;
      s.ws.freezePanes.freezeRows(1);
    },
  },
  {
    id: 'select',
    api: 'Worksheet.activate, Range.select',
    queue(_context, s) {
      s.ws.activate();
      s.ws.getRange('B2').select();
    },
  },
  {
    id: 'findSheet',
    api: 'WorksheetCollection.getItemOrNullObject, Worksheet.isNullObject, WorksheetCollection.getItem',
    queue(context, s) {
      const found = context.workbook.worksheets.getItemOrNullObject(s.sheet);
      found.load('isNullObject');
      s.ws = context.workbook.worksheets.getItem(s.sheet);
      return () => {
        if (found.isNullObject) throw new Error('vorübergehendes Blatt nicht gefunden');
      };
    },
  },
  {
    id: 'clear',
    api: 'Range.clear, Table.convertToRange',
    queue(context, s) {
      s.ws.getRangeByIndexes(5, 0, 10, 8).clear('All');
      context.workbook.tables.getItem(s.tableName).convertToRange();
    },
  },
  {
    id: 'restore',
    api: 'Runtime.enableEvents, Application.calculate',
    queue(context) {
      context.runtime.enableEvents = true;
      context.application.calculate('Recalculate');
    },
  },
];

/** A name no sheet, table or defined name of the workbook is likely to hold. */
function scratchNames(): { sheet: string; tableName: string; definedName: string } {
  const tag = Math.random().toString(36).slice(2, 8);
  return { sheet: `LeiKa-Selbsttest ${tag}`, tableName: `LeiKaSelbsttest_${tag}`, definedName: `LeiKaSelbsttest_Name_${tag}` };
}

/**
 * The Selbsttest (SPEC §11): every Excel operation the add-in uses, in its order, on a
 * temporary sheet that is created, used and deleted again — also when a step fails. The
 * user's active sheet is activated again and events are switched back on. Steps of optional
 * features the host does not offer are reported as skipped, not failed.
 */
export async function runSelfTest(run: ExcelRun, supports: SupportsApi, features: OfficeFeatures, host: HostInfo): Promise<SelfTestReport> {
  const names = scratchNames();
  const supported = EXCEL_API_VERSIONS.filter((v) => supports('ExcelApi', v));
  const steps: SelfTestStep[] = [];
  let events = true;
  let active: string | undefined;
  try {
    await run(RUN_OPTIONS, async (context) => {
      const before = context.workbook.worksheets.getActiveWorksheet().load('name');
      const runtime = context.runtime.load('enableEvents');
      await context.sync();
      active = before.name;
      events = runtime.enableEvents;
      const scratch: Scratch = { ...names, ws: context.workbook.worksheets.add(names.sheet) };
      steps.push(await step(context, { id: 'addSheet', api: 'WorksheetCollection.add', queue: () => undefined }, scratch));
      if (steps[0]!.outcome.kind !== 'ok') return;
      for (const spec of STEPS) {
        if (spec.feature && !features[spec.feature]) {
          steps.push({ id: spec.id, api: spec.api, outcome: { kind: 'skipped' } });
          continue;
        }
        steps.push(await step(context, spec, scratch));
      }
    });
  } catch (error) {
    steps.push({ id: 'run', api: 'Excel.run', outcome: { kind: 'failed', error: officeErrorText(error) } });
  }
  const cleanup = await removeScratch(run, names, active, events);
  return { steps, host, supported, sheet: names.sheet, cleanup };
}

async function step(context: Excel.RequestContext, spec: StepSpec, scratch: Scratch): Promise<SelfTestStep> {
  const base = { id: spec.id, api: spec.api };
  try {
    const check = spec.queue(context, scratch);
    await context.sync();
    if (check) {
      check();
      await context.sync();
    }
    return { ...base, outcome: { kind: 'ok' } };
  } catch (error) {
    return { ...base, outcome: { kind: 'failed', error: officeErrorText(error) } };
  }
}

/** Removes the temporary sheet and name in a batch of its own (the test's context may be broken). */
async function removeScratch(run: ExcelRun, names: ReturnType<typeof scratchNames>, active: string | undefined, events: boolean): Promise<SelfTestReport['cleanup']> {
  try {
    await run(RUN_OPTIONS, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(names.sheet).load('isNullObject');
      const defined = context.workbook.names.load('items/name');
      await context.sync();
      for (const n of defined.items) if (n.name.toLowerCase() === names.definedName.toLowerCase()) n.delete();
      if (active !== undefined && active !== names.sheet) context.workbook.worksheets.getItem(active).activate();
      if (!sheet.isNullObject) sheet.delete();
      if (events) context.runtime.enableEvents = true;
      await context.sync();
    });
    return { kind: 'ok' };
  } catch (error) {
    return { kind: 'failed', error: officeErrorText(error) };
  }
}
