import type { Cell } from '../../src/core/grid';
import { analyze, codes, type SheetSpec } from '../support/grid';

const office = (name: string, key: string): SheetSpec => ({ name, rows: [['LeiKa', 'Leistung', 'Status 2024'], [key, 'X', 'PDF']] });
const OFFICES = [office('Jugendamt', '99001001001000'), office('Bauen, Wohnen', '99002002002000'), office('Ordnungsamt', '99003003003000')];
const settings = (...row: Cell[]): SheetSpec => ({ name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], row] });
const evaluated = (specs: SheetSpec[]): string[] => analyze(specs).officeSheets.map((s) => s.sheet);

describe('regression (issue 8): Ausgewertete Blätter (SPEC §8)', () => {
  it('takes one sheet name per cell from column B on; a comma is part of the name', () => {
    expect(evaluated([...OFFICES, settings('Ausgewertete Blätter', 'Jugendamt', 'Bauen, Wohnen')])).toEqual(['Jugendamt', 'Bauen, Wohnen']);
  });

  it('splits a cell that names no sheet as a whole at `;`, never at `,`', () => {
    const a = analyze([...OFFICES, settings('Ausgewertete Blätter', 'Bauen, Wohnen; Jugendamt')]);
    expect(a.officeSheets.map((s) => s.sheet)).toEqual(['Jugendamt', 'Bauen, Wohnen']);
    expect(a.settings.sheets).toEqual(['Jugendamt', 'Bauen, Wohnen']);
    expect(a.findings).toEqual([]);
  });

  it('compares names folded', () => {
    expect(evaluated([...OFFICES, settings('ausgewertete Blaetter', ' JUGENDAMT ', 'bauen,\u00a0wohnen')])).toEqual(['Jugendamt', 'Bauen, Wohnen']);
  });

  it('tells apart sheet names that fold alike by their exact spelling', () => {
    const specs = [office('Straße', '99001001001000'), office('Strasse', '99002002002000')];
    expect(evaluated([...specs, settings('Ausgewertete Blätter', 'Straße')])).toEqual(['Straße']);
    expect(evaluated([...specs, settings('Ausgewertete Blätter', 'Strasse')])).toEqual(['Strasse']);
  });

  it('a listed name that names no sheet, or a hidden one, gets INVALID_SETTING on its cell and stays skipped', () => {
    const hidden: SheetSpec = { ...office('Altdaten', '99004004004000'), visibility: 'hidden' };
    const a = analyze([...OFFICES, hidden, settings('Ausgewertete Blätter', 'Jugendamt', 'Bauen', 'Altdaten')]);
    expect(a.officeSheets.map((s) => s.sheet)).toEqual(['Jugendamt']);
    expect(a.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([['INVALID_SETTING', 'error', 'C2']]);
    expect(a.findings[0]?.message).toMatch(/„Bauen“, „Altdaten“/);
    expect(a.skippedSheets.find((s) => s.sheet === 'Altdaten')?.reason).toBe('ausgeblendet');
  });

  it('is ignored where no listed name names a visible sheet: every office sheet is evaluated', () => {
    const a = analyze([...OFFICES, settings('Ausgewertete Blätter', 'Bauen; Wohnen')]);
    expect(a.officeSheets.map((s) => s.sheet)).toEqual(['Jugendamt', 'Bauen, Wohnen', 'Ordnungsamt']);
    expect(a.settings.sheets).toBeUndefined();
    expect(codes(a)).toEqual(['INVALID_SETTING Einstellungen!B2']);
    expect(a.findings[0]?.message).toMatch(/ignoriert/);
  });
});

describe('settings and Zuordnung are read once, into the analysis (issue 10)', () => {
  it('returns Berichtsjahr, the selected sheets and the user mapping', () => {
    const a = analyze([
      ...OFFICES,
      { name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', 2024], ['Ausgewertete Blätter', 'Ordnungsamt']] },
      { name: 'zuordnung', rows: [['Wert', 'Cluster'], ['teilweise digital', 'Projekt in Umsetzung']] },
    ]);
    expect(a.settings).toEqual({ reportYear: 2024, sheets: ['Ordnungsamt'] });
    expect(a.mapping).toEqual([{ value: 'teilweise digital', cluster: 'Projekt in Umsetzung' }]);
  });
});
