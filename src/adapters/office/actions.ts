import { CLUSTERS } from '../../core/clusters';
import { parseA1 } from '../../core/grid';
import { readWorkbookGrid } from './read';
import { planRollover, type RolloverPlan } from './rollover-plan';
import { TEXT_FORMAT } from './cells';

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
  sheet.getRange('A:A').format.columnWidth = 180;
  sheet.getRange('B:B').format.columnWidth = 220;
  await context.sync();
}

/** Adds a new office sheet from the template (SPEC §8); returns its name. */
export async function addTemplateSheet(context: Excel.RequestContext, wanted: string, year: number): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const taken = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted} (${n})`;
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
  for (const [col, width] of [['A', 110], ['B', 260], ['C', 170], ['D', 200], ['E', 200]] as const) {
    ws.getRange(`${col}:${col}`).format.columnWidth = width;
  }
  ws.freezePanes.freezeRows(1);
  ws.activate();
  await context.sync();
  return name;
}

/**
 * "Neues Berichtsjahr" (SPEC §8): copies the previous year's status column of every office
 * table to its right under the new year's header. The one action that writes into office
 * sheets; the task pane asks first.
 */
export async function addReportYear(context: Excel.RequestContext, newYear: number): Promise<RolloverPlan> {
  const plan = planRollover(await readWorkbookGrid(context), newYear);
  // Right to left and bottom to top, so an insertion never moves a later step's cells.
  const steps = [...plan.steps].sort((a, b) => b.col - a.col || b.top - a.top);
  for (const step of steps) {
    const ws = context.workbook.worksheets.getItem(step.sheet);
    const rows = step.bottom - step.top + 1;
    ws.getRangeByIndexes(step.top, step.col + 1, rows, 1).insert('Right');
    const target = ws.getRangeByIndexes(step.top, step.col + 1, rows, 1);
    target.copyFrom(ws.getRangeByIndexes(step.top, step.col, rows, 1), 'All');
    const head = ws.getRangeByIndexes(step.headerRow, step.col + 1, 1, 1);
    head.values = [[step.header]];
  }
  if (steps.length > 0) await context.sync();
  return plan;
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
