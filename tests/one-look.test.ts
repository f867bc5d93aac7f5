/**
 * SPEC §5 „One look“: the report workbook (ExcelJS) and the sheets written inside Excel
 * (Office.js, on the fake) carry the same style records for the same output model.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { OfficeWorkbookAdapter } from '../src/adapters/office';
import { readXlsx } from '../src/adapters/xlsx-reader';
import { writeReportWorkbook } from '../src/adapters/xlsx-writer';
import type { OutputSheet } from '../src/core/output-model';
import { OUTPUT_STYLE } from '../src/core/outputs/style';
import { textWidthPt } from '../src/core/outputs/font-metrics';
import { CELL_PADDING_PT, longestWordPt, pointsToFileWidth, sheetColumnWidths } from '../src/core/outputs/widths';
import { evaluateWorkbook, reportSheets } from '../src/core/report';
import { FakeBook, fakeExcelRun } from './support/fake-excel';

const DEMO = join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');

function model(): OutputSheet[] {
  const evaluation = evaluateWorkbook(readXlsx(readFileSync(DEMO)), { currentYear: 2026 });
  return reportSheets(evaluation, { evaluatedAt: '2025-03-05' });
}

/**
 * Style records of one sheet, as a set of `kind:value` strings (fills, border colours, fonts,
 * wrapping of header cells, gridlines; font sizes other than the default 11 pt) and the column
 * widths in the file's unit, sorted.
 * Hyperlink fonts are left out: inside Excel, Range.hyperlink applies Excel's own link style.
 */
interface Records {
  readonly styles: string[];
  readonly widths: number[];
}

function xlsxRecords(ws: ExcelJS.Worksheet): Records {
  const styles = new Set<string>([`gridlines:${String(ws.views[0]?.showGridLines ?? true)}`]);
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      if (fill?.fgColor?.argb) styles.add(`fill:${fill.fgColor.argb.slice(2)}`);
      for (const edge of [cell.border?.top, cell.border?.bottom, cell.border?.left, cell.border?.right])
        if (edge?.color?.argb) styles.add(`border:${edge.color.argb.slice(2)}`);
      const font = cell.font;
      if (font && !font.underline) {
        if (font.bold) styles.add('bold');
        if (font.italic) styles.add('italic');
        if (font.size && font.size !== OUTPUT_STYLE.font.size) styles.add(`size:${font.size}`);
        if (font.color?.argb) styles.add(`color:${font.color.argb.slice(2)}`);
      }
      if (cell.alignment?.wrapText) styles.add('wrap');
    }),
  );
  const widths = (ws.columns ?? []).flatMap((c) => (c.width === undefined ? [] : [c.width]));
  return { styles: [...styles].sort(), widths: widths.sort((a, b) => a - b) };
}

/** The same records from what the Office writer set on the fake (its log of format calls). */
function officeRecords(log: readonly string[]): Records {
  const styles = new Set<string>();
  const widths: number[] = [];
  for (const line of log) {
    const m = /^(?:[\w.]+\.)?(format\.[\w.()"',A-Za-z]+|showGridlines)=(.*)$/.exec(line);
    if (!m) continue;
    const [, what, raw] = m as unknown as [string, string, string];
    const value: unknown = JSON.parse(raw);
    if (what === 'showGridlines') styles.add(`gridlines:${String(value)}`);
    else if (what.endsWith('fill.color')) styles.add(`fill:${String(value).slice(1)}`);
    else if (what.includes('borders') && what.endsWith('.color')) styles.add(`border:${String(value).slice(1)}`);
    else if (what.endsWith('font.bold') && value === true) styles.add('bold');
    else if (what.endsWith('font.italic') && value === true) styles.add('italic');
    else if (what.endsWith('font.size') && value !== OUTPUT_STYLE.font.size) styles.add(`size:${String(value)}`);
    else if (what.endsWith('font.color')) styles.add(`color:${String(value).slice(1)}`);
    else if (what.endsWith('wrapText') && value === true) styles.add('wrap');
    else if (what.endsWith('columnWidth')) widths.push(pointsToFileWidth(Number(value)));
  }
  return { styles: [...styles].sort(), widths: widths.sort((a, b) => a - b) };
}

describe('one look for the report workbook and the sheets written inside Excel', () => {
  const sheets = model();
  let workbook: ExcelJS.Workbook;
  let book: FakeBook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReportWorkbook(sheets)) as unknown as ExcelJS.Buffer);
    book = new FakeBook();
    await new OfficeWorkbookAdapter(fakeExcelRun(book)).writeOutputs(sheets);
  }, 60_000);

  it.each(['Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich'])('%s: both writers set the same fills, borders, fonts, wrapping, gridlines and widths', (name) => {
    const xlsx = xlsxRecords(workbook.getWorksheet(name)!);
    const office = officeRecords(book.sheet(name)!.log);
    expect(office.styles).toEqual(xlsx.styles);
    expect(office.widths).toEqual(xlsx.widths);
  });

  it('takes every record from the one style definition', () => {
    const all = new Set(['Monitoring', 'Vergleich'].flatMap((n) => xlsxRecords(workbook.getWorksheet(n)!).styles));
    expect(all).toEqual(
      new Set([
        `gridlines:${String(OUTPUT_STYLE.showGridlines)}`,
        `fill:${OUTPUT_STYLE.header.fill}`,
        `border:${OUTPUT_STYLE.border.color}`,
        `border:${OUTPUT_STYLE.totalBorder.color}`,
        'bold',
        'italic',
        'wrap',
        `size:${OUTPUT_STYLE.title.size}`,
        `size:${OUTPUT_STYLE.note.size}`,
        `color:${OUTPUT_STYLE.note.color}`,
      ]),
    );
  });

  it('sets every sheet of the report workbook to A4, fit to one page wide', () => {
    for (const ws of workbook.worksheets) expect([ws.name, ws.pageSetup.paperSize, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight]).toEqual([ws.name, 9, 1, 0]);
    expect(workbook.getWorksheet('Vergleich')!.pageSetup.orientation).toBe('landscape');
  });

  it('turns gridlines off on every output sheet', () => {
    for (const ws of workbook.worksheets) expect([ws.name, ws.views[0]?.showGridLines]).toEqual([ws.name, false]);
    for (const s of sheets) expect(book.sheet(s.role === 'Pruefhinweise' ? 'Prüfhinweise' : s.role)!.log).toContain('showGridlines=false');
  });

  it('gives each sheet column the widest width any of its tables asks for, in points', () => {
    const monitoring = sheets.find((s) => s.role === 'Monitoring')!;
    const expected = [...sheetColumnWidths(monitoring).values()].map(pointsToFileWidth).sort((a, b) => a - b);
    expect(xlsxRecords(workbook.getWorksheet('Monitoring')!).widths).toEqual(expected);
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
