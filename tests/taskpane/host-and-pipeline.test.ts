import { OfficeWorkbookAdapter } from '../../src/adapters/office';
import { detectHost, isDarkColour } from '../../src/taskpane/host';
import { excelServices } from '../../src/taskpane/pipeline/excel';
import { fakeBookFrom, fakeExcelRun } from '../support/fake-excel';

describe('host detection', () => {
  it('is file mode without office.js, with no host, or without an answer in time', async () => {
    await expect(detectHost(undefined, 100)).resolves.toEqual({ kind: 'none' });
    await expect(detectHost({ onReady: async () => ({ host: null }) }, 100)).resolves.toEqual({ kind: 'none' });
    await expect(detectHost({ onReady: () => new Promise(() => undefined) }, 50)).resolves.toEqual({ kind: 'none' });
  });

  it('is Excel with its theme and display language when Office reports Excel', async () => {
    const office = { onReady: async () => ({ host: 'Excel' }), context: { displayLanguage: 'en-US', officeTheme: { bodyBackgroundColor: '#262626' } } };
    await expect(detectHost(office, 100)).resolves.toEqual({ kind: 'excel', dark: true, language: 'en-US' });
    expect(isDarkColour('#FFFFFF')).toBe(false);
  });

  it('stays in Excel when the host cannot give its theme', async () => {
    const context = {};
    Object.defineProperty(context, 'officeTheme', { get: () => { throw new Error('not available'); } });
    await expect(detectHost({ onReady: async () => ({ host: 'Excel' }), context }, 100)).resolves.toEqual({ kind: 'excel', dark: false, language: 'de-DE' });
  });
});

describe('Excel services on a fake workbook', () => {
  const grid = {
    sheets: [
      {
        name: 'Bauamt',
        visibility: 'visible' as const,
        rows: [
          ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
          ['99001001000000', 'Bauantrag', 'PDF'],
          ['99001002000000', 'Abriss', 'onlien'],
        ],
        merges: [],
      },
    ],
    definedNames: [],
  };

  it('evaluates, writes the outputs, and stores settings the analysis then honours', async () => {
    const book = fakeBookFrom(grid);
    const services = excelServices(new OfficeWorkbookAdapter(fakeExcelRun(book)), () => new Date(2025, 2, 5));
    const steps: string[] = [];
    const result = await services.evaluate((s) => steps.push(s));
    expect(steps).toEqual(['read', 'analyze', 'write', 'done']);
    expect(result.analysis.total[2024]?.PDF).toBe(1);
    expect(result.analysis.findings.map((f) => [f.code, f.cell])).toContainEqual(['UNKNOWN_STATUS', 'C3']);
    expect(book.sheets.map((s) => s.name)).toEqual(['Bauamt', 'Monitoring', 'Prüfhinweise', 'Gesamtliste']);
    await services.goToCell('Bauamt', 'C3');
    expect(book.selection).toBe('Bauamt!C3');
    await expect(services.copyTable(result)).resolves.toBe('selected');
    expect(book.selection).toBe('Monitoring!A6:B13');

    await services.saveMapping([{ value: 'onlien', cluster: 'Digital' }]);
    await services.saveSettings({ reportYear: 2024, sheets: ['Bauamt'] });
    const again = await services.inspect();
    expect(again.settings).toEqual({ reportYear: 2024, sheets: ['Bauamt'] });
    expect(again.mapping).toEqual([{ value: 'onlien', cluster: 'Digital' }]);
    expect(again.analysis.total[2024]?.Digital).toBe(1);
  });
});
