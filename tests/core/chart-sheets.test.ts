import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { evaluateWorkbook } from '../../src/core/report';

describe('chart and dialog sheets (SPEC §2)', () => {
  it('lists them as skipped with the reason „Diagrammblatt“ and still counts the office sheet', async () => {
    const bytes = readFileSync(join(__dirname, '..', 'fixtures', 'reader', 'chart-and-dialog-sheets.xlsx'));
    const { analysis } = evaluateWorkbook(await readXlsx(bytes), { currentYear: 2024 });
    expect(analysis.skippedSheets).toEqual([
      { sheet: 'Diagramm', reason: 'Diagrammblatt' },
      { sheet: 'Dialog', reason: 'Diagrammblatt' },
    ]);
    expect(analysis.total[2024]?.['Alle Dienstleistungen']).toBe(2);
  });
});
