import { analyze } from '../support/grid';

const office = { name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2023', 'Status'], ['99001001000000', 'A', 'PDF', 'online']] };

describe('report year (SPEC §2)', () => {
  it('is the latest year named in any header', () => {
    const a = analyze([office, { name: 'Amt 2', rows: [['Leistung', 'Stand 2025'], ['B', 'PDF']] }]);
    expect([a.reportYear, a.reportYearSource]).toEqual([2025, 'workbook']);
    expect(a.total[2025]?.['Alle Dienstleistungen']).toBe(2);
  });

  it('is the latest year of a year column', () => {
    const a = analyze([{ name: 'Amt', rows: [['Jahr', 'Leistung', 'Status'], [2022, 'A', 'PDF'], [2021, 'A', 'PDF']] }]);
    expect(a.reportYear).toBe(2022);
  });

  it('comes from the setting Berichtsjahr before the workbook', () => {
    const a = analyze([office, { name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', '2024']] }]);
    expect([a.reportYear, a.reportYearSource]).toEqual([2024, 'setting']);
    expect(a.years).toEqual([2023, 2024]);
  });

  it('comes from --year before the setting', () => {
    const a = analyze([office, { name: 'Einstellungen', rows: [['Berichtsjahr', 2024]] }], { year: 2030 });
    expect([a.reportYear, a.reportYearSource]).toEqual([2030, 'option']);
    expect(a.years).toEqual([2023, 2030]);
  });

  it('falls back to the calendar year', () => {
    const a = analyze([{ name: 'Amt', rows: [['Leistung', 'Status'], ['A', 'PDF']] }], { currentYear: 2027 });
    expect([a.reportYear, a.reportYearSource]).toEqual([2027, 'calendar']);
  });

  it('flags an invalid Berichtsjahr setting and ignores it', () => {
    const a = analyze([
      { name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2023'], ['99001001000000', 'A', 'PDF']] },
      { name: 'Einstellungen', rows: [['Berichtsjahr', 'nächstes']] },
    ]);
    expect(a.reportYear).toBe(2023);
    expect(a.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual(['INVALID_SETTING Einstellungen!B1']);
  });

  it('evaluates only the sheets listed under Ausgewertete Blätter', () => {
    const a = analyze([
      office,
      { name: 'Amt 2', rows: [['Leistung', 'Status 2023'], ['B', 'PDF']] },
      { name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], ['Ausgewertete Blätter', 'Amt 2; Amt 3']] },
    ]);
    expect(a.officeSheets.map((s) => s.sheet)).toEqual(['Amt 2']);
    expect(a.skippedSheets.map((s) => s.sheet)).toEqual(['Amt', 'Einstellungen']);
  });
});
