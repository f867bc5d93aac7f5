/**
 * Renders output sheets (SPEC §5) with ExcelJS: into a new report workbook, or into an
 * existing workbook following the sheet plan. Charts and cell hyperlinks are added to the
 * package afterwards (xlsx-chart.ts), since ExcelJS cannot write either as needed.
 */
import ExcelJS from 'exceljs';
import { a1, columnLetters, type DefinedName } from '../core/grid';
import type { OutChart, OutputSheet, OutTable, OutText, OutValue } from '../core/output-model';
import { DATE_FORMAT, NUMBER_FORMATS, OUTPUT_STYLE, TEXT_FORMAT } from '../core/outputs/style';
import { headerHeightPt, LINE_HEIGHT_PT, pointsToFileWidth, sheetColumnWidths } from '../core/outputs/widths';
import { parseSheetRef, quoteSheet, sheetRef } from '../core/sheet-ref';
import { planOutputSheets } from '../port/sheet-plan';
import type { WriteReport, WrittenSheet } from '../port/workbook-port';
import { definedNameModels, setWorksheetOrder, tableNamesOf, worksheetOrder } from './exceljs-internals';
import { addColumnCharts, addHyperlinks, type ColumnChartSpec, type HyperlinkSpec } from './xlsx-chart';
import { prepareTableBodies, type TableBodySpec } from './xlsx-table-body';
import { unzipXlsx, zipXlsxStreamed } from './xlsx-zip';

export interface ReportWorkbookOptions {
  /** File name of the evaluated workbook; Prüfhinweise links then open its cells. */
  readonly sourceFileName?: string;
  /** ISO date of the evaluation: the package's created/modified date (no time of day, so a rerun that day is byte-identical). */
  readonly evaluatedAt?: string;
}

export { NUMBER_FORMATS };

/** Package date when none is given: the zip epoch, as fixed as the zip entries' timestamps. */
const NO_DATE = '1980-01-01';

// Every style below comes from the one style definition of SPEC §5 (core/outputs/style.ts).
const argb = (rgb: string): { argb: string } => ({ argb: `FF${rgb}` });
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: argb(OUTPUT_STYLE.border.color) };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TOTAL_BOX: Partial<ExcelJS.Borders> = { ...BOX, top: { style: 'medium', color: argb(OUTPUT_STYLE.totalBorder.color) } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: argb(OUTPUT_STYLE.header.fill) };
// A font always names its face and size: a viewer without them falls back to its own default.
const BASE_FONT: Partial<ExcelJS.Font> = { name: OUTPUT_STYLE.font.name, size: OUTPUT_STYLE.font.size };
const LINK_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, color: argb(OUTPUT_STYLE.link.color), underline: OUTPUT_STYLE.link.underline };
const TEXT_FONTS: Readonly<Record<OutText['style'], Partial<ExcelJS.Font>>> = {
  title: { ...BASE_FONT, bold: OUTPUT_STYLE.title.bold, size: OUTPUT_STYLE.title.size },
  subtitle: { ...BASE_FONT, bold: OUTPUT_STYLE.subtitle.bold, size: OUTPUT_STYLE.subtitle.size },
  note: { ...BASE_FONT, italic: OUTPUT_STYLE.note.italic, size: OUTPUT_STYLE.note.size, color: argb(OUTPUT_STYLE.note.color) },
  paragraph: { ...BASE_FONT, size: OUTPUT_STYLE.paragraph.size },
};

/** Where links of Prüfhinweise point: this workbook, the input file beside the report, or nowhere. */
interface LinkMode {
  readonly file?: string;
  readonly off?: true;
}

/** Characters no plain file name holds on Windows, plus controls: a name with one is never a link target. */
const NOT_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/;

/**
 * The file name as a link target, when it is a plain relative name (`Übersicht 2024.xlsx`).
 * A name with a path, drive, backslashes (`\\server\share\x.xlsx` is a network path on
 * Windows) or a scheme (`https:`) gets no link at all.
 */
export function relativeLinkFile(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..' || NOT_IN_FILE_NAME.test(name)) return undefined;
  return name;
}

function linkMode(sourceFileName: string | undefined): LinkMode {
  if (sourceFileName === undefined) return {};
  const file = relativeLinkFile(sourceFileName);
  return file === undefined ? { off: true } : { file };
}

/** What ExcelJS cannot write, collected while rendering and added to the package afterwards. */
export interface PackageAdditions {
  readonly charts: ColumnChartSpec[];
  readonly links: HyperlinkSpec[];
  /** Excel table bodies written into the package instead of through ExcelJS's object model. */
  readonly bodies: TableBodySpec[];
}


function cellValue(value: OutValue): ExcelJS.CellValue {
  switch (value.kind) {
    case 'empty':
      return null;
    case 'text':
    case 'link':
      // A plain JS string is stored as a shared string: `=1+1` stays text, never a formula.
      return value.kind === 'text' ? (value.text === '' ? null : value.text) : value.text;
    case 'number':
      return value.value;
    case 'date':
      return new Date(value.iso.length === 10 ? `${value.iso}T00:00:00Z` : value.iso);
  }
}

function formatOf(value: OutValue): string | undefined {
  if (value.kind === 'number') return NUMBER_FORMATS[value.format];
  if (value.kind === 'text' || value.kind === 'link') return TEXT_FORMAT;
  if (value.kind === 'date') return DATE_FORMAT;
  return undefined;
}

/** The one number format every body cell of column `c` shares, if any (empty cells ignored). */
function uniformFormat(table: OutTable, c: number): string | undefined {
  let format: string | undefined;
  for (const row of table.rows) {
    const v = row[c];
    if (v === undefined || v.kind === 'empty') continue;
    const f = formatOf(v);
    if (format === undefined) format = f;
    else if (f !== format) return undefined;
  }
  return format;
}

function linkTarget(value: OutValue, mode: LinkMode): Omit<HyperlinkSpec, 'sheet' | 'ref'> | undefined {
  if (value.kind !== 'link' || mode.off) return undefined;
  const location = sheetRef(value.sheet, value.cell);
  const file = value.file ?? mode.file;
  return file === undefined ? { location } : { location, file };
}

function renderText(ws: ExcelJS.Worksheet, block: OutText): void {
  const cell = ws.getCell(block.row + 1, block.col + 1);
  cell.value = block.text;
  cell.numFmt = TEXT_FORMAT;
  cell.font = TEXT_FONTS[block.style];
}

/** A plain range for pasting into Word: borders, bold header and total row, German formats. */
function renderPlainTable(ws: ExcelJS.Worksheet, table: OutTable, mode: LinkMode, add: PackageAdditions, widths: ReadonlyMap<number, number>): void {
  const header = ws.getRow(table.row + 1);
  table.header.forEach((h, c) => {
    const cell = header.getCell(table.col + c + 1);
    cell.value = h;
    cell.numFmt = TEXT_FORMAT;
    cell.font = { ...BASE_FONT, bold: OUTPUT_STYLE.header.bold };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c === 0 ? 'left' : 'center' };
  });
  fitHeaderHeight(ws, table, widths);
  table.rows.forEach((values, r) => {
    const isTotal = table.totalRow && r === table.rows.length - 1;
    const row = ws.getRow(table.row + 2 + r);
    for (let c = 0; c < table.header.length; c++) {
      const value = values[c] ?? { kind: 'empty' };
      const cell = row.getCell(table.col + c + 1);
      cell.value = cellValue(value);
      const format = formatOf(value);
      if (format !== undefined) cell.numFmt = format;
      cell.border = isTotal ? TOTAL_BOX : BOX;
      if (isTotal) cell.font = { ...BASE_FONT, bold: OUTPUT_STYLE.total.bold };
      const link = linkTarget(value, mode);
      if (link) {
        cell.font = { ...LINK_FONT, bold: isTotal };
        add.links.push({ sheet: ws.name, ref: cell.address, ...link });
      }
    }
  });
}

/** Viewers do not grow rows for wrapped text on their own (LibreOffice keeps 15 pt), so set the height. */
function fitHeaderHeight(ws: ExcelJS.Worksheet, table: OutTable, widths: ReadonlyMap<number, number>): void {
  const height = headerHeightPt(table, widths);
  const row = ws.getRow(table.row + 1);
  if (height > LINE_HEIGHT_PT) row.height = Math.max(row.height ?? 0, height);
}

function tableNames(wb: ExcelJS.Workbook): Set<string> {
  return new Set(wb.worksheets.flatMap((ws) => tableNamesOf(ws).map((n) => n.toLowerCase())));
}

/** An Excel table (ListObject) with filter buttons; keys and other text columns formatted as text. */
function renderExcelTable(
  ws: ExcelJS.Worksheet,
  table: OutTable,
  name: string,
  mode: LinkMode,
  add: PackageAdditions,
  bodyInPackage: boolean,
  widths: ReadonlyMap<number, number>,
): void {
  const formats = table.header.map((_, c) => uniformFormat(table, c));
  formats.forEach((f, c) => {
    if (f !== undefined) ws.getColumn(table.col + c + 1).numFmt = f;
  });
  if (bodyInPackage && table.rows.length > 0) {
    renderExcelTableShell(ws, table, name, formats, mode, add);
  } else {
    // An Excel table needs at least one body row; an empty one stands for "no entries".
    const rows: ExcelJS.CellValue[][] =
      table.rows.length === 0 ? [table.header.map(() => null)] : table.rows.map((values) => table.header.map((_, c) => cellValue(values[c] ?? { kind: 'empty' })));
    addTable(ws, table, name, rows);
    table.rows.forEach((values, r) => {
      values.forEach((value, c) => {
        const format = formats[c] === undefined ? formatOf(value) : undefined;
        const link = linkTarget(value, mode);
        if (format === undefined && link === undefined) return;
        const cell = ws.getCell(table.row + 2 + r, table.col + c + 1);
        if (format !== undefined) cell.numFmt = format;
        if (link) {
          cell.font = LINK_FONT;
          add.links.push({ sheet: ws.name, ref: cell.address, ...link });
        }
      });
    });
  }
  const headerRow = ws.getRow(table.row + 1);
  table.header.forEach((_, c) => {
    headerRow.getCell(table.col + c + 1).alignment = { wrapText: true, vertical: 'middle' };
  });
  fitHeaderHeight(ws, table, widths);
}

function addTable(ws: ExcelJS.Worksheet, table: OutTable, name: string, rows: ExcelJS.CellValue[][]): void {
  ws.addTable({
    name,
    ref: a1(table.row, table.col),
    headerRow: true,
    totalsRow: false,
    style: { theme: OUTPUT_STYLE.tableStyle, showRowStripes: true },
    columns: table.header.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
}

const LINK_KEY = '|link';

/**
 * The Excel table with empty sample rows instead of its body: sample row k of column c
 * carries the k-th distinct style that column's body needs, so ExcelJS registers every
 * style; the body itself is generated into the package (xlsx-table-body.ts).
 */
function renderExcelTableShell(
  ws: ExcelJS.Worksheet,
  table: OutTable,
  name: string,
  formats: readonly (string | undefined)[],
  mode: LinkMode,
  add: PackageAdditions,
): void {
  const width = table.header.length;
  // A cell's style is its number format (the column's, else its own) and whether it is a link.
  const keyOf = (value: OutValue, c: number): string => (formats[c] ?? formatOf(value) ?? '') + (linkTarget(value, mode) !== undefined ? LINK_KEY : '');
  const keys = table.header.map(() => new Set<string>());
  table.rows.forEach((values, r) => {
    for (let c = 0; c < width; c++) {
      const value = values[c];
      if (value === undefined || value.kind === 'empty' || ((value.kind === 'text' || value.kind === 'link') && value.text === '')) continue;
      keys[c]?.add(keyOf(value, c));
      const link = linkTarget(value, mode);
      if (link) add.links.push({ sheet: ws.name, ref: a1(table.row + 1 + r, table.col + c), ...link });
    }
  });
  const sampleKeys = keys.map((k) => [...k]);
  const samples = Math.max(1, ...sampleKeys.map((k) => k.length));
  addTable(
    ws,
    table,
    name,
    Array.from({ length: samples }, () => table.header.map(() => null)),
  );
  sampleKeys.forEach((list, c) => {
    list.forEach((key, k) => {
      const cell = ws.getCell(table.row + 2 + k, table.col + c + 1);
      const link = key.endsWith(LINK_KEY);
      const format = link ? key.slice(0, -LINK_KEY.length) : key;
      if (format !== '') cell.numFmt = format;
      if (link) cell.font = LINK_FONT;
    });
  });
  add.bodies.push({ sheet: ws.name, table: name, row: table.row, col: table.col, width, rows: table.rows, sampleKeys, keyOf });
}

/** Whether every other block of the sheet lies above `table`, so its body rows are its own. */
function isLowestBlock(output: OutputSheet, table: OutTable): boolean {
  return output.blocks.every((b) => {
    if (b === table || b.kind === 'chart') return true;
    const lastRow = b.kind === 'text' ? b.row : b.row + Math.max(1, b.rows.length);
    return lastRow < table.row;
  });
}

function chartSpec(sheet: string, chart: OutChart, tables: readonly OutTable[]): ColumnChartSpec {
  const table = tables.find((t) => t.id === chart.tableId);
  if (table === undefined) throw new Error(`chart refers to unknown table "${chart.tableId}"`);
  const q = quoteSheet(sheet);
  const first = Math.min(...chart.categoryRows);
  const last = Math.max(...chart.categoryRows);
  const bodyRow = (r: number): number => table.row + 2 + r; // 1-based sheet row of body row r
  const col = (c: number): string => columnLetters(table.col + c);
  const label = (v: OutValue | undefined): string => (v === undefined ? '' : v.kind === 'text' || v.kind === 'link' ? v.text : v.kind === 'number' ? String(v.value) : '');
  const rowsInRange = Array.from({ length: last - first + 1 }, (_, i) => table.rows[first + i] ?? []);
  return {
    sheet,
    title: chart.title,
    categoriesRef: `${q}!$${col(0)}$${bodyRow(first)}:$${col(0)}$${bodyRow(last)}`,
    categories: rowsInRange.map((r) => label(r[0])),
    series: chart.seriesColumns.map((c) => ({
      nameRef: `${q}!$${col(c)}$${table.row + 1}`,
      name: table.header[c] ?? '',
      valuesRef: `${q}!$${col(c)}$${bodyRow(first)}:$${col(c)}$${bodyRow(last)}`,
      values: rowsInRange.map((r) => {
        const v = r[c];
        return v?.kind === 'number' ? v.value : 0;
      }),
    })),
    from: chart.from,
    to: chart.to,
  };
}

function renderSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, output: OutputSheet, mode: LinkMode, add: PackageAdditions): void {
  ws.views = [{ showGridLines: OUTPUT_STYLE.showGridlines }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: output.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  const tables = output.blocks.filter((b): b is OutTable => b.kind === 'table');
  const widths = sheetColumnWidths(output);
  for (const [c, pt] of widths) ws.getColumn(c + 1).width = pointsToFileWidth(pt);
  const taken = tableNames(wb);
  for (const block of output.blocks) {
    if (block.kind === 'text') renderText(ws, block);
    else if (block.kind === 'chart') add.charts.push(chartSpec(ws.name, block, tables));
    else if (block.excelTable === undefined) renderPlainTable(ws, block, mode, add, widths);
    else {
      let name = block.excelTable;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${block.excelTable}${n}`;
      taken.add(name.toLowerCase());
      renderExcelTable(ws, block, name, mode, add, isLowestBlock(output, block), widths);
    }
    if (block.kind === 'table' && block.heatMap === true && block.rows.length > 0) {
      const bodyRows = block.rows.length - (block.totalRow ? 1 : 0);
      if (bodyRows > 0 && block.header.length > 1) {
        ws.addConditionalFormatting({
          ref: `${a1(block.row + 1, block.col + 1)}:${a1(block.row + bodyRows, block.col + block.header.length - 1)}`,
          rules: [
            {
              type: 'colorScale',
              priority: 1,
              cfvo: [{ type: 'min' }, { type: 'max' }],
              color: [argb(OUTPUT_STYLE.heatMap.min), argb(OUTPUT_STYLE.heatMap.max)],
            },
          ],
        });
      }
    }
  }
}

function readDefinedNames(wb: ExcelJS.Workbook): DefinedName[] {
  const names: DefinedName[] = [];
  for (const { name, ranges } of definedNameModels(wb)) {
    const ref = ranges.length === 1 ? parseSheetRef(ranges[0] ?? '') : undefined;
    if (ref !== undefined) names.push({ name, ...ref });
  }
  return names;
}

function setDefinedName(wb: ExcelJS.Workbook, d: DefinedName): void {
  for (const existing of definedNameModels(wb)) {
    if (existing.name.toLowerCase() !== d.name.toLowerCase()) continue;
    for (const range of existing.ranges) wb.definedNames.remove(range, existing.name);
  }
  const cell = d.cell.replace(/([A-Z]+)(\d+)/, '$$$1$$$2');
  wb.definedNames.add(sheetRef(d.sheet, cell), d.name);
}

/**
 * Renders the outputs into an ExcelJS workbook following the sheet plan: marked sheets are
 * replaced by a fresh sheet of the same name, position and visibility; others are added at
 * the end; marker names are set. Returns where each output went and what must be added
 * to the package after ExcelJS has written it (see finishPackage).
 */
export function renderOutputs(
  wb: ExcelJS.Workbook,
  outputs: readonly OutputSheet[],
  opts: ReportWorkbookOptions = {},
): { report: WriteReport; additions: PackageAdditions } {
  const plan = planOutputSheets(
    outputs.map((o) => o.role),
    { sheetNames: wb.worksheets.map((ws) => ws.name), definedNames: readDefinedNames(wb) },
  );
  const mode = linkMode(opts.sourceFileName);
  const additions: PackageAdditions = { charts: [], links: [], bodies: [] };
  const written: WrittenSheet[] = [];
  outputs.forEach((output, i) => {
    const planned = plan.sheets[i];
    if (planned === undefined) return;
    let ws: ExcelJS.Worksheet;
    const old = planned.rewrite ? wb.worksheets.find((s) => s.name.toLowerCase() === planned.sheet.toLowerCase()) : undefined;
    if (old !== undefined) {
      const { state, name } = old;
      const order = worksheetOrder(old);
      wb.removeWorksheet(old.id);
      ws = wb.addWorksheet(name);
      setWorksheetOrder(ws, order);
      ws.state = state;
    } else {
      ws = wb.addWorksheet(planned.sheet);
    }
    renderSheet(wb, ws, output, mode, additions);
    written.push(
      planned.displacedBy === undefined
        ? { role: planned.role, sheet: ws.name, rewritten: planned.rewrite }
        : { role: planned.role, sheet: ws.name, rewritten: planned.rewrite, displacedBy: planned.displacedBy },
    );
  });
  for (const d of plan.definedNames) setDefinedName(wb, d);
  return { report: { sheets: written }, additions };
}

/** Writes the workbook with ExcelJS and adds charts and hyperlinks to the package. */
export async function finishPackage(wb: ExcelJS.Workbook, additions: PackageAdditions): Promise<Uint8Array> {
  // ExcelJS only stores; fflate compresses once (faster) and with fixed entry timestamps (xlsx-zip.ts).
  const options = { useSharedStrings: true, zip: { compression: 'STORE' } };
  const buffer = await wb.xlsx.writeBuffer(options as Partial<ExcelJS.XlsxWriteOptions>);
  const parts = unzipXlsx(new Uint8Array(buffer as ArrayBuffer));
  const bodies = prepareTableBodies(parts, additions.bodies);
  addColumnCharts(parts, additions.charts);
  addHyperlinks(parts, additions.links);
  return zipXlsxStreamed(parts, bodies);
}

/**
 * A new report workbook holding only the output sheets (SPEC §5, CLI and file mode).
 * With `sourceFileName`, Prüfhinweise links open the cell in that file (expected beside the report).
 */
export async function writeReportWorkbook(sheets: readonly OutputSheet[], opts: ReportWorkbookOptions = {}): Promise<Uint8Array> {
  return (await renderReportWorkbook(sheets, opts)).bytes;
}

/** `writeReportWorkbook` with the sheet plan it followed: where each output went. */
export async function renderReportWorkbook(
  sheets: readonly OutputSheet[],
  opts: ReportWorkbookOptions = {},
): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LeiKa-Monitor';
  wb.lastModifiedBy = 'LeiKa-Monitor';
  const date = new Date(`${(opts.evaluatedAt ?? NO_DATE).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`evaluatedAt is not an ISO date: ${opts.evaluatedAt ?? ''}`);
  wb.created = date;
  wb.modified = date;
  const { report, additions } = renderOutputs(wb, sheets, opts);
  return { bytes: await finishPackage(wb, additions), report };
}
