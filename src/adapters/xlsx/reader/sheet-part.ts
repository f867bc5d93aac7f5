import type { Cell, MergedArea } from '../../../core/grid';
import { areaRef, cellColumn, rowIndexAt } from './cell-ref';
import { serialToIso } from '../../../core/serial-date';
import { isoDateValue } from './dates';
import { MAX_COLS, MAX_ROWS, MAX_TEXT, READ_ERRORS, corrupt, tooLarge } from './errors';
import { type Package, scanPart } from './parts';
import { unescapeOoxml } from './refs';
import { type XmlHandler, attribute, eachAttribute, plainTextBefore, startsWith, textOf } from './xml-scan';

/** What a sheet part's cells are read against. */
export interface SheetContext {
  readonly name: string;
  readonly strings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

export interface SheetCells {
  /** Sparse: a row or cell that holds nothing is a hole, so memory follows the filled cells. */
  readonly rows: (Cell[] | undefined)[];
  readonly merges: MergedArea[];
}

/**
 * Reads a worksheet part into sparse rows. Every reference is checked against Excel's sheet
 * size; merged areas are cut to the used range (the cells that hold something), and the
 * cells they fill count against the budget like filled cells.
 */
export function readSheetPart(pkg: Package, path: string, ctx: SheetContext): SheetCells {
  const reader = new SheetReader(ctx, pkg);
  scanPart(pkg, path, reader);
  return reader.finish();
}

const enum Capture {
  None,
  Value,
  InlineText,
}

class SheetReader implements XmlHandler {
  readonly rows: (Cell[] | undefined)[] = [];
  private readonly rawMerges: MergedArea[] = [];
  private inSheetData = false;
  private rowIndex = -1;
  private row: Cell[] | undefined;
  private rowCells = 0;
  /** Where a new row's cells are gathered until the row ends (see takeScratch). */
  private scratch: Cell[] = [];
  private col = -1;
  private type = '';
  private style = -1;
  /** The cell's `<v>` as text, where it is not read from the bytes (`raw*`). */
  private value: string | undefined;
  /** The cell's `<v>` as written, where it came in one piece of character data: numbers and indices are read from these bytes. */
  private rawSource: Uint8Array | undefined;
  private rawFrom = 0;
  private rawTo = 0;
  private inline: string | undefined;
  private inInline = false;
  private phonetic = 0;
  private capturing = Capture.None;
  private buffer = '';
  private maxRow = -1;
  private maxCol = -1;
  private refStart = -1;
  private refEnd = -1;
  /** Reads `<c r t s>` in one pass; only single-letter names matter, the type is compared in place. */
  private readonly cellAttribute = (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void => {
    if (nameEnd - nameStart !== 1) return;
    const s = this.source;
    const n = s[nameStart];
    if (n === 114) {
      this.refStart = valueStart;
      this.refEnd = valueEnd;
    } else if (n === 116) this.type = cellType(s, valueStart, valueEnd);
    else if (n === 115) this.style = smallInt(s, valueStart, valueEnd);
  };
  /** Finds `<row r>` (the first). */
  private readonly rowAttribute = (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void => {
    if (nameEnd - nameStart !== 1 || this.source[nameStart] !== 114 || this.refStart >= 0) return;
    this.refStart = valueStart;
    this.refEnd = valueEnd;
  };
  private source: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly ctx: SheetContext,
    private readonly pkg: Package,
  ) {}

  readonly capture = { text: false };

  open(name: string, s: Uint8Array, from: number, to: number, content: number): number | void {
    switch (name) {
      case 'c': {
        if (!this.row) return undefined;
        this.source = s;
        this.refStart = -1;
        this.type = '';
        this.style = -1;
        eachAttribute(s, from, to, this.cellAttribute);
        if (this.refStart >= 0) this.col = cellColumn(s, this.refStart, this.refEnd, this.ctx.name);
        else if (++this.col >= MAX_COLS) throw tooLarge(READ_ERRORS.cellBeyond(this.ctx.name, `Spalte ${this.col + 1}`));
        this.value = undefined;
        this.rawSource = undefined;
        this.inline = undefined;
        return content >= 0 && !this.inInline ? this.plainCell(this.row, s, content) : undefined;
      }
      case 'v':
        if (this.row && !this.inInline) this.startCapture(Capture.Value);
        return;
      case 't':
        if (this.inInline && this.phonetic === 0) this.startCapture(Capture.InlineText);
        return;
      case 'is':
        if (!this.row) return;
        this.inInline = true;
        this.inline ??= '';
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'row': {
        if (!this.inSheetData) return;
        this.source = s;
        this.refStart = -1;
        eachAttribute(s, from, to, this.rowAttribute);
        if (this.refStart >= 0) this.rowIndex = rowIndexAt(s, this.refStart, this.refEnd, this.ctx.name);
        else if (++this.rowIndex >= MAX_ROWS) throw tooLarge(READ_ERRORS.rowBeyond(this.ctx.name, String(this.rowIndex + 1)));
        this.row = this.rows[this.rowIndex];
        if (!this.row) {
          // emptied here, not when a row ends: a row left open by a row that follows (broken XML) keeps nothing for it
          this.scratch.length = 0;
          this.row = this.scratch;
        }
        this.rowCells = 0;
        this.col = -1;
        return;
      }
      case 'sheetData':
        this.inSheetData = true;
        return;
      case 'mergeCell': {
        const ref = attribute(s, from, to, 'ref');
        if (ref !== undefined) this.rawMerges.push(areaRef(ref, this.ctx.name));
        return;
      }
      case 'dimension': {
        const ref = attribute(s, from, to, 'ref');
        if (ref !== undefined) areaRef(ref, this.ctx.name);
        return;
      }
    }
  }

  /**
   * The common cell `<c …><v>17</v></c>`, read in one step: where the content at `at` is one
   * `<v>` and the end tag, whole in `s`, the cell is stored as its events would store it and
   * the index after `</c>` returned. Anything else (a formula, inline text, CDATA, whitespace,
   * a cut chunk) goes through the events.
   */
  private plainCell(row: Cell[], s: Uint8Array, at: number): number | undefined {
    if (!startsWith(s, '<v>', at)) return undefined;
    const from = at + 3;
    const to = plainTextBefore(s, from, '</v></c>', MAX_TEXT);
    if (to < 0) return undefined;
    this.rawSource = s;
    this.rawFrom = from;
    this.rawTo = to;
    this.store(row);
    return to + 8;
  }

  private startCapture(kind: Capture): void {
    // a second <v> in one cell continues the first
    if (kind === Capture.Value && this.rawSource !== undefined) this.value = this.rawText();
    this.capturing = kind;
    this.capture.text = true;
    this.buffer = '';
  }

  /** The `<v>` kept as bytes, as text (where more of it follows). */
  private rawText(): string {
    const text = textOf(this.rawSource!, this.rawFrom, this.rawTo, false);
    this.rawSource = undefined;
    return text;
  }

  private stopCapture(): void {
    this.capturing = Capture.None;
    this.capture.text = false;
  }

  text(source: Uint8Array, from: number, to: number, cdata: boolean): void {
    if (this.capturing === Capture.Value) {
      // the common `<v>17</v>` is kept as bytes until the cell's type says what it is
      if (this.rawSource !== undefined) this.buffer = this.rawText();
      else if (this.buffer === '' && this.value === undefined && !cdata && to - from <= MAX_TEXT) {
        this.rawSource = source;
        this.rawFrom = from;
        this.rawTo = to;
        return;
      }
    }
    this.buffer += textOf(source, from, to, cdata);
    if (this.buffer.length > MAX_TEXT) throw corrupt(READ_ERRORS.textTooLong(`Blatt „${this.ctx.name}“`));
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        if (this.capturing === Capture.Value) {
          if (this.rawSource === undefined) this.value = (this.value ?? '') + this.buffer;
          this.stopCapture();
        }
        return;
      case 't':
        if (this.capturing === Capture.InlineText) {
          this.inline += this.buffer;
          this.stopCapture();
        }
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'c':
        if (this.row) this.store(this.row);
        return;
      case 'row':
        if (this.row && this.rowCells > 0) {
          this.pkg.budget.addCells(this.rowCells);
          this.rows[this.rowIndex] = this.row === this.scratch ? this.takeScratch() : this.row;
          if (this.rowIndex > this.maxRow) this.maxRow = this.rowIndex;
        }
        this.row = undefined;
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
    }
  }

  private store(row: Cell[]): void {
    const cell = this.cellValue();
    if (cell === null) return;
    if (row[this.col] === undefined) this.rowCells++;
    row[this.col] = cell;
    if (this.col > this.maxCol) this.maxCol = this.col;
  }

  /**
   * The new row's cells in an array of their own size. A row grown cell by cell keeps room
   * for 17 cells and more, which on 100,000 rows of six cells is 9 MB of heap the garbage
   * collector copies; a row with a far-out cell is sparse already and is kept as it is.
   */
  private takeScratch(): Cell[] {
    const row = this.scratch;
    // the scratch was emptied when the row began: its length is one past the row's last cell
    if (row.length <= SPARSE_FROM) return row.slice();
    this.scratch = [];
    return row;
  }

  private cellValue(): Cell {
    const bytes = this.rawSource;
    if (bytes !== undefined && (this.type === 's' || this.type === '' || this.type === 'n')) {
      // read from the bytes where they are plain digits; anything else as text, below
      const n = plainNumber(bytes, this.rawFrom, this.rawTo);
      if (n !== undefined) {
        if (this.type === 's') return Number.isInteger(n) ? (this.ctx.strings[n] ?? null) || null : null;
        if (this.style >= 0 && this.ctx.dateStyles[this.style] === true) return serialToIso(n, this.ctx.date1904) ?? n;
        return n;
      }
    }
    const raw = bytes !== undefined ? this.rawText() : this.value;
    switch (this.type) {
      case 's': {
        if (raw === undefined) return null;
        const index = Number(raw);
        return Number.isInteger(index) && raw.trim() !== '' ? (this.ctx.strings[index] ?? null) || null : null;
      }
      case 'inlineStr': {
        // the text is in <is>; a <v> beside it repeats it (some writers), alone it is the text
        const text = this.inline ?? raw;
        return text ? unescapeOoxml(text) : null;
      }
      case 'str':
        return raw ? unescapeOoxml(raw) : null;
      case 'b':
        if (raw === undefined || raw.trim() === '') return null;
        return raw.trim() === '1' || raw.trim() === 'true' ? true : raw.trim() === '0' || raw.trim() === 'false' ? false : raw;
      case 'e':
        return raw === undefined || raw.trim() === '' ? null : { kind: 'error', code: raw.trim() };
      case 'd':
        if (raw === undefined || raw.trim() === '') return null;
        return isoDateValue(raw) ?? raw;
      default: {
        if (raw === undefined || raw.trim() === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return raw;
        if (this.style >= 0 && this.ctx.dateStyles[this.style] === true) return serialToIso(n, this.ctx.date1904) ?? n;
        return n;
      }
    }
  }

  finish(): { rows: (Cell[] | undefined)[]; merges: MergedArea[] } {
    const merges: MergedArea[] = [];
    for (const m of this.rawMerges) {
      if (m.top > this.maxRow || m.left > this.maxCol) continue;
      const area = { top: m.top, left: m.left, bottom: Math.min(m.bottom, this.maxRow), right: Math.min(m.right, this.maxCol) };
      merges.push(area);
      const anchor = this.rows[area.top]?.[area.left];
      if (anchor !== undefined && anchor !== null) this.pkg.budget.addCells((area.bottom - area.top + 1) * (area.right - area.left + 1) - 1);
    }
    return { rows: this.rows, merges };
  }
}

/** A row reaching this column is left as the sparse array it became (as grid.ts walks such rows by their cells). */
const SPARSE_FROM = 1024;

const TYPES = ['s', 'n', 'b', 'e', 'd', 'str', 'inlineStr'];

/** A cell's `t` as one of the known constants (no string made per cell). */
function cellType(s: Uint8Array, from: number, to: number): string {
  for (const t of TYPES) if (t.length === to - from && startsWith(s, t, from)) return t;
  return textOf(s, from, to, false);
}


/**
 * `bytes[from, to)` as a number where it is written as plain decimal digits (`-`, one `.`, at
 * most 15 digits): exactly what `Number` makes of it, since both the digits and the power of
 * ten are exact and the division rounds once. Undefined for anything else (exponents, spaces,
 * entities, more digits), which is read as text.
 */
function plainNumber(bytes: Uint8Array, from: number, to: number): number | undefined {
  let i = from;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let digits = 0;
  let fraction = -1;
  let n = 0;
  for (; i < to; i++) {
    const d = bytes[i]! - 48;
    if (d >= 0 && d <= 9) {
      n = n * 10 + d;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (d === -2 && fraction < 0) fraction = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || fraction === 0) return undefined;
  if (fraction > 0) n /= POWERS_OF_TEN[fraction]!;
  return negative ? -n : n;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** A style index (`s="12"`); -1 when it is none. */
function smallInt(s: Uint8Array, from: number, to: number): number {
  let n = 0;
  if (to <= from || to - from > 9) return -1;
  for (let i = from; i < to; i++) {
    const d = s[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
