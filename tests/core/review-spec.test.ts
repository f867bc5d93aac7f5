import { analyze, codes, nonZero, sheet } from '../support/grid';

/*
 * Review: locks in behaviour of SPEC §2–§4 that was checked against the letter of the SPEC.
 * Only behaviour that already passes lives here (deviations are reported to the lead).
 */
const K1 = '99001001001000';
const K2 = '99002002002000';

describe('review: header detection (SPEC §2)', () => {
  it('skips title rows and a date note "Stand: 31.03.2024"; a status column without year belongs to the calendar year when nothing names one', () => {
    const a = analyze([
      { name: 'Amt A', rows: [['Digitalisierungsübersicht Amt A'], ['Stand: 31.03.2024'], [], ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus'], [K1, 'X', 'PDF']] },
    ]);
    expect(a.reportYear).toBe(2026);
    expect(a.reportYearSource).toBe('calendar');
    expect(nonZero(a, 2026)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual([]);
  });

  it('reads `Status (2023)`, `Stand 2024`, `[2022]`, a trailing colon and line breaks as year status headers', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [
          ['LeiKa-\nSchlüssel', 'Leistung', 'Status (2023)', 'Stand 2024', 'Status [2022]', 'OZG-Reifegrad (2021):', 'Umsetzungsstatus\r\n2020'],
          [K1, 'X', 'PDF', 'Digital', 'analog', 3, 'geplant'],
        ],
      },
    ]);
    expect(a.years).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(nonZero(a, 2020)).toEqual({ 'Projekt in Umsetzung': 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2021)).toEqual({ Digital: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2022)).toEqual({ Analog: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual([]);
  });

  it('reads bare years as number or text; a second column for the same year is ignored with an error on its header cell', () => {
    const a = analyze([{ name: 'A', rows: [['LeiKa-Nr.', 'Leistung', 2023, '2024', 2024], [K1, 'X', 'PDF', 'Digital', 'Analog']] }]);
    expect(a.years).toEqual([2023, 2024]);
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['DUPLICATE_YEAR_COLUMN A!E1']);
  });

  it('reads a two-row header: status alias merged over years, key and name merged vertically', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [
          ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus', null, 'Bemerkung'],
          [null, null, 2023, '2024', null],
          [K1, 'X', 'PDF', 'Digital', 'b'],
        ],
        merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2'],
      },
    ]);
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual([]);
  });

  it('finds a second table further down (beyond row 30) as a further table of the same office', () => {
    const rows: (string | number | null)[][] = [['LeiKa', 'Leistung', 'Status 2024']];
    for (let i = 0; i < 40; i++) rows.push([`990010010${String(10000 + i)}`, `L${i}`, 'PDF']);
    rows.push([], ['Schlüssel', 'Bezeichnung', 'Status'], [K2, 'Y', 'Digital']);
    const a = analyze([{ name: 'A', rows }]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 40, Digital: 1, 'Alle Dienstleistungen': 41 });
    expect(a.offices.map((o) => o.office)).toEqual(['A']);
  });

  it('does not look for the first header row below row 30', () => {
    const rows: (string | null)[][] = Array.from({ length: 30 }, () => ['Hinweis']);
    rows.push(['LeiKa', 'Leistung', 'Status 2024'], [K1, 'X', 'PDF']);
    const a = analyze([{ name: 'A', rows }]);
    expect(a.officeSheets).toEqual([]);
    expect(a.skippedSheets.map((s) => s.sheet)).toEqual(['A']);
  });
});

describe('review: report year (SPEC §2)', () => {
  const noYear = { name: 'A', rows: [['LeiKa', 'Leistung', 'Status'], [K1, 'X', 'PDF']] };
  const named = { name: 'B', rows: [['LeiKa', 'Leistung', 'Status 2023'], [K2, 'Y', 'PDF']] };
  const settings = { name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', 2025]] };

  it('takes the latest year named in any office sheet header', () => {
    const a = analyze([noYear, named]);
    expect(a.reportYear).toBe(2023);
    expect(nonZero(a, 2023)).toEqual({ PDF: 2, 'Alle Dienstleistungen': 2 });
  });

  it('prefers the setting Berichtsjahr, and --year over the setting', () => {
    expect(analyze([noYear, named, settings]).reportYear).toBe(2025);
    const a = analyze([noYear, named, settings], { year: 2022 });
    expect(a.reportYear).toBe(2022);
    // SPEC v3 §2: years after the report year are not reported
    expect(a.years).toEqual([2022]);
  });

  it('takes the latest year of a long format year column', () => {
    const a = analyze([{ name: 'L', rows: [['LeiKa', 'Leistung', 'Berichtsjahr', 'Status'], [K1, 'X', 2023, 'PDF'], [K1, 'X', '2024', 'Digital'], [K2, 'Y', null, 'PDF']] }]);
    expect(a.reportYear).toBe(2024);
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Alle Dienstleistungen': 2 });
    expect(codes(a)).toEqual([]);
  });
});

describe('review: keys, totals and rows without service (SPEC §4)', () => {
  it('normalises keys and reports invalid and missing ones on the key cell', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [
          ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
          [99001001001000, 'Zahl', 'PDF'],
          ['99 002 002 002 000', 'Leerzeichen', 'PDF'],
          ['99.003.003.003.000', 'Punkte', 'PDF'],
          ["'99-004-004-004-000", 'Bindestriche', 'PDF'],
          ['9,9067E+13', 'wissenschaftlich', 'PDF'],
          ['nicht im LeiKa', 'ohne', 'PDF'],
          [null, 'leer', 'PDF'],
          ['12345', 'kurz', 'PDF'],
        ],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 8, 'Alle Dienstleistungen': 8 });
    expect(codes(a)).toEqual(['INVALID_KEY A!A6', 'NO_KEY A!A7', 'NO_KEY A!A8', 'INVALID_KEY A!A9']);
  });

  it('skips totals rows (info on the first non-empty cell) and warns on a status without key or name', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [
          ['Amt', 'LeiKa-Schlüssel', 'Leistung', 'Status 2024'],
          [null, K1, 'X', 'PDF'],
          [null, 'Summe', null, 7],
          [null, null, 'Insgesamt:', 7],
          ['Gesamt', null, null, 'PDF'],
        ],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['TOTALS_ROW A!B3', 'TOTALS_ROW A!C4', 'STATUS_WITHOUT_SERVICE A!D5']);
  });

  it('takes the Reifegrad of a year only where its status is empty', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [
          ['LeiKa', 'Leistung', 'Status 2024', 'Reifegrad 2024'],
          [K1, 'X', 'PDF', 4],
          [K2, 'Y', null, '1'],
          ['99003003003000', 'Z', null, 2.5],
          ['99004004004000', 'W', null, null],
        ],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ Analog: 1, PDF: 1, 'Nicht zugeordnet': 2, 'Alle Dienstleistungen': 4 });
    expect(codes(a)).toEqual(['INVALID_REIFEGRAD A!D4', 'NO_STATUS A!C5']);
  });
});

describe('review: duplicates and offices (SPEC §2, §4)', () => {
  it('dedups per office (office column or sheet name) and year; KEY_IN_SEVERAL_OFFICES once per key and later office', () => {
    const a = analyze([
      {
        name: 'Ordnungsamt',
        rows: [
          ['Amt', 'LeiKa-Schlüssel', 'Leistung', 'Status 2023', 'Status 2024'],
          ['Bürgeramt', K1, 'X', 'PDF', 'Digital'],
          [null, K2, 'Y', 'PDF', 'PDF'],
          ['  Straßen   verkehrsamt ', K1, 'X', 'Analog', 'Analog'],
          [null, K1, 'X', 'Analog', 'Digital'],
        ],
        merges: ['A2:A3'],
      },
      { name: 'Bürgeramt', rows: [['LeiKa-Schlüssel', 'Leistung', 'Status 2024'], [K1, 'X', 'Digital'], [K2, 'Y', 'Analog']] },
    ]);
    expect(a.offices.map((o) => o.office)).toEqual(['Bürgeramt', 'Straßen verkehrsamt', 'Ordnungsamt']);
    expect(nonZero(a, 2024)).toEqual({ Analog: 1, PDF: 1, Digital: 2, 'Alle Dienstleistungen': 4 });
    expect(codes(a)).toEqual([
      'KEY_IN_SEVERAL_OFFICES Ordnungsamt!B4',
      'KEY_IN_SEVERAL_OFFICES Ordnungsamt!B5',
      'DUPLICATE_KEY Bürgeramt!A2',
      'CONFLICTING_DUPLICATE Bürgeramt!A3',
    ]);
  });

  it('an excluded value is no first occurrence; one duplicate finding per later row and year', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [
          ['LeiKa', 'Leistung', '2023', '2024'],
          [K1, 'X', 'nicht zuständig', 'PDF'],
          [K1, 'X', 'PDF', 'PDF'],
          [K1, 'X', 'PDF', 'Analog'],
        ],
      },
    ]);
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['EXCLUDED A!C2', 'DUPLICATE_KEY A!A3', 'DUPLICATE_KEY A!A4', 'CONFLICTING_DUPLICATE A!A4']);
  });

  it('user mapping in Zuordnung wins over built-ins and can exclude', () => {
    const a = analyze([
      { name: 'Zuordnung', rows: [['Wert', 'Cluster'], ['PDF', 'Digital'], ['teilweise digital', 'Projekt in Umsetzung'], ['x', 'ausgeschlossen']] },
      { name: 'A', rows: [['LeiKa', 'Leistung', 'Status 2024'], [K1, 'X', 'pdf'], [K2, 'Y', 'Teilweise Digital'], ['99003003003000', 'Z', 'X']] },
    ]);
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Projekt in Umsetzung': 1, 'Alle Dienstleistungen': 2 });
    expect(codes(a)).toEqual(['EXCLUDED A!C4']);
    expect(a.skippedSheets.map((s) => s.sheet)).toEqual(['Zuordnung']);
  });

  it('skips hidden sheets (ausgeblendet) and sheets marked LeiKaMonitor_*; their header years do not set the report year', () => {
    const office = { name: 'A', rows: [['LeiKa', 'Leistung', 'Status'], [K1, 'X', 'PDF']] };
    const hidden = { name: 'B', visibility: 'hidden' as const, rows: [['LeiKa', 'Leistung', 'Status 2023'], [K2, 'Y', 'PDF']] };
    const marked = { name: 'Gesamtliste', rows: [['Jahr', 'Amt', 'LeiKa-Schlüssel', 'Leistung', 'Status'], [2030, 'A', K1, 'X', 'PDF']] };
    const wb = {
      sheets: [office, hidden, marked].map(sheet),
      definedNames: [{ name: 'LeiKaMonitor_Gesamtliste', sheet: 'Gesamtliste', cell: 'A1' }],
    };
    const a = analyze(wb);
    expect(a.reportYear).toBe(2026);
    expect(a.skippedSheets.map((s) => [s.sheet, s.reason.startsWith('ausgeblendet')])).toEqual([
      ['B', true],
      ['Gesamtliste', false],
    ]);
  });
});
