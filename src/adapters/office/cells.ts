import type { OutBlock, OutputSheet, OutValue } from '../../core/output-model';
import { DATE_FORMAT, DATE_TIME_FORMAT, NUMBER_FORMATS, TEXT_FORMAT } from '../../core/outputs/style';
import { isoToSerial } from '../../core/serial-date';

/** A link cell: the text is written like any text, the hyperlink set on the cell afterwards. */
export interface LinkCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly sheet: string;
  readonly cell: string;
}

/**
 * A rectangle of an output sheet ready for range.values / range.numberFormat. Every text cell
 * gets the text format `@` (set before the value), so `=…` stays text and keys stay text.
 */
export interface CellBlock {
  readonly row: number;
  readonly col: number;
  readonly width: number;
  readonly values: (string | number)[][];
  readonly formats: string[][];
  readonly links: readonly LinkCell[];
  /** Estimated request bytes per row (values, formats, links, JSON punctuation). */
  readonly rowBytes: readonly number[];
}


function cellOf(value: OutValue): { value: string | number; format: string } {
  switch (value.kind) {
    case 'empty':
      return { value: '', format: TEXT_FORMAT };
    case 'text':
      return { value: value.text, format: TEXT_FORMAT };
    case 'number':
      return { value: value.value, format: NUMBER_FORMATS[value.format] };
    case 'date': {
      const d = isoToSerial(value.iso);
      return d ? { value: d.serial, format: d.hasTime ? DATE_TIME_FORMAT : DATE_FORMAT } : { value: value.iso, format: TEXT_FORMAT };
    }
    case 'link':
      return { value: value.text, format: TEXT_FORMAT };
  }
}

function rowBytes(values: readonly (string | number)[], formats: readonly string[], links: number): number {
  let n = 8;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    // JSON escapes and UTF-8 can double a string's length: count it twice to stay under the limit.
    n += (typeof v === 'string' ? v.length * 2 + 3 : String(v).length + 1) + formats[i]!.length + 3;
  }
  return n + links * 200;
}

/** Text and table blocks of an output sheet as cell rectangles (charts have no cells). */
export function cellBlocks(sheet: OutputSheet): CellBlock[] {
  return sheet.blocks.flatMap((block: OutBlock): CellBlock[] => {
    if (block.kind === 'text') {
      const values = [[block.text]];
      const formats = [[TEXT_FORMAT]];
      return [{ row: block.row, col: block.col, width: 1, values, formats, links: [], rowBytes: [rowBytes(values[0]!, formats[0]!, 0)] }];
    }
    if (block.kind !== 'table') return [];
    const width = Math.max(block.header.length, ...block.rows.map((r) => r.length));
    const values: (string | number)[][] = [];
    const formats: string[][] = [];
    const links: LinkCell[] = [];
    const bytes: number[] = [];
    const header = Array.from({ length: width }, (_, c) => block.header[c] ?? '');
    values.push(header);
    formats.push(header.map(() => TEXT_FORMAT));
    bytes.push(rowBytes(header, formats[0]!, 0));
    block.rows.forEach((row, r) => {
      const v: (string | number)[] = [];
      const f: string[] = [];
      let rowLinks = 0;
      for (let c = 0; c < width; c++) {
        const out = row[c] ?? { kind: 'empty' };
        const cell = cellOf(out);
        v.push(cell.value);
        f.push(cell.format);
        if (out.kind === 'link') {
          links.push({ row: block.row + 1 + r, col: block.col + c, text: out.text, sheet: out.sheet, cell: out.cell });
          rowLinks++;
        }
      }
      values.push(v);
      formats.push(f);
      bytes.push(rowBytes(v, f, rowLinks));
    });
    return [{ row: block.row, col: block.col, width, values, formats, links, rowBytes: bytes }];
  });
}
