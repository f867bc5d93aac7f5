import fc from 'fast-check';
import { parseSheetRef, quoteSheet, sheetRef } from '../src/core/sheet-ref';

describe('sheet references (one home for quoting and reading them)', () => {
  it('quotes every sheet name and doubles its apostrophes', () => {
    expect(quoteSheet('Monitoring')).toBe("'Monitoring'");
    expect(sheetRef("Prüf'hinweise", '$A$1')).toBe("'Prüf''hinweise'!$A$1");
    expect(sheetRef('Gesundheitsamt', 'D17', 'when needed')).toBe('Gesundheitsamt!D17');
    expect(['Amt 1', 'A1', 'Prüfhinweise', '2024'].map((s) => sheetRef(s, 'A1', 'when needed'))).toEqual(["'Amt 1'!A1", "'A1'!A1", "'Prüfhinweise'!A1", "'2024'!A1"]);
  });

  it('reads references as Excel, the xlsx package and Office.js write them', () => {
    expect(parseSheetRef("'Prüf''hinweise'!$A$1")).toEqual({ sheet: "Prüf'hinweise", cell: 'A1' });
    expect(parseSheetRef('Monitoring!b7')).toEqual({ sheet: 'Monitoring', cell: 'B7' });
    expect(parseSheetRef("='Amt 1, Süd'!$D$4")).toEqual({ sheet: 'Amt 1, Süd', cell: 'D4' });
    expect(parseSheetRef('Monitoring!$A$1:$B$2')).toBeUndefined();
    expect(parseSheetRef('SUMME(A1)')).toBeUndefined();
    expect(parseSheetRef('Monitoring!ABCD1')).toBeUndefined();
  });

  it('reads back every sheet name Excel allows', () => {
    // Excel refuses : \ / ? * [ ] in a sheet name, and an apostrophe at its start or end.
    const name = fc
      .string({ minLength: 1, maxLength: 31, unit: fc.constantFrom('A', 'ä', ' ', '!', "'", '-', '1', '(', 'ß') })
      .filter((s) => !s.startsWith("'") && !s.endsWith("'"));
    fc.assert(
      fc.property(name, fc.constantFrom('always' as const, 'when needed' as const), (sheet, quotes) =>
        expect(parseSheetRef(sheetRef(sheet, '$C$12', quotes))).toEqual({ sheet, cell: 'C12' }),
      ),
    );
  });
});
