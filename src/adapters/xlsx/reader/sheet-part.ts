import type { Cell, MergedArea } from '../../../core/grid';
import { areaRef, cellColumn, rowNumber } from './cell-ref';
import { serialToIso } from '../../../core/serial-date';
import { isoDateValue } from './dates';
import { MAX_COLS, MAX_ROWS, MAX_TEXT, READ_ERRORS, corrupt, tooLarge } from './errors';
import { type Package, scanPart } from './parts';
import { unescapeOoxml } from './refs';
import { type XmlHandler, attribute, decodeEntities, eachAttribute } from './xml-scan';

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
  private col = -1;
  private type = '';
  private style = -1;
  private value: string | undefined;
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
    const n = s.charCodeAt(nameStart);
    if (n === 114) {
      this.refStart = valueStart;
      this.refEnd = valueEnd;
    } else if (n === 116) this.type = cellType(s, valueStart, valueEnd);
    else if (n === 115) this.style = smallInt(s, valueStart, valueEnd);
  };
  private source = '';

  constructor(
    private readonly ctx: SheetContext,
    private readonly pkg: Package,
  ) {}

  readonly capture = { text: false };

  open(name: string, s: string, from: number, to: number): void {
    switch (name) {
      case 'c': {
        if (!this.row) return;
        this.source = s;
        this.refStart = -1;
        this.type = '';
        this.style = -1;
        eachAttribute(s, from, to, this.cellAttribute);
        if (this.refStart >= 0) this.col = cellColumn(s, this.refStart, this.refEnd, this.ctx.name);
        else if (++this.col >= MAX_COLS) throw tooLarge(READ_ERRORS.cellBeyond(this.ctx.name, `Spalte ${this.col + 1}`));
        this.value = undefined;
        this.inline = undefined;
        return;
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
        const r = attribute(s, from, to, 'r');
        if (r !== undefined) this.rowIndex = rowNumber(r, this.ctx.name);
        else if (++this.rowIndex >= MAX_ROWS) throw tooLarge(READ_ERRORS.rowBeyond(this.ctx.name, String(this.rowIndex + 1)));
        this.row = this.rows[this.rowIndex] ?? [];
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

  private startCapture(kind: Capture): void {
    this.capturing = kind;
    this.capture.text = true;
    this.buffer = '';
  }

  private stopCapture(): void {
    this.capturing = Capture.None;
    this.capture.text = false;
  }

  text(raw: string, cdata: boolean): void {
    this.buffer += cdata ? raw : decodeEntities(raw);
    if (this.buffer.length > MAX_TEXT) throw corrupt(READ_ERRORS.textTooLong(`Blatt „${this.ctx.name}“`));
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        if (this.capturing === Capture.Value) {
          this.value = this.value === undefined ? this.buffer : this.value + this.buffer;
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
          this.rows[this.rowIndex] = this.row;
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

  private cellValue(): Cell {
    const raw = this.value;
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

const TYPES = ['s', 'n', 'b', 'e', 'd', 'str', 'inlineStr'];

/** A cell's `t` as one of the known constants (no string made per cell). */
function cellType(s: string, from: number, to: number): string {
  for (const t of TYPES) if (t.length === to - from && s.startsWith(t, from)) return t;
  return s.slice(from, to);
}

/** A style index (`s="12"`); -1 when it is none. */
function smallInt(s: string, from: number, to: number): number {
  let n = 0;
  if (to <= from || to - from > 9) return -1;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
