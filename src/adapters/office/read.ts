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

/** `Amt 1!A1:B3, 'Amt 1'!C5` with the sheet prefix removed → merged areas. */
function parseMergedAddress(address: string, sheet: string): MergedArea[] {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  const bare = address.split(quoted).join('').split(`${sheet}!`).join('');
  const out: MergedArea[] = [];
  for (const part of bare.split(/,\s*/)) {
    const [from, to] = part.split(':');
    const a = from === undefined ? undefined : parseA1(from);
    const b = to === undefined ? a : parseA1(to);
    if (a && b) out.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return out;
}

/**
 * Reads every worksheet's used values, merged areas and visibility and the workbook's
 * defined names in 2 + (one per chunk) syncs, whatever the number of sheets: all sheets'
 * sizes in one sync, then values in row chunks of at most ~4 MB, several sheets per chunk.
 */
export async function readWorkbookGrid(context: Excel.RequestContext): Promise<WorkbookGrid> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  await context.sync();

  const sheets = worksheets.items;
  const used = sheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    const merged = ws.getRange().getMergedAreasOrNullObject();
    merged.load('address');
    return { range, merged };
  });
  await context.sync();

  const areas: UsedArea[] = [];
  used.forEach(({ range }, sheet) => {
    if (!range.isNullObject && range.rowCount > 0 && range.columnCount > 0) {
      areas.push({ sheet, top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount });
    }
  });
  const rows: (Cell[] | undefined)[][] = sheets.map(() => []);
  await readValues(context, sheets, areas, rows);

  const grids: SheetGrid[] = sheets.map((ws, i) => {
    const merged = used[i]?.merged;
    return {
      name: ws.name,
      visibility: visibilityOf(ws.visibility),
      rows: rows[i] ?? [],
      merges: merged && !merged.isNullObject && merged.address ? parseMergedAddress(merged.address, ws.name) : [],
    };
  });
  const definedNames: DefinedName[] = [];
  for (const n of names.items) {
    if (n.type !== 'Range') continue;
    const ref = parseNameFormula(String(n.formula ?? ''));
    if (ref) definedNames.push({ name: n.name, ...ref });
  }
  return { sheets: grids, definedNames };
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
