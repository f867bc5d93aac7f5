import { analyze, codes, nonZero } from '../support/grid';

/*
 * SPEC v3 (§2, §4, §8): what users' hand-made sheets did to the published table before, one
 * test per case of issue 8.
 */
const K1 = '99001001001000';
const K2 = '99002002002000';
const K3 = '99003003003000';
const NBSP = '\u00a0';
const BOM = '\ufeff';

describe('regression (issue 8): folding comes first, no raw-length pre-filters', () => {
  it('reads header cells padded with spaces and non-breaking spaces (the sheet is not skipped, no year column dropped)', () => {
    const pad = ' '.repeat(45);
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          [`${pad}LeiKa-Schlüssel${pad}`, `Leistung${NBSP.repeat(50)}`, `${BOM}Umsetzungsstatus 2023${pad}${pad}`, `Umsetzungsstatus${NBSP}2024`],
          [K1, 'Hundesteuer', 'analog', 'PDF'],
        ],
      },
    ]);
    expect(a.officeSheets.map((s) => [s.sheet, s.years])).toEqual([['Amt', [2023, 2024]]]);
    expect(nonZero(a, 2023)).toEqual({ Analog: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
  });

  it('a totals word padded with spaces is a totals row, not a service', () => {
    const a = analyze([{ name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], [K1, 'X', 'PDF'], [null, `Summe${' '.repeat(30)}`, 1]] }]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['TOTALS_ROW Amt!B3']);
  });

  it('reads a decomposed umlaut, typographic dashes and a byte-order mark in headers as the alias', () => {
    const a = analyze([{ name: 'Amt', rows: [[`${BOM}LeiKa\u2013Schlu\u0308ssel`, 'Leistung:', 'Stand\u20142024', 'Status\u20112024'], [K1, 'X', 'PDF', 'online']] }]);
    expect(a.officeSheets[0]?.years).toEqual([2024]);
    expect(codes(a)).toEqual(['DUPLICATE_YEAR_COLUMN Amt!D1']);
  });

  it('a status cell holding only `-`, `–`, `.` or spaces is empty: not inventoried, no UNKNOWN_STATUS', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          ['LeiKa', 'Leistung', 'Status 2023', 'Status 2024'],
          [K1, 'A', '-', 'PDF'],
          [K2, 'B', '\u2013', '.'],
          [K3, 'C', ` ${NBSP}`, 'Digital'],
        ],
      },
    ]);
    expect(a.years).toEqual([2024]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Nicht zugeordnet': 1, 'Alle Dienstleistungen': 3 });
    expect(codes(a)).toEqual(['NO_STATUS Amt!C3']);
  });

  it('matches status values whatever dashes, non-breaking spaces or trailing dot they carry', () => {
    const a = analyze([
      { name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], [K1, 'A', `PDF\u2013Formular`], [K2, 'B', `vor${NBSP}Ort.`], [K3, 'C', `${BOM}Online\u2011Dienst`]] },
    ]);
    expect(nonZero(a, 2024)).toEqual({ Analog: 1, PDF: 1, Digital: 1, 'Alle Dienstleistungen': 3 });
    expect(codes(a)).toEqual([]);
  });
});

describe('regression (issue 8): header remarks and `alias: year`', () => {
  it('reads `LeiKa-Schlüssel (14-stellig)`, `Leistung (Bezeichnung)`, `Reifegrad (0–4)` and `Stand: 2024` as headers', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          ['LeiKa-Schlüssel (14-stellig)', 'Leistung (Bezeichnung)', 'Stand: 2024', 'Reifegrad (0–4)', 'Bemerkung (optional)'],
          [K1, 'A', 'PDF', null, 'x'],
          [K2, 'B', null, 3, null],
        ],
      },
    ]);
    expect(a.officeSheets.map((s) => [s.sheet, s.years])).toEqual([['Amt', [2024]]]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Alle Dienstleistungen': 2 });
    expect(a.records.map((r) => r.remark)).toEqual(['x', '']);
    expect(codes(a)).toEqual([]);
  });

  it('reads `Umsetzungsstatus - 2024` and `Status (2023) (Entwurf)` as year status columns', () => {
    const a = analyze([{ name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status (2023) (Entwurf)', 'Umsetzungsstatus - 2024'], [K1, 'A', 'analog', 'PDF']] }]);
    expect(nonZero(a, 2023)).toEqual({ Analog: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
  });

  it('a date note `Stand: 31.03.2024` is still no header', () => {
    const a = analyze([{ name: 'Amt', rows: [['LeiKa', 'Leistung', 'Stand: 31.03.2024'], [K1, 'A', 'PDF']] }]);
    expect(a.officeSheets).toEqual([]);
  });
});

describe('regression (issue 8): section headings (SPEC §2)', () => {
  it('a heading merged across the table is not counted, with one info on its cell', () => {
    const a = analyze([
      {
        name: 'Ordnungsamt',
        rows: [['LeiKa', 'Leistung', 'Status 2023', 'Status 2024'], ['Jagdwesen', null, null, null], [K1, 'Jagdschein', 'PDF', 'PDF']],
        merges: ['A2:D2'],
      },
    ]);
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(a.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([['SECTION_HEADING', 'info', 'A2']]);
    expect(a.officeSheets[0]?.serviceRows).toBe(1);
  });

  it('`Hundesteuer` alone in the Leistung column is a heading; with a key, a status or a remark beside it, a service', () => {
    const a = analyze([
      {
        name: 'Kämmerei',
        rows: [
          ['LeiKa', 'Leistung', 'Status 2024', 'Bemerkung'],
          [null, 'Hundesteuer', null, null],
          [K1, 'Hundesteuer', null, null],
          [null, 'Hundesteuer', 'PDF', null],
          [null, 'Hundesteuer', null, 'neu'],
        ],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Nicht zugeordnet': 2, 'Alle Dienstleistungen': 3 });
    expect(codes(a).filter((c) => !c.startsWith('NO_KEY'))).toEqual(['SECTION_HEADING Kämmerei!B2', 'NO_STATUS Kämmerei!C3', 'NO_STATUS Kämmerei!C5']);
  });

  it('a heading merged down over two rows is reported once, at the top-left of its area', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [['LeiKa', 'Leistung', 'Status 2024'], ['Abschnitt Jagd', null, null], [null, null, null], [K1, 'X', 'PDF']],
        merges: ['A2:C3'],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['SECTION_HEADING Amt!A2']);
  });

  it('a row that only continues a merged area from above holds nothing: no heading, no service', () => {
    const a = analyze([
      {
        name: 'Dezernat',
        rows: [
          ['Amt', 'LeiKa', 'Leistung', 'Status 2024'],
          ['Bauamt', K1, 'Baugenehmigung', 'PDF'],
          [null, K2, 'Abbruchanzeige', 'Digital'],
          [null, null, null, null],
          ['Kämmerei', K3, 'Hundesteuer', 'Analog'],
          [null, null, null, null],
        ],
        merges: ['A2:A4', 'B5:B6', 'C5:C6'],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ Analog: 1, PDF: 1, Digital: 1, 'Alle Dienstleistungen': 3 });
    expect(codes(a)).toEqual([]);
  });

  it('a status alone without key or name stays a status without service', () => {
    const a = analyze([{ name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], [null, null, 'PDF'], [K1, 'X', 'PDF']] }]);
    expect(codes(a)).toEqual(['STATUS_WITHOUT_SERVICE Amt!C2']);
  });
});

describe('regression (issue 8): totals rows (§4 rule 1)', () => {
  it('skips „Ergebnis“ and „Gesamtergebnis“ rows (PivotTable totals)', () => {
    const a = analyze([
      { name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], [K1, 'X', 'PDF'], ['Ergebnis', null, 1], [null, 'Gesamtergebnis', 1]] },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['TOTALS_ROW Amt!A3', 'TOTALS_ROW Amt!B4']);
  });

  it('skips `Summe Analog` (no valid key, no recognised status), keeps „Ergebnis der Wahl …“ with a key or a status', () => {
    const a = analyze([
      {
        name: 'Wahlamt',
        rows: [
          ['LeiKa', 'Leistung', 'Status 2024'],
          [null, 'Summe Analog', 12],
          [K1, 'Ergebnis der Wahl öffentliche Bekanntmachung', 'PDF'],
          [null, 'Anzahl Leistungen gesamt', null],
          [null, 'Ergebnis der Kommunalwahl', 'online'],
        ],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Alle Dienstleistungen': 2 });
    expect(codes(a)).toEqual(['TOTALS_ROW Wahlamt!B2', 'TOTALS_ROW Wahlamt!B4', 'NO_KEY Wahlamt!A5']);
  });

  it('a `Summe` merged across key and name is a totals row', () => {
    const a = analyze([{ name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], [K1, 'X', 'PDF'], ['Summe:', null, 1]], merges: ['A3:B3'] }]);
    expect(codes(a)).toEqual(['TOTALS_ROW Amt!A3']);
  });
});

describe('regression (issue 8): rule 2 after status entries, in the row’s Jahr (§4 rules 2 and 5)', () => {
  it('a row without status before the same key with a status does not win: DUPLICATE_KEY on its key cell', () => {
    const a = analyze([{ name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], [K1, 'X', null], [K1, 'X', 'Digital']] }]);
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Alle Dienstleistungen': 1 });
    expect(a.records.map((r) => r.cell)).toEqual(['C3']);
    expect(a.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ['NO_STATUS', 'warning', 'C2'],
      ['DUPLICATE_KEY', 'warning', 'A2'],
    ]);
  });

  it('also when the status entry stands on a later sheet of the same office', () => {
    const a = analyze([
      { name: 'Dezernat', rows: [['Amt', 'LeiKa', 'Leistung', 'Status'], ['Bauamt', K1, 'X', null]] },
      { name: 'Bauamt', rows: [['LeiKa', 'Leistung', 'Status'], [K1, 'X', 'PDF']] },
    ]);
    expect(nonZero(a, 2026)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['NO_STATUS Dezernat!D2', 'DUPLICATE_KEY Dezernat!B2']);
  });

  it('long format: a row without status lands in its Jahr, a Jahr given as a date too', () => {
    const a = analyze([
      {
        name: 'L',
        rows: [
          ['LeiKa', 'Leistung', 'Jahr', 'Status'],
          [K1, 'X', 2024, 'PDF'],
          [K2, 'Y', '2023-12-31', null],
          [K3, 'Z', '2024-01-15', 'online'],
        ],
      },
    ]);
    expect(nonZero(a, 2023)).toEqual({ 'Nicht zugeordnet': 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Alle Dienstleistungen': 2 });
    expect(codes(a)).toEqual(['NO_STATUS L!D3']);
  });

  it('a row with an invalid Jahr gets INVALID_YEAR and is not counted', () => {
    const a = analyze([{ name: 'L', rows: [['LeiKa', 'Leistung', 'Jahr', 'Status'], [K1, 'X', 2024, 'PDF'], [K2, 'Y', 'letztes Jahr', 'PDF'], [K3, 'Z', 1999, null]] }]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['INVALID_YEAR L!C3', 'INVALID_YEAR L!C4']);
  });
});

describe('regression (issue 8): report year from years that hold values (SPEC §2)', () => {
  it('an empty column set up in advance for next year moves neither the report year nor the yearless status column', () => {
    const a = analyze([
      { name: 'A', rows: [['LeiKa', 'Leistung', 'Umsetzungsstatus 2024', 'Umsetzungsstatus 2025'], [K1, 'X', 'PDF', null]] },
      { name: 'B', rows: [['LeiKa', 'Leistung', 'Umsetzungsstatus'], [K2, 'Y', 'Digital']] },
    ]);
    expect([a.reportYear, a.reportYearSource]).toEqual([2024, 'workbook']);
    expect(a.years).toEqual([2024]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Alle Dienstleistungen': 2 });
  });

  it('values in a totals row or `-` placeholders do not make a year', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [['LeiKa', 'Leistung', 'Status 2024', 'Status 2025'], [K1, 'X', 'PDF', '–'], ['Summe', null, 1, 0]],
      },
    ]);
    expect(a.reportYear).toBe(2024);
  });

  it('long format: rows set up in advance for next year (Jahr, no status) are not reported', () => {
    const a = analyze([{ name: 'L', rows: [['LeiKa', 'Leistung', 'Jahr', 'Status'], [K1, 'X', 2024, 'PDF'], [K1, 'X', 2025, null]] }]);
    expect(a.reportYear).toBe(2024);
    expect(a.years).toEqual([2024]);
    expect(codes(a)).toEqual([]);
  });

  it('years after a report year given by setting are not reported, and their rows are no rule-2 rows', () => {
    const a = analyze([
      { name: 'A', rows: [['LeiKa', 'Leistung', 'Status 2023', 'Status 2024'], [K1, 'X', 'PDF', 'Digital'], [K2, 'Y', null, 'online']] },
      { name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', 2023]] },
    ]);
    expect(a.years).toEqual([2023]);
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual([]);
  });
});
