/**
 * SPEC §5 „One look“: the report workbook (ExcelJS) and the sheets written inside Excel
 * (Office.js, on the fake) carry the same style records for the same output model.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { OfficeWorkbookAdapter } from '../src/adapters/office';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import type { OutputSheet } from '../src/core/output-model';
import { OUTPUT_STYLE } from '../src/core/outputs/style';
import { textWidthPt } from '../src/core/outputs/font-metrics';
import { CELL_PADDING_PT, longestWordPt, pointsToFileWidth, sheetColumnWidths } from '../src/core/outputs/widths';
import { evaluateWorkbook, reportSheets } from '../src/core/report';
import { FakeBook, fakeExcelRun } from './support/fake-excel';
import { columnLetters } from '../src/core/grid';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

const DEMO = join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');

function model(): OutputSheet[] {
  const evaluation = evaluateWorkbook(readXlsx(readFileSync(DEMO)), { currentYear: 2026 });
  return reportSheets(evaluation, { evaluatedAt: '2025-03-05' });
}

/**
 * Style records of one sheet: per cell the features it carries beyond the defaults (bold,
 * italic, a size other than 11 pt, a font colour, a fill, wrapped text), the border colours used,
 * column widths in the file's unit, gridlines and the Excel tables' style. Hyperlink fonts are
 * left out: inside Excel, Range.hyperlink applies Excel's own link style.
 */
interface Records {
  readonly cells: Record<string, string[]>;
  readonly borders: string[];
  readonly widths: Record<number, number>;
  readonly gridlines: boolean;
  readonly tableStyles: string[];
}

const features = (f: { bold?: unknown; italic?: unknown; size?: unknown; color?: unknown; fill?: unknown; wrap?: unknown }): string[] => {
  const out: string[] = [];
  if (f.bold === true) out.push('bold');
  if (f.italic === true) out.push('italic');
  if (f.size !== undefined && f.size !== OUTPUT_STYLE.font.size) out.push(`size:${String(f.size)}`);
  if (typeof f.color === 'string') out.push(`color:${f.color.replace(/^#|^FF(?=[0-9A-F]{6}$)/i, '').toUpperCase()}`);
  if (typeof f.fill === 'string') out.push(`fill:${f.fill.replace(/^#|^FF(?=[0-9A-F]{6}$)/i, '').toUpperCase()}`);
  if (f.wrap === true) out.push('wrap');
  return out;
};

function xlsxRecords(ws: ExcelJS.Worksheet, tableStyles: string[]): Records {
  const cells: Record<string, string[]> = {};
  const borders = new Set<string>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      for (const edge of [cell.border?.top, cell.border?.bottom, cell.border?.left, cell.border?.right]) if (edge?.color?.argb) borders.add(edge.color.argb.slice(2));
      const font = cell.font?.underline ? undefined : cell.font;
      const f = features({ bold: font?.bold, italic: font?.italic, size: font?.size, color: font?.color?.argb, fill: fill?.fgColor?.argb, wrap: cell.alignment?.wrapText });
      if (f.length > 0) cells[cell.address] = f.sort();
    }),
  );
  const widths: Record<number, number> = {};
  (ws.columns ?? []).forEach((c, i) => {
    if (c.width !== undefined) widths[i] = c.width;
  });
  return { cells, borders: [...borders].sort(), widths, gridlines: ws.views[0]?.showGridLines ?? true, tableStyles };
}

/** The same records from what the Office writer set on the fake Excel. */
function officeRecords(book: FakeBook, name: string): Records {
  const sheet = book.sheet(name)!;
  const props: Record<string, Record<string, unknown>> = {};
  const borders = new Set<string>();
  for (const w of sheet.formats) {
    if (/^borders\..+\.color$/.test(w.key)) borders.add(String(w.value).slice(1).toUpperCase());
    for (let r = w.rect.top; r < w.rect.top + w.rect.rows; r++)
      for (let c = w.rect.left; c < w.rect.left + w.rect.cols; c++) (props[`${columnLetters(c)}${r + 1}`] ??= {})[w.key] = w.value;
  }
  const cells: Record<string, string[]> = {};
  for (const [address, p] of Object.entries(props)) {
    const f = features({ bold: p['font.bold'], italic: p['font.italic'], size: p['font.size'], color: p['font.color'], fill: p['fill.color'], wrap: p['wrapText'] });
    if (f.length > 0) cells[address] = f.sort();
  }
  const widths: Record<number, number> = {};
  for (const [c, pt] of sheet.columnWidths) widths[c] = pointsToFileWidth(pt);
  const tableStyles = book.tables.filter((t) => t.sheet === sheet).map((t) => t.style ?? '');
  return { cells, borders: [...borders].sort(), widths, gridlines: sheet.showGridlines, tableStyles };
}

/** Table styles of the report workbook's sheet, from its table parts (parsed, not pattern-matched). */
function xlsxTableStyles(bytes: Uint8Array, sheetIndex: number): string[] {
  const zip = unzipSync(bytes);
  const rels = strFromU8(zip[`xl/worksheets/_rels/sheet${sheetIndex}.xml.rels`] ?? new Uint8Array());
  const styles: string[] = [];
  const targets: string[] = [];
  const relParser = new SaxesParser();
  relParser.on('opentag', (t) => {
    const a = t.attributes as Record<string, string>;
    if (t.name === 'Relationship' && a['Type']?.endsWith('/table')) targets.push(a['Target']!.replace(/^\.\.\//, 'xl/'));
  });
  relParser.write(rels).close();
  for (const target of targets) {
    const parser = new SaxesParser();
    parser.on('opentag', (t) => {
      if (t.name === 'tableStyleInfo') styles.push((t.attributes as Record<string, string>)['name'] ?? '');
    });
    parser.write(strFromU8(zip[target]!)).close();
  }
  return styles;
}

describe('one look for the report workbook and the sheets written inside Excel', () => {
  const sheets = model();
  let workbook: ExcelJS.Workbook;
  let bytes: Uint8Array;
  let book: FakeBook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    bytes = await writeReportWorkbook(sheets);
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    book = new FakeBook();
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(sheets);
  }, 60_000);

  const xlsxOf = (name: string): Records => {
    const index = workbook.worksheets.findIndex((w) => w.name === name) + 1;
    return xlsxRecords(workbook.getWorksheet(name)!, xlsxTableStyles(bytes, index));
  };

  it.each(['Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich'])(
    '%s: both writers give every cell the same fonts, fill and wrapping, and the sheet the same borders, widths, gridlines and table style',
    (name) => {
      expect(officeRecords(book, name)).toEqual(xlsxOf(name));
    },
  );

  it('takes every record from the one style definition', () => {
    const records = ['Monitoring', 'Vergleich', 'Prüfhinweise'].map(xlsxOf);
    expect(new Set(records.flatMap((r) => Object.values(r.cells).flat()))).toEqual(
      new Set(['bold', 'italic', 'wrap', `fill:${OUTPUT_STYLE.header.fill}`, `size:${OUTPUT_STYLE.title.size}`, `size:${OUTPUT_STYLE.note.size}`, `color:${OUTPUT_STYLE.note.color}`]),
    );
    expect(new Set(records.flatMap((r) => r.borders))).toEqual(new Set([OUTPUT_STYLE.border.color, OUTPUT_STYLE.totalBorder.color]));
    expect(records.flatMap((r) => r.tableStyles)).toEqual([OUTPUT_STYLE.tableStyle]);
  });

  it('sets every sheet of the report workbook to A4, fit to one page wide', () => {
    for (const ws of workbook.worksheets) expect([ws.name, ws.pageSetup.paperSize, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual([ws.name, 9, 1, 0]);
    expect(workbook.getWorksheet('Vergleich')!.pageSetup.orientation).toBe('landscape');
  });

  it('turns gridlines off on every output sheet', () => {
    for (const ws of workbook.worksheets) expect([ws.name, ws.views[0]?.showGridLines]).toEqual([ws.name, false]);
    for (const s of sheets) expect(book.sheet(s.role === 'Pruefhinweise' ? 'Prüfhinweise' : s.role)!.showGridlines).toBe(false);
  });

  it('gives each sheet column the widest width any of its tables asks for, in points', () => {
    const monitoring = sheets.find((s) => s.role === 'Monitoring')!;
    const expected = Object.fromEntries([...sheetColumnWidths(monitoring)].map(([c, pt]) => [c, pointsToFileWidth(pt)]));
    expect(xlsxOf('Monitoring').widths).toEqual(expected);
  });
});

describe('header widths measured with the font metrics', () => {
  it('fit every header word of every output table into its column, so no word breaks', () => {
    const tooNarrow: string[] = [];
    for (const sheet of model()) {
      const widths = sheetColumnWidths(sheet);
      for (const block of sheet.blocks) {
        if (block.kind !== 'table') continue;
        block.header.forEach((h, c) => {
          const room = (widths.get(block.col + c) ?? 0) - CELL_PADDING_PT;
          if (longestWordPt(h) > room) tooNarrow.push(`${sheet.role} ${block.id} „${h}“`);
        });
      }
    }
    expect(tooNarrow).toEqual([]);
  });

  it('measure text by its characters, not by their number', () => {
    expect(textWidthPt('iiiiiiiiii')).toBeLessThan(textWidthPt('WWWWWWWWWW') / 2);
    expect(textWidthPt('Optimierungspotenzial', { bold: true })).toBeGreaterThan(textWidthPt('Optimierungspotenzial'));
    // Calibri 11 pt: the digit advance is 507/1000 em
    expect(textWidthPt('0000')).toBeCloseTo((4 * 507 * 11) / 1000, 5);
  });
});
