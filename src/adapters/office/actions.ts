import { CLUSTERS } from '../../core/clusters';
import { parseA1 } from '../../core/grid';
import { readWorkbookGrid } from './read';
import { planRollover, type RolloverResult, type RolloverStep } from '../../core/rollover';
import { sheetNameProblem } from '../../core/sheet-name';
import { de } from '../../i18n/de';
import { WorkbookError } from '../../port/workbook-port';
import { charactersToPoints } from '../../core/outputs/widths';
import { TEXT_FORMAT } from '../../core/outputs/style';

/** Values offered by the template's dropdown (SPEC §8). */
export const TEMPLATE_STATUS_VALUES: readonly string[] = [...CLUSTERS, 'nicht zuständig'];

/** Fill colour per cluster in office sheets made from the template. */
export const CLUSTER_COLOURS: Readonly<Record<string, string>> = {
  Analog: '#F4CCCC',
  'Kein Optimierungspotenzial': '#E7E6E6',
  PDF: '#FFF2CC',
  Digital: '#D9EAD3',
  'Projekt in Umsetzung': '#CFE2F3',
  'nicht zuständig': '#F2F2F2',
};

export function templateHeader(year: number): string[] {
  return ['LeiKa-Schlüssel', 'Leistung', `Umsetzungsstatus ${year}`, 'Bemerkung', 'Online-Dienst'];
}

/** Range.numberFormat takes a 2-D array of the range's size: `@` (text) for every cell. */
function textFormats(rows: number, cols: number): string[][] {
  return Array.from({ length: rows }, () => new Array<string>(cols).fill(TEXT_FORMAT));
}

/** Selects a cell (Zur Zelle) and activates its sheet. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}

/**
 * Writes a two-column sheet (`Einstellungen`: Schlüssel | Wert, `Zuordnung`: Wert | Cluster):
 * added when missing, else its columns A:B rewritten. Everything as text.
 */
export async function writeKeyValueSheet(
  context: Excel.RequestContext,
  name: string,
  header: readonly [string, string],
  rows: readonly (readonly [string, string])[],
): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(name);
  await context.sync();
  const sheet = ws.isNullObject ? context.workbook.worksheets.add(name) : ws;
  if (!ws.isNullObject) sheet.getRange('A:B').clear('Contents');
  const values = [[...header], ...rows.map((r) => [...r])];
  const range = sheet.getRangeByIndexes(0, 0, values.length, 2);
  range.numberFormat = textFormats(values.length, 2);
  range.values = values;
  sheet.getRange('A1:B1').format.font.bold = true;
  sheet.getRange('A:A').format.columnWidth = charactersToPoints(25);
  sheet.getRange('B:B').format.columnWidth = charactersToPoints(30);
  await context.sync();
}

/**
 * Adds a new office sheet from the template (SPEC §8); returns its name. A name Excel would
 * refuse, or one already taken, is refused before Excel sees it (the pane checks it too).
 */
export async function addTemplateSheet(context: Excel.RequestContext, name: string, year: number): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const problem = sheetNameProblem(name, worksheets.items.map((w) => w.name));
  if (problem) throw new WorkbookError(de.templates.nameProblems[problem](name), 'invalid-name');
  const ws = worksheets.add(name);
  const header = templateHeader(year);
  const rows = 200;
  ws.getRangeByIndexes(0, 0, rows + 1, header.length).numberFormat = textFormats(rows + 1, header.length);
  ws.getRangeByIndexes(0, 0, 1, header.length).values = [header];
  // A Range, not 'A1:E201': an address without a sheet name means the *active* sheet, and the
  // new sheet is not active yet (worksheets.add does not activate it).
  const table = ws.tables.add(ws.getRangeByIndexes(0, 0, rows + 1, header.length), true);
  table.name = `Amt_${Date.now().toString(36)}`;
  table.style = 'TableStyleLight9';
  const status = ws.getRange(`C2:C${rows + 1}`);
  status.dataValidation.rule = { list: { inCellDropDown: true, source: TEMPLATE_STATUS_VALUES.join(',') } };
  status.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Warning',
    title: 'Umsetzungsstatus',
    message: `Bitte einen dieser Werte wählen: ${TEMPLATE_STATUS_VALUES.join(', ')}`,
  };
  for (const value of TEMPLATE_STATUS_VALUES) {
    const format = status.conditionalFormats.add('CellValue');
    format.cellValue.format.fill.color = CLUSTER_COLOURS[value] ?? '#FFFFFF';
    format.cellValue.rule = { formula1: `="${value}"`, operator: 'EqualTo' };
  }
  for (const [col, width] of [['A', 15], ['B', 36], ['C', 24], ['D', 28], ['E', 28]] as const) {
    ws.getRange(`${col}:${col}`).format.columnWidth = charactersToPoints(width);
  }
  ws.freezePanes.freezeRows(1);
  ws.activate();
  await context.sync();
  return name;
}

/** An Excel table (ListObject) on a sheet, 0-based and inclusive, as loaded for the roll-over. */
interface TableRect {
  readonly table: Excel.Table;
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly totals: boolean;
}

/** The Excel tables of the workbook with their ranges: two syncs, whatever the number of tables. */
async function loadTableRects(context: Excel.RequestContext): Promise<TableRect[]> {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name,items/showTotals');
  await context.sync();
  if (tables.items.length === 0) return [];
  const ranges = tables.items.map((t) => t.getRange().load('rowIndex,columnIndex,rowCount,columnCount'));
  await context.sync();
  return tables.items.map((table, i) => {
    const r = ranges[i]!;
    return {
      table,
      sheet: table.worksheet.name,
      top: r.rowIndex,
      left: r.columnIndex,
      bottom: r.rowIndex + r.rowCount - 1,
      right: r.columnIndex + r.columnCount - 1,
      totals: table.showTotals === true,
    };
  });
}

/**
 * Whether shifting the cells of rows top..bottom from column `col` one to the right would move
 * part of a table: Excel refuses that ("This operation is attempting to shift cells in a table",
 * InvalidOperation). A table lying wholly in those rows and right of `col` moves as a whole.
 */
function cutsThroughTable(tables: readonly TableRect[], top: number, bottom: number, col: number): boolean {
  return tables.some((t) => t.right >= col && t.top <= bottom && top <= t.bottom && !(t.top >= top && t.bottom <= bottom && t.left >= col));
}

const SKIP_TABLE_HEADER = 'Statusspalte in einer Excel-Tabelle, deren Kopfzeile nicht die erkannte Überschrift ist: bitte die Spalte selbst einfügen';
const SKIP_TABLE_BESIDE = 'daneben steht eine Excel-Tabelle, die Excel nicht teilweise verschieben kann: bitte die Spalte selbst einfügen';

/** Excel's error as the user and IT support need it: code and message. */
export function officeErrorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' && code !== '' && !text.startsWith(code) ? `${code}: ${text}` : text;
}

/**
 * "Neues Berichtsjahr" (SPEC §8): copies the previous year's status column of every office
 * table to its right under the new year's header. The one action that writes into office
 * sheets; the task pane asks first. One sync per sheet: when Excel refuses a sheet, the sheets
 * before it stay done, and the result says which were done and which not.
 * Inside an Excel table (the template makes one, and users format their lists as tables) Excel
 * refuses Range.insert, which would shift cells in the table: there the column is added as a
 * table column (TableColumnCollection.add, name from ExcelApi 1.4); elsewhere cells are inserted.
 * Either way the previous year's cells are copied with copyType All, so values, number format
 * and data validation come along.
 */
export async function addReportYear(context: Excel.RequestContext, newYear: number): Promise<RolloverResult> {
  const plan = planRollover(await readWorkbookGrid(context), newYear);
  const tables = plan.steps.length > 0 ? await loadTableRects(context) : [];
  const planned: { step: RolloverStep; table?: TableRect }[] = [];
  const skipped = [...plan.skipped];
  for (const step of plan.steps) {
    const onSheet = tables.filter((t) => t.sheet.toLowerCase() === step.sheet.toLowerCase());
    const home = onSheet.find((t) => t.top <= step.headerRow && step.headerRow <= t.bottom && t.left <= step.col && step.col <= t.right);
    if (home && home.top !== step.headerRow) skipped.push({ sheet: step.sheet, reason: SKIP_TABLE_HEADER });
    else if (home && cutsThroughTable(onSheet.filter((t) => t !== home), home.top, home.bottom, step.col + 1)) skipped.push({ sheet: step.sheet, reason: SKIP_TABLE_BESIDE });
    else if (!home && cutsThroughTable(onSheet, step.top, step.bottom, step.col + 1)) skipped.push({ sheet: step.sheet, reason: SKIP_TABLE_BESIDE });
    else planned.push(home ? { step, table: home } : { step });
  }
  const sheets = [...new Set(planned.map((p) => p.step.sheet))];
  const done: string[] = [];
  let changed = 0;
  for (const [i, sheet] of sheets.entries()) {
    // Right to left and bottom to top, so an insertion never moves a later step's cells.
    const steps = planned.filter((p) => p.step.sheet === sheet).sort((a, b) => b.step.col - a.step.col || b.step.top - a.step.top);
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const { step, table } of steps) queueNewColumn(ws, step, table);
    try {
      await context.sync();
    } catch (error) {
      return { changed, done, skipped, failed: { sheet, message: officeErrorText(error) }, notDone: sheets.slice(i + 1) };
    }
    done.push(sheet);
    changed += steps.length;
  }
  return { changed, done, skipped, notDone: [] };
}

function queueNewColumn(ws: Excel.Worksheet, step: RolloverStep, table: TableRect | undefined): void {
  if (table) {
    const index = step.col + 1 - table.left;
    const width = table.right - table.left + 1;
    // Index -1 appends (ExcelApi 1.4); the name is the new header. No values: the body is copied below.
    table.table.columns.add(index < width ? index : -1, undefined, step.header);
    const body = table.bottom - table.top - (table.totals ? 1 : 0);
    if (body > 0) ws.getRangeByIndexes(table.top + 1, step.col + 1, body, 1).copyFrom(ws.getRangeByIndexes(table.top + 1, step.col, body, 1), 'All');
    return;
  }
  const rows = step.bottom - step.top + 1;
  ws.getRangeByIndexes(step.top, step.col + 1, rows, 1).insert('Right');
  ws.getRangeByIndexes(step.top, step.col + 1, rows, 1).copyFrom(ws.getRangeByIndexes(step.top, step.col, rows, 1), 'All');
  ws.getRangeByIndexes(step.headerRow, step.col + 1, 1, 1).values = [[step.header]];
}

/** Selects a range (e.g. the Monitoring table for Tabelle kopieren). */
export async function selectRange(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  const first = address.split(':')[0] ?? address;
  if (!parseA1(first)) throw new RangeError(`not an A1 address: ${address}`);
  ws.getRange(address).select();
  await context.sync();
}
