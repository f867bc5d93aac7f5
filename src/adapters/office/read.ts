import type { Cell, DefinedName, MergedArea, SheetGrid, SheetVisibility, WorkbookGrid } from '../../core/grid';
import { dateSystemFromText, isDateFormat, serialToIso } from '../../core/serial-date';
import { parseSheetRef } from '../../core/sheet-ref';
import { type ChunkSource, syncInChunks } from './chunks';

/** Error values as range.values returns them, in English and German Excel. */
const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA|NV|WERT!|BEZUG!|ZAHL!|ÜBERLAUF!|KALK!|FELD!)$/;

/** Until a first chunk has been measured, a cell is assumed to cost this many bytes of JSON. */
const INITIAL_BYTES_PER_CELL = 40;

interface UsedArea {
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

function toCell(value: unknown): Cell {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  return ERROR_VALUE.test(text) ? { kind: 'error', code: text } : text;
}

function visibilityOf(v: Excel.SheetVisibility | `${Excel.SheetVisibility}`): SheetVisibility {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

/**
 * Range.getMergedAreasOrNullObject (ExcelApi 1.13) fails "if the merged areas count in this range
 * is more than 512" (Excel JavaScript API reference, Range). Read per sheet first; if that fails,
 * the merged areas are read again in row bands of at most 512 cells, which cannot hold more.
 * It returns only the merged areas whose top-left cell lies in the range (OfficeDev/office-js#3611),
 * and RangeAreas.address names only those top-left cells (OfficeDev/office-js#1590): the areas
 * are read from RangeAreas.areas (ExcelApi 1.9) as row/column index and counts.
 */
export const MERGED_AREAS_LIMIT = 512;

/** Areas of the RangeAreas that are not null objects, loaded in one sync per ~4 MB. */
async function loadAreas(context: Excel.RequestContext, found: readonly (Excel.RangeAreas | undefined)[]): Promise<MergedArea[][]> {
  const out: MergedArea[][] = found.map(() => []);
  const present = found.flatMap((m, i) => (m && !m.isNullObject ? [{ m, i }] : []));
  const sources: ChunkSource[] = [{
    rows: present.length,
    rowsWithin: (_start, maxBytes) => Math.floor(maxBytes / AREAS_BYTES),
    bytes: (_start, count) => count * AREAS_BYTES,
    queue: (start, count) => {
      const loaded = present.slice(start, start + count).map(({ m, i }) => ({ i, areas: m.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount') }));
      return () => {
        for (const { i, areas } of loaded) {
          for (const r of areas.items) out[i]!.push({ top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 });
        }
      };
    },
  }];
  await syncInChunks(context, sources);
  return out;
}

/** Estimated response per RangeAreas' areas (up to 512 areas of four numbers; the halving retry covers more). */
const AREAS_BYTES = 40_000;

/**
 * Reads every worksheet's used values, merged areas and visibility and the workbook's
 * defined names in 2 + (one per chunk) syncs, whatever the number of sheets: all sheets'
 * sizes in one sync, then values in row chunks of at most ~4 MB, several sheets per chunk.
 * Merged areas cost one sync more where a sheet has any; a sheet with more than 512 merged
 * areas one more, and the banded merged areas one per ~4 MB chunk (still independent of the
 * number of sheets). Date cells become ISO dates in the workbook's date system (see readDates).
 */
export async function readWorkbookGrid(context: Excel.RequestContext): Promise<WorkbookGrid> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  await context.sync();

  const sheets = worksheets.items;
  const usedRanges = (): Excel.Range[] =>
    sheets.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return range;
    });
  let used = usedRanges();
  const wholeSheet = sheets.map((ws) => ws.getRange().getMergedAreasOrNullObject().load('isNullObject'));
  let merges: MergedArea[][];
  try {
    await context.sync();
    merges = await loadAreas(context, wholeSheet);
  } catch {
    // Most likely a sheet with more than 512 merged areas; a failed batch delivers no loads.
    used = usedRanges();
    await context.sync();
    merges = await readMergesInBands(context, sheets, areasOf(used));
  }

  const areas = areasOf(used);
  const rows: (Cell[] | undefined)[][] = sheets.map(() => []);
  const dates: DateCell[] = [];
  await readValues(context, sheets, areas, rows, dates);
  await readDates(context, sheets, rows, dates);
  const grids: SheetGrid[] = sheets.map((ws, i) => ({
    name: ws.name,
    visibility: visibilityOf(ws.visibility),
    rows: rows[i] ?? [],
    merges: merges[i] ?? [],
  }));
  const definedNames: DefinedName[] = [];
  for (const n of names.items) {
    if (n.type !== 'Range') continue;
    const ref = parseSheetRef(String(n.formula ?? ''));
    if (ref) definedNames.push({ name: n.name, ...ref });
  }
  return { sheets: grids, definedNames };
}

function areasOf(used: readonly Excel.Range[]): UsedArea[] {
  const areas: UsedArea[] = [];
  used.forEach((range, sheet) => {
    if (!range.isNullObject && range.rowCount > 0 && range.columnCount > 0) {
      areas.push({ sheet, top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount });
    }
  });
  return areas;
}

/** Estimated response per band's RangeAreas (its null-object flag). */
const BAND_BYTES = 100;

/**
 * Merged areas read in row bands of at most 512 cells (so at most 512 top-left cells each),
 * several bands and sheets per sync. Bands start at A1 and reach the used range's last row and
 * column, so every merged area whose top-left cell lies there is found — also one that starts
 * left of or above the used values, and one reaching into the next band (each band reports
 * only the areas starting in it).
 */
async function readMergesInBands(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[], areas: readonly UsedArea[]): Promise<MergedArea[][]> {
  const found: { sheet: number; merged: Excel.RangeAreas }[] = [];
  const sources: ChunkSource[] = areas.map((area) => {
    const cols = area.left + area.cols;
    const rows = area.top + area.rows;
    const height = Math.max(1, Math.floor(MERGED_AREAS_LIMIT / cols));
    return {
      rows: Math.ceil(rows / height),
      rowsWithin: (_start, maxBytes) => Math.floor(maxBytes / BAND_BYTES),
      bytes: (_start, count) => count * BAND_BYTES,
      queue: (start, count) => {
        const loaded: Excel.RangeAreas[] = [];
        for (let b = start; b < start + count; b++) {
          const top = b * height;
          loaded.push(sheets[area.sheet]!.getRangeByIndexes(top, 0, Math.min(height, rows - top), cols).getMergedAreasOrNullObject().load('isNullObject'));
        }
        return () => loaded.forEach((merged) => found.push({ sheet: area.sheet, merged }));
      },
    };
  });
  await syncInChunks(context, sources);
  const perBand = await loadAreas(context, found.map((f) => f.merged));
  return sheets.map((_ws, i) => {
    const seen = new Map<string, MergedArea>();
    found.forEach((f, j) => {
      if (f.sheet === i) for (const a of perBand[j]!) seen.set(`${a.top}:${a.left}:${a.bottom}:${a.right}`, a);
    });
    return [...seen.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  });
}

/** A numeric cell shown as a date, converted once the date system is known. */
interface DateCell {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
  readonly serial: number;
}

async function readValues(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  areas: readonly UsedArea[],
  out: (Cell[] | undefined)[][],
  dates: DateCell[],
): Promise<void> {
  // Planned with the densest data seen so far (plus a margin for escapes and UTF-8), starting from a guess.
  let bytesPerCell = INITIAL_BYTES_PER_CELL;
  const sources: ChunkSource[] = areas.map((area) => ({
    rows: area.rows,
    rowsWithin: (_start, maxBytes) => Math.floor(maxBytes / Math.max(1, area.cols * bytesPerCell)),
    bytes: (_start, count) => count * area.cols * bytesPerCell,
    queue: (start, count) => {
      // Values and number formats (ExcelApi 1.1): a number formatted as a date is a date.
      const range = sheets[area.sheet]!.getRangeByIndexes(area.top + start, area.left, count, area.cols).load('values,numberFormat');
      return () => {
        const target = out[area.sheet]!;
        const formats = range.numberFormat as unknown[][];
        let measured = 0;
        (range.values as unknown[][]).forEach((row, r) => {
          const cells: Cell[] = new Array<Cell>(area.left).fill(null);
          row.forEach((v, c) => {
            cells.push(toCell(v));
            const format = String(formats[r]?.[c] ?? '');
            measured += (typeof v === 'string' ? v.length + 3 : String(v).length + 1) + format.length + 3;
            if (typeof v === 'number' && isDateFormat(format)) dates.push({ sheet: area.sheet, row: area.top + start + r, col: area.left + c, serial: v });
          });
          while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
          target[area.top + start + r] = cells;
        });
        const cellCount = count * area.cols;
        if (cellCount > 0) bytesPerCell = Math.max(bytesPerCell, Math.ceil((measured / cellCount) * 1.5));
      };
    },
  }));
  await syncInChunks(context, sources);
}

/** Date cells whose displayed text is read to tell the workbook's date system. */
const DATE_SAMPLES = 16;

/**
 * Date cells become `YYYY-MM-DD` in the workbook's date system. No released requirement set
 * tells the date system (Workbook.use1904DateSystem is a preview API, ExcelApi BETA), so it is
 * read off the workbook itself: the text Excel displays for a few date cells (Range.text,
 * ExcelApi 1.1) names the year of one system and not of the other. One sync, only when the
 * workbook has date cells; where no sample decides (e.g. a format without the year), 1900.
 */
async function readDates(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[], out: (Cell[] | undefined)[][], dates: readonly DateCell[]): Promise<void> {
  if (dates.length === 0) return;
  const distinct = new Map<number, DateCell>();
  for (const d of dates) if (distinct.size < DATE_SAMPLES && !distinct.has(Math.floor(d.serial))) distinct.set(Math.floor(d.serial), d);
  const samples = [...distinct.values()].map((d) => ({ d, range: sheets[d.sheet]!.getRangeByIndexes(d.row, d.col, 1, 1).load('text') }));
  await context.sync();
  const date1904 = dateSystemFromText(samples.map(({ d, range }) => ({ serial: d.serial, text: String((range.text as unknown[][])[0]?.[0] ?? '') }))) ?? false;
  for (const d of dates) {
    const iso = serialToIso(d.serial, date1904);
    const row = out[d.sheet]?.[d.row];
    if (iso !== undefined && row) row[d.col] = iso;
  }
}
