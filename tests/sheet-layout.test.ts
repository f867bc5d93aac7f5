/** Issue 12: the Vergleich and Monitoring sheets as laid out for reading and printing. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../src/adapters/xlsx/reader';
import type { OutputSheet, OutTable, OutText } from '../src/core/output-model';
import { textWidthPt } from '../src/core/outputs/font-metrics';
import { sheetColumnWidths } from '../src/core/outputs/widths';
import { evaluateWorkbook, reportSheets } from '../src/core/report';

const DEMO = join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const sheets = reportSheets(evaluateWorkbook(readXlsx(readFileSync(DEMO)), { currentYear: 2026 }), { evaluatedAt: '2025-03-05' });
const sheet = (role: OutputSheet['role']): OutputSheet => sheets.find((s) => s.role === role)!;
const tables = (s: OutputSheet): OutTable[] => s.blocks.filter((b): b is OutTable => b.kind === 'table');

describe('Vergleich layout', () => {
  const vergleich = sheet('Vergleich');

  it('puts the text in one block of fixed width above the tables', () => {
    const lines = vergleich.blocks.filter((b): b is OutText => b.kind === 'text' && b.style === 'paragraph');
    expect(lines.length).toBeGreaterThan(3);
    const firstTable = Math.min(...tables(vergleich).map((t) => t.row));
    expect(Math.max(...lines.map((l) => l.row))).toBeLessThan(firstTable);
    // every line fits the width of the first table (label column and six number columns)
    const widths = sheetColumnWidths(vergleich);
    const block = [0, 1, 2, 3, 4, 5, 6].reduce((sum, c) => sum + (widths.get(c) ?? 0), 0);
    for (const l of lines) expect(textWidthPt(l.text)).toBeLessThanOrEqual(block);
    expect(lines.map((l) => l.text).join(' ')).toContain('(2023: 7 LeiKa-Leistungen, 2024: 102 LeiKa-Leistungen)');
  });

  it.each(['Vergleich', 'Monitoring'] as const)('%s: no table inherits a column width meant for another table', (role) => {
    const s = sheet(role);
    const widths = sheetColumnWidths(s);
    const stretched: string[] = [];
    for (const t of tables(s))
      t.widthsPt!.forEach((own, c) => {
        // less than two characters of slack: a column is never visibly widened by another table
        if ((widths.get(t.col + c) ?? 0) - own > 10) stretched.push(`${t.id} „${t.header[c]}“ ${own} → ${widths.get(t.col + c)}`);
      });
    expect(stretched).toEqual([]);
  });

  it('keeps the transition matrix headers short and the rows named in full', () => {
    const matrix = tables(vergleich).find((t) => t.heatMap)!;
    expect(matrix.header.slice(1)).toEqual(['Analog', 'Kein Potenzial', 'PDF', 'Digital', 'In Umsetzung']);
    expect(Math.max(...matrix.header.slice(1).map((h) => textWidthPt(h, { bold: true })))).toBeLessThan(textWidthPt('Optimierungspotenzial', { bold: true }));
  });

  it('prints on A4 landscape', () => {
    expect(vergleich.orientation).toBe('landscape');
  });
});
