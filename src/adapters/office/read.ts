import type { Cell, DefinedName, MergedArea, SheetGrid, SheetVisibility, WorkbookGrid } from '../../core/grid';
import { parseA1 } from '../../core/grid';
import { type ChunkSource, syncInChunks } from './chunks';
import { parseNameFormula } from './payload';

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
 */
export const MERGED_AREAS_LIMIT = 512;

/**
 * RangeAreas.address → merged areas. Documented form: "Sheet1!A1:B4, Sheet1!D1:D4" (the sheet
 * name before every block, quoted where Excel quotes it: 'Amt 1'!A1:B3). Accepted as well: `$`
 * signs, `;` between blocks (RangeAreas addresses accept both separators), no sheet names.
 */
export function parseMergedAddress(address: string): MergedArea[] {
  // Quoted sheet names may contain anything, even `!` and `,`: drop them first.
  const bare = address.replace(/'(?:[^']|'')*'!/g, '').replace(/[^,;!']*!/g, '');
  const out: MergedArea[] = [];
  for (const part of bare.split(/[,;]/)) {
    const [from, to] = part.trim().split(':');
    const a = from === undefined ? undefined : parseA1(from);
    const b = to === undefined ? a : parseA1(to);
    if (a && b) out.push({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
  }
  return out;
}

/**
 * Reads every worksheet's used values, merged areas and visibility and the workbook's
 * defined names in 2 + (one per chunk) syncs, whatever the number of sheets: all sheets'
 * sizes in one sync, then values in row chunks of at most ~4 MB, several sheets per chunk.
 * A sheet with more than 512 merged areas costs one sync more, and the banded merged areas
 * one per ~4 MB chunk (still independent of the number of sheets).
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
  const wholeSheet = sheets.map((ws) => {
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load('address');
    return merged;
  });
  let merges: MergedArea[][];
  try {
    await context.sync();
    merges = wholeSheet.map((m) => (!m.isNullObject && m.address ? parseMergedAddress(m.address) : []));
  } catch {
    // Most likely a sheet with more than 512 merged areas; a failed batch delivers no loads.
    used = usedRanges();
    await context.sync();
    merges = await readMergesInBands(context, sheets, areasOf(used));
  }

  const areas = areasOf(used);
  const rows: (Cell[] | undefined)[][] = sheets.map(() => []);
  await readValues(context, sheets, areas, rows);

  const grids: SheetGrid[] = sheets.map((ws, i) => ({
    name: ws.name,
    visibility: visibilityOf(ws.visibility),
    rows: rows[i] ?? [],
    merges: merges[i] ?? [],
  }));
  const definedNames: DefinedName[] = [];
  for (const n of names.items) {
    if (n.type !== 'Range') continue;
    const ref = parseNameFormula(String(n.formula ?? ''));
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

/** Estimated response per band of merged areas (the halving retry covers denser sheets). */
const BAND_BYTES = 2_000;

/**
 * Merged areas of the used ranges, read in row bands of at most 512 cells (so at most 512
 * merged areas each), several bands and sheets per sync. An area met by two bands is kept once.
 */
async function readMergesInBands(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[], areas: readonly UsedArea[]): Promise<MergedArea[][]> {
  const out = new Map<number, Map<string, MergedArea>>();
  const sources: ChunkSource[] = areas.map((area) => {
    const height = Math.max(1, Math.floor(MERGED_AREAS_LIMIT / area.cols));
    const bands = Math.ceil(area.rows / height);
    return {
      rows: bands,
      rowsWithin: (_start, maxBytes) => Math.floor(maxBytes / BAND_BYTES),
      bytes: (_start, count) => count * BAND_BYTES,
      queue: (start, count) => {
        const loaded: Excel.RangeAreas[] = [];
        for (let b = start; b < start + count; b++) {
          const top = area.top + b * height;
          const band = sheets[area.sheet]!.getRangeByIndexes(top, area.left, Math.min(height, area.top + area.rows - top), area.cols);
          const merged = band.getMergedAreasOrNullObject();
          merged.load('address');
          loaded.push(merged);
        }
        return () => {
          const seen = out.get(area.sheet) ?? new Map<string, MergedArea>();
          out.set(area.sheet, seen);
          for (const m of loaded) {
            if (m.isNullObject || !m.address) continue;
            for (const a of parseMergedAddress(m.address)) seen.set(`${a.top}:${a.left}:${a.bottom}:${a.right}`, a);
          }
        };
      },
    };
  });
  await syncInChunks(context, sources);
  return sheets.map((_ws, i) => [...(out.get(i)?.values() ?? [])].sort((a, b) => a.top - b.top || a.left - b.left));
}

async function readValues(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  areas: readonly UsedArea[],
  out: (Cell[] | undefined)[][],
): Promise<void> {
  // Planned with the densest data seen so far (plus a margin for escapes and UTF-8), starting from a guess.
  let bytesPerCell = INITIAL_BYTES_PER_CELL;
  const sources: ChunkSource[] = areas.map((area) => ({
    rows: area.rows,
    rowsWithin: (_start, maxBytes) => Math.floor(maxBytes / Math.max(1, area.cols * bytesPerCell)),
    bytes: (_start, count) => count * area.cols * bytesPerCell,
    queue: (start, count) => {
      const range = sheets[area.sheet]!.getRangeByIndexes(area.top + start, area.left, count, area.cols);
      range.load('values');
      return () => {
        const target = out[area.sheet]!;
        let measured = 0;
        (range.values as unknown[][]).forEach((row, r) => {
          const cells: Cell[] = new Array<Cell>(area.left).fill(null);
          for (const v of row) {
            cells.push(toCell(v));
            measured += (typeof v === 'string' ? v.length + 3 : String(v).length + 1);
          }
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
