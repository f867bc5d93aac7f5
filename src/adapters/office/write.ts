import { OUTPUT_STYLE, TEXT_FORMAT } from '../../core/outputs/style';
import { sheetColumnWidths } from '../../core/outputs/widths';
import type { OutChart, OutputSheet, OutTable } from '../../core/output-model';
import { markerName, type OutputRole } from '../../core/output-model';
import { parseSheetRef, sheetRef } from '../../core/sheet-ref';
import { planOutputSheets, type PlannedSheet } from '../../port/sheet-plan';
import type { WriteReport, WrittenSheet } from '../../port/workbook-port';
import { type CellBlock, cellBlocks } from './cells';
import { type ChunkSource, syncInChunks } from './chunks';
import { officeErrorText } from './actions';
import { OutputWriteError } from './write-error';
import { type HostState, hostStateOf, loadHostState, restoreHostState, suspendCalculation, suspendHostState } from './host-state';
import { addGesamtlistePivot, PIVOT_ABSENT_NOTE, PIVOT_NAME, pivotFits } from './pivot';
import { NO_FEATURES, type OfficeFeatures } from './requirements';

export interface OfficeWriteOptions {
  /** What the host supports beyond the manifest's minimum (see requirements.ts). */
  readonly features?: OfficeFeatures;
  /** Add the native PivotTable over the Gesamtliste table on its own sheet (only where `features.pivotTable`). */
  readonly pivot?: boolean;
}

/** Where the optional PivotTable went, when one was created. */
export interface OfficeWriteReport extends WriteReport {
  readonly pivotTable?: { readonly sheet: string; readonly name: string };
}

interface Target {
  readonly output: OutputSheet;
  readonly planned: PlannedSheet;
  readonly ws: Excel.Worksheet;
  /** Names (lower case) of the tables kept in place on a rewritten sheet: emptied and resized, never re-created. */
  readonly reused: Set<string>;
  /** Names (lower case) of tables of this sheet converted to ranges in the preparation: free again. */
  readonly freed: Set<string>;
  readonly charts?: Excel.ChartCollection;
  /** Set by `finish` on the Gesamtliste target: the table the PivotTable evaluates. */
  pivotSource?: Excel.Table;
}

/** The PivotTable's own sheet (role GesamtlistePivot): its PivotTable, or a note that there is none. */
interface PivotTarget {
  readonly planned: PlannedSheet;
  readonly ws: Excel.Worksheet;
  readonly wanted: boolean;
}

const PIVOT_ROLE: OutputRole = 'GesamtlistePivot';

interface FinishOptions {
  readonly features: OfficeFeatures;
  readonly pivot: boolean;
}

function tablesOf(output: OutputSheet): OutTable[] {
  return output.blocks.filter((b): b is OutTable => b.kind === 'table');
}

/**
 * Writes the output sheets into the open workbook (SPEC §5): marked sheets are rewritten in
 * place (sheet and table names kept), other outputs get new sheets, never a user's sheet.
 * Syncs: state, preparation, then one per output sheet (more only for a sheet whose cells pass
 * ~4 MB), restore — never one per row. A refusal while writing a sheet throws OutputWriteError:
 * the sheets before it stay written (Excel keeps what already ran), the error names them and
 * those not written. Events are switched off and always restored; API calculation is suspended
 * for every sync that writes; screen updating is suspended for the preparation only (repeated
 * calls make the window flicker).
 */
export async function writeOutputSheets(context: Excel.RequestContext, outputs: readonly OutputSheet[], opts: OfficeWriteOptions = {}): Promise<OfficeWriteReport> {
  const features = opts.features ?? NO_FEATURES;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  // Our PivotTable must go before its sheet is cleared (a clear must not cut through a PivotTable).
  const pivots = features.pivotTable ? context.workbook.pivotTables : undefined;
  pivots?.load('items/name,items/worksheet/name');
  loadHostState(context);
  await context.sync();

  const definedNames = names.items.flatMap((n) => {
    const ref = n.type === 'Range' ? parseSheetRef(String(n.formula ?? '')) : undefined;
    return ref ? [{ name: n.name, ...ref }] : [];
  });
  const sheetNames = worksheets.items.map((w) => w.name);
  // The PivotTable gets a product sheet of its own (role GesamtlistePivot): planned when asked for,
  // and when a marked one exists while the Gesamtliste is rewritten (its PivotTable then goes).
  const gesamtliste = outputs.find((o) => o.role === 'Gesamtliste');
  const pivotWanted = opts.pivot === true && features.pivotTable && gesamtliste !== undefined && tablesOf(gesamtliste).some((b) => b.excelTable !== undefined && pivotFits(b));
  const pivotMarker = markerName(PIVOT_ROLE).toLowerCase();
  const pivotMarked = definedNames.some((d) => d.name.toLowerCase() === pivotMarker && sheetNames.some((n) => n.toLowerCase() === d.sheet.toLowerCase()));
  const withPivotSheet = !outputs.some((o) => o.role === PIVOT_ROLE) && (pivotWanted || (features.pivotTable && gesamtliste !== undefined && pivotMarked));
  const plan = planOutputSheets([...outputs.map((o) => o.role), ...(withPivotSheet ? [PIVOT_ROLE] : [])], { sheetNames, definedNames });
  let state: HostState | undefined;
  let targets: Target[] = [];
  let pivotTarget: PivotTarget | undefined;
  let pivotQueued = false;
  try {
    state = hostStateOf(context);
    suspendHostState(context, state);
    const kept = await keptTableRanges(context, outputs, plan.sheets, tables.items);
    targets = prepare(context, outputs, plan.sheets, tables.items, kept, pivots?.items ?? []);
    const pivotPlanned = withPivotSheet ? plan.sheets[outputs.length] : undefined;
    if (pivotPlanned) pivotTarget = preparePivotSheet(context, pivotPlanned, pivotWanted, pivots?.items ?? []);
    for (const d of plan.definedNames) {
      const existing = names.items.find((n) => n.name.toLowerCase() === d.name.toLowerCase());
      existing?.delete();
      const ws = targets.find((t) => t.planned.sheet === d.sheet)?.ws ?? (pivotTarget?.planned.sheet === d.sheet ? pivotTarget.ws : worksheets.getItem(d.sheet));
      names.add(d.name, ws.getRange('A1'), 'LeiKa-Monitor: Ausgabeblatt (nicht löschen)');
    }
    await context.sync();

    // One commit per output sheet (its cells, tables, formatting and chart): when Excel refuses
    // one, the sheets before it stay written and the error names what was done and what not.
    // Table names share one namespace with the workbook's defined names.
    const taken = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...names.items.map((n) => n.name.toLowerCase())]);
    const finishing: FinishOptions = { features, pivot: pivotWanted };
    const order = [...targets.map((t) => t.planned.sheet), ...(pivotTarget ? [pivotTarget.planned.sheet] : [])];
    const done: string[] = [];
    const commit = async (sheet: string, sources: readonly ChunkSource[]): Promise<void> => {
      try {
        await syncInChunks(context, sources, () => suspendCalculation(context));
      } catch (error) {
        throw new OutputWriteError(done, { sheet, message: officeErrorText(error) }, order.slice(done.length), error);
      }
      done.push(sheet);
    };
    for (const t of targets) await commit(t.planned.sheet, [...cellBlocks(t.output).map((b) => blockSource(t.ws, b)), finishSource(t, taken, finishing)]);
    if (pivotTarget) {
      const p = pivotTarget;
      const source = targets.find((t) => t.pivotSource)?.pivotSource;
      await commit(p.planned.sheet, [opsSource(() => void (pivotQueued = finishPivotSheet(p, source)))]);
    }
  } finally {
    if (state) {
      restoreHostState(context, state);
      await context.sync();
    }
  }
  const sheets = plan.sheets.map((p): WrittenSheet => {
    const base = { role: p.role, sheet: p.sheet, rewritten: p.rewrite };
    return p.displacedBy === undefined ? base : { ...base, displacedBy: p.displacedBy };
  });
  return pivotQueued && pivotTarget ? { sheets, pivotTable: { sheet: pivotTarget.planned.sheet, name: PIVOT_NAME } } : { sheets };
}

/** Where a table of a rewritten sheet stood before, 0-based (top row is its header). */
interface KeptTable {
  readonly table: Excel.Table;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The tables of rewritten sheets that the output keeps by name, with their ranges: one sync,
 * only when there are any (the first evaluation of a workbook has none).
 */
async function keptTableRanges(context: Excel.RequestContext, outputs: readonly OutputSheet[], planned: readonly PlannedSheet[], tables: readonly Excel.Table[]): Promise<Map<Excel.Table, KeptTable>> {
  const wanted = tables.flatMap((table) => {
    const i = planned.findIndex((p, j) => j < outputs.length && p.rewrite && p.sheet.toLowerCase() === table.worksheet.name.toLowerCase());
    const keeps = i >= 0 && tablesOf(outputs[i]!).some((b) => b.excelTable?.toLowerCase() === table.name.toLowerCase());
    return keeps ? [{ table, range: table.getRange().load('rowIndex,columnIndex,rowCount,columnCount') }] : [];
  });
  if (wanted.length === 0) return new Map();
  await context.sync();
  return new Map(wanted.map(({ table, range }) => [table, { table, top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount }]));
}

/** Rows × columns of a sheet, for clearing around a kept table. */
const SHEET_ROWS = 1_048_576;
const SHEET_COLS = 16_384;

/**
 * Empties a rewritten sheet around its kept table and the table's body, never the table's whole
 * range: clearing that may delete the table in Excel (undocumented either way), and users'
 * PivotTables refer to it by name. The table is then resized to the new output through a Range
 * of its own sheet (an address without a sheet name would mean the active sheet).
 */
function clearAround(ws: Excel.Worksheet, kept: KeptTable, rows: number, cols: number): void {
  const bottom = kept.top + kept.rows;
  const right = kept.left + kept.cols;
  if (kept.top > 0) ws.getRangeByIndexes(0, 0, kept.top, SHEET_COLS).clear('All');
  if (bottom < SHEET_ROWS) ws.getRangeByIndexes(bottom, 0, SHEET_ROWS - bottom, SHEET_COLS).clear('All');
  if (kept.left > 0) ws.getRangeByIndexes(kept.top, 0, kept.rows, kept.left).clear('All');
  if (right < SHEET_COLS) ws.getRangeByIndexes(kept.top, right, kept.rows, SHEET_COLS - right).clear('All');
  if (kept.rows > 1) ws.getRangeByIndexes(kept.top + 1, kept.left, kept.rows - 1, kept.cols).clear('All');
  kept.table.resize(ws.getRangeByIndexes(kept.top, kept.left, rows, cols));
}

function prepare(
  context: Excel.RequestContext,
  outputs: readonly OutputSheet[],
  planned: readonly PlannedSheet[],
  tables: readonly Excel.Table[],
  kept: ReadonlyMap<Excel.Table, KeptTable>,
  pivots: readonly Excel.PivotTable[],
): Target[] {
  const worksheets = context.workbook.worksheets;
  return outputs.map((output, i) => {
    const p = planned[i]!;
    const reused = new Set<string>();
    const freed = new Set<string>();
    if (!p.rewrite) return { output, planned: p, ws: worksheets.add(p.sheet), reused, freed };
    const ws = worksheets.getItem(p.sheet);
    // Our PivotTable stood beside the Gesamtliste table in earlier versions: it goes before the clear.
    deleteOurPivot(pivots, p.sheet);
    let inPlace: { kept: KeptTable; block: OutTable } | undefined;
    for (const table of tables) {
      if (table.worksheet.name.toLowerCase() !== p.sheet.toLowerCase()) continue;
      const old = kept.get(table);
      const block = old && tablesOf(output).find((b) => b.excelTable?.toLowerCase() === table.name.toLowerCase());
      // One table per sheet is kept in place (the product writes one Excel table per output sheet).
      if (old && block && !inPlace && old.top === block.row && old.left === block.col) {
        inPlace = { kept: old, block };
        reused.add(table.name.toLowerCase());
      } else {
        table.convertToRange();
        freed.add(table.name.toLowerCase());
      }
    }
    if (inPlace) clearAround(ws, inPlace.kept, inPlace.block.rows.length + 1, inPlace.block.header.length);
    else ws.getRange().clear('All');
    const charts = ws.charts;
    charts.load('items/name');
    return { output, planned: p, ws, reused, freed, charts };
  });
}

function deleteOurPivot(pivots: readonly Excel.PivotTable[], sheet: string): void {
  for (const pivot of pivots) {
    if (pivot.worksheet.name.toLowerCase() === sheet.toLowerCase() && pivot.name.toLowerCase() === PIVOT_NAME.toLowerCase()) pivot.delete();
  }
}

/** The PivotTable sheet: added, or emptied in place (our PivotTable deleted first, as a clear must not cut through it). */
function preparePivotSheet(context: Excel.RequestContext, planned: PlannedSheet, wanted: boolean, pivots: readonly Excel.PivotTable[]): PivotTarget {
  const worksheets = context.workbook.worksheets;
  if (!planned.rewrite) return { planned, ws: worksheets.add(planned.sheet), wanted };
  const ws = worksheets.getItem(planned.sheet);
  deleteOurPivot(pivots, planned.sheet);
  ws.getRange().clear('All');
  return { planned, ws, wanted };
}

/** Queues the PivotTable at A3 of its sheet, or the note that none was asked for; true when queued. */
function finishPivotSheet(target: PivotTarget, source: Excel.Table | undefined): boolean {
  if (target.wanted && source) {
    addGesamtlistePivot(target.ws, source);
    return true;
  }
  const note = target.ws.getRangeByIndexes(0, 0, 1, 1);
  note.numberFormat = [[TEXT_FORMAT]];
  note.values = [[PIVOT_ABSENT_NOTE]];
  note.format.font.italic = true;
  return false;
}

/** A piece without cells in a sheet's commit, after its cells: queued again if the commit is retried smaller. */
function opsSource(queue: () => void): ChunkSource {
  return { rows: 1, bytes: () => 0, rowsWithin: () => 1, queue: () => (queue(), () => undefined) };
}

/** Tables, formatting and chart of a sheet as the last piece of its commit (a retry starts again from the same names). */
function finishSource(t: Target, taken: Set<string>, opts: FinishOptions): ChunkSource {
  const before = [...taken];
  return opsSource(() => {
    taken.clear();
    for (const n of before) taken.add(n);
    delete t.pivotSource;
    finish(t, taken, opts);
  });
}

/**
 * Rows of a cell block as chunks: number formats first (text as `@`, so `=…`, `+…`, `-…` and keys
 * stay text), then values, then links. Range.numberFormat and Range.values are `any[][]`: each is
 * sent as one 2-D array of exactly the chunk's size (the documented contract; a bare string on a
 * multi-cell range is not).
 */
function blockSource(ws: Excel.Worksheet, block: CellBlock): ChunkSource {
  const prefix = [0];
  for (const b of block.rowBytes) prefix.push(prefix[prefix.length - 1]! + b);
  return {
    rows: block.values.length,
    bytes: (start, count) => prefix[start + count]! - prefix[start]!,
    rowsWithin: (start, maxBytes) => {
      let n = 0;
      while (start + n < block.values.length && prefix[start + n + 1]! - prefix[start]! <= maxBytes) n++;
      return n;
    },
    queue: (start, count) => {
      const range = ws.getRangeByIndexes(block.row + start, block.col, count, block.width);
      range.numberFormat = block.formats.slice(start, start + count);
      range.values = block.values.slice(start, start + count);
      for (const link of block.links) {
        const r = link.row - block.row;
        if (r < start || r >= start + count) continue;
        ws.getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = {
          documentReference: sheetRef(link.sheet, link.cell, 'when needed'),
          textToDisplay: link.text,
          screenTip: `${link.sheet}!${link.cell}`,
        };
      }
      return () => undefined;
    },
  };
}

/** Tables, formatting, chart and page layout of one written sheet (sent in that sheet's commit). */
function finish(t: Target, taken: Set<string>, opts: FinishOptions): void {
  const { ws, output } = t;
  for (const chart of t.charts?.items ?? []) chart.delete();
  const tableRanges = new Map<string, Excel.Range>();
  for (const block of output.blocks) {
    if (block.kind === 'text') {
      const font = ws.getRangeByIndexes(block.row, block.col, 1, 1).format.font;
      const style = OUTPUT_STYLE[block.style];
      font.size = style.size;
      if ('bold' in style) font.bold = style.bold;
      if ('italic' in style) font.italic = style.italic;
      if ('color' in style) font.color = `#${style.color}`;
      continue;
    }
    if (block.kind !== 'table') continue;
    const width = block.header.length;
    const full = ws.getRangeByIndexes(block.row, block.col, block.rows.length + 1, width);
    tableRanges.set(block.id, full);
    if (block.excelTable) {
      const table = excelTable(t, block, taken);
      if (opts.pivot && output.role === 'Gesamtliste' && !t.pivotSource && pivotFits(block)) t.pivotSource = table;
    } else {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        const border = full.format.borders.getItem(edge);
        border.style = 'Continuous';
        border.color = `#${OUTPUT_STYLE.border.color}`;
      }
      const header = ws.getRangeByIndexes(block.row, block.col, 1, width);
      header.format.font.bold = OUTPUT_STYLE.header.bold;
      header.format.fill.color = `#${OUTPUT_STYLE.header.fill}`;
      if (block.totalRow && block.rows.length > 0) {
        const total = ws.getRangeByIndexes(block.row + block.rows.length, block.col, 1, width);
        total.format.font.bold = OUTPUT_STYLE.total.bold;
        const top = total.format.borders.getItem('EdgeTop');
        top.weight = 'Medium';
        top.color = `#${OUTPUT_STYLE.totalBorder.color}`;
      }
    }
    ws.getRangeByIndexes(block.row, block.col, 1, width).format.wrapText = true;
    if (block.heatMap && block.rows.length > 0 && width > 1) {
      const body = ws.getRangeByIndexes(block.row + 1, block.col + 1, block.rows.length - (block.totalRow ? 1 : 0), width - 1);
      const scale = body.conditionalFormats.add('ColorScale');
      scale.colorScale.criteria = {
        minimum: { type: 'LowestValue', color: `#${OUTPUT_STYLE.heatMap.min}` },
        maximum: { type: 'HighestValue', color: `#${OUTPUT_STYLE.heatMap.max}` },
      };
    }
  }
  for (const block of output.blocks) if (block.kind === 'chart') chart(ws, block, output, opts.features);
  // widths in points, the unit of Range.format.columnWidth (learn.microsoft.com, Excel.RangeFormat.columnWidth)
  for (const [c, pt] of sheetColumnWidths(output)) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = pt;
  ws.showGridlines = OUTPUT_STYLE.showGridlines;
  ws.pageLayout.orientation = output.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom = FIT_TO_WIDTH;
}

/**
 * „Fit to width“ as the report workbook has it (fitToWidth 1, fitToHeight 0): all columns on one
 * page, as many pages down as needed. PageLayout.zoom takes PageLayoutZoomOptions, ExcelApi 1.9
 * (learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions); 0 pages tall is
 * „automatic“ as in the file format, and what Excel's own action recorder writes for
 * „Alle Spalten auf einer Seite darstellen“.
 */
export const FIT_TO_WIDTH: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };

function excelTable(t: Target, block: OutTable, taken: Set<string>): Excel.Table {
  const name = block.excelTable!;
  let table: Excel.Table;
  if (t.reused.has(name.toLowerCase())) {
    // Same name, same place, emptied and resized in the preparation: users' PivotTables and formulas keep pointing at it.
    table = t.ws.tables.getItem(name);
  } else {
    // A Range, not an address string: TableCollection.add takes an address without a sheet name
    // as one on the *active* sheet, also through Worksheet.tables (learn.microsoft.com, TableCollection.add).
    table = t.ws.tables.add(t.ws.getRangeByIndexes(block.row, block.col, block.rows.length + 1, block.header.length), true);
    // A user's table elsewhere may hold the name already (table names are workbook-wide); a
    // table of ours that moved was converted to a range, so its name is free again.
    let free = name;
    for (let n = 2; !t.freed.has(name.toLowerCase()) && taken.has(free.toLowerCase()); n++) free = `${name}_${n}`;
    taken.add(free.toLowerCase());
    table.name = free;
  }
  table.style = OUTPUT_STYLE.tableStyle;
  table.showTotals = false;
  return table;
}

function chart(ws: Excel.Worksheet, spec: OutChart, output: OutputSheet, features: OfficeFeatures): void {
  const table = tablesOf(output).find((t) => t.id === spec.tableId);
  if (!table || spec.categoryRows.length === 0 || spec.seriesColumns.length === 0) return;
  const firstRow = table.row + 1 + Math.min(...spec.categoryRows);
  const rows = Math.max(...spec.categoryRows) - Math.min(...spec.categoryRows) + 1;
  const categories = ws.getRangeByIndexes(firstRow, table.col, rows, 1);
  const values = (col: number): Excel.Range => ws.getRangeByIndexes(firstRow, table.col + col, rows, 1);
  const [first, ...rest] = spec.seriesColumns as [number, ...number[]];
  // Built series by series, so the years in the header never become a data series.
  const c = ws.charts.add('ColumnClustered', values(first), 'Columns');
  const series0 = c.series.getItemAt(0);
  series0.name = table.header[first] ?? '';
  series0.setXAxisValues(categories);
  for (const col of rest) {
    const s = c.series.add(table.header[col] ?? '');
    s.setValues(values(col));
    s.setXAxisValues(categories);
  }
  c.title.text = spec.title;
  c.legend.position = 'Bottom';
  if (features.chartDataTable && output.role === 'Vergleich') {
    // The comparison chart shows two change series: its numbers travel with it into Word.
    const data = c.getDataTable();
    data.visible = true;
    data.showLegendKey = true;
  }
  c.setPosition(ws.getRangeByIndexes(spec.from.row, spec.from.col, 1, 1), ws.getRangeByIndexes(spec.to.row - 1, spec.to.col - 1, 1, 1));
}
