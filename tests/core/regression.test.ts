import { analyze, codes, nonZero } from '../support/grid';

describe('regression (issue 2, review of the engine against SPEC §2–§4)', () => {
  it('a header cell merged down over two rows makes both rows the header', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'], [null, null, '(Auswahlliste)'], ['99001001001000', 'X', 'PDF']],
        merges: ['A1:A2', 'B1:B2'],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual([]);
  });

  it('a status alias merged over a column kept free for next year is no duplicate year column', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus', null, null], [null, null, 2023, 2024, null], ['99001001001000', 'X', 'analog', 'PDF', null]],
        merges: ['A1:A2', 'B1:B2', 'C1:E1'],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual([]);
  });

  it('long format: a row with no status counts as Nicht zugeordnet in its Jahr (§4 rule 2, SPEC v3)', () => {
    const a = analyze([
      {
        name: 'L',
        rows: [['LeiKa', 'Leistung', 'Jahr', 'Status'], ['99001001001000', 'X', 2024, 'PDF'], ['99002002002000', 'Y', 2023, null]],
      },
    ]);
    expect(a.years).toEqual([2023, 2024]);
    expect(nonZero(a, 2023)).toEqual({ 'Nicht zugeordnet': 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['NO_STATUS L!D3']);
  });

  it('lists an office whose services are all excluded, with zeros, in order of first appearance', () => {
    const a = analyze([
      {
        name: 'Dezernat',
        rows: [['Amt', 'LeiKa', 'Leistung', 'Status 2024'], ['B-Amt', '99001001001000', 'X', 'entfällt'], ['C-Amt', '99002002002000', 'Y', 'PDF']],
      },
    ]);
    expect(a.offices.map((o) => [o.office, o.counts[2024]!['Alle Dienstleistungen']])).toEqual([
      ['B-Amt', 0],
      ['C-Amt', 1],
    ]);
  });

  it('an Excel error in a status cell gets no spelling suggestion', () => {
    const a = analyze([{ name: 'A', rows: [['LeiKa', 'Leistung', 'Status'], ['99001001001000', 'X', { kind: 'error', code: '#N/A' }]] }]);
    expect(a.findings.map((f) => [f.code, f.suggestion])).toEqual([['UNKNOWN_STATUS', undefined]]);
  });
});

describe('SPEC v3 readings that replace the literal readings of SPEC v2 (issue 8)', () => {
  it('a header with a colon before the year is that year\'s status', () => {
    const a = analyze([{ name: 'A', rows: [['LeiKa', 'Leistung', 'Stand: 2024'], ['99001001001000', 'X', 'PDF']] }]);
    expect(a.officeSheets.map((s) => [s.sheet, s.years])).toEqual([['A', [2024]]]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
  });

  it('a text with digits merged across the table gives its row no key, name or status: not counted', () => {
    const a = analyze([
      {
        name: 'A',
        rows: [['LeiKa', 'Leistung', 'Status 2023', 'Status 2024'], ['Abteilung 1', null, null, null], ['99001001001000', 'X', 'PDF', 'PDF']],
        merges: ['A2:D2'],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual([]);
  });
});
