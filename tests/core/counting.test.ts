import { analyze, codes, nonZero } from '../support/grid';

const HEAD = ['LeiKa-Schlüssel', 'Leistung', 'Status 2023', 'Status 2024'];

describe('counting rules (SPEC §4)', () => {
  it('counts a row with a key or a name; skips totals rows with an info', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [HEAD, ['99001001000000', null, 'PDF', 'PDF'], [null, 'Ohne Schlüssel', 'analog', 'analog'], [null, 'Summe', 2, 2], ['Gesamt:', null, null, null]],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ Analog: 1, PDF: 1, 'Alle Dienstleistungen': 2 });
    expect(codes(a)).toEqual(['NO_KEY Amt!A3', 'TOTALS_ROW Amt!B4', 'TOTALS_ROW Amt!A5']);
    expect(a.officeSheets[0]?.serviceRows).toBe(2);
  });

  it('does not count a status without key or name, and warns', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, [null, null, null, 'PDF'], [null, '  ', null, null]] }]);
    expect(a.years).toEqual([]);
    expect(codes(a)).toEqual(['STATUS_WITHOUT_SERVICE Amt!D2']);
  });

  it('counts a row inventoried in no year as Nicht zugeordnet in the report year', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, ['99001001000000', 'A', null, null], ['99001002000000', 'B', 'PDF', 'PDF']] }]);
    expect(a.reportYear).toBe(2024);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Nicht zugeordnet': 1, 'Alle Dienstleistungen': 2 });
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['NO_STATUS Amt!C2']);
  });

  it('a service empty in one year is not inventoried in that year', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, ['99001001000000', 'A', null, 'PDF']] }]);
    expect(a.years).toEqual([2024]);
    expect(a.findings).toEqual([]);
  });

  it('does not count ausgeschlossen values, with an info per cell', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, ['99001001000000', 'A', 'nicht zuständig', 'Entfällt'], ['99001002000000', 'B', 'PDF', 'keine Zuständigkeit']] }]);
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(a.total[2024]).toBeUndefined();
    expect(a.years).toEqual([2023]);
    expect(codes(a)).toEqual(['EXCLUDED Amt!C2', 'EXCLUDED Amt!D2', 'EXCLUDED Amt!D3']);
  });

  it('counts an invalid key, with an error on the key cell', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, ['9,9067E+13', 'Jagdschein', 'PDF', 'PDF'], [12345, 'B', 'PDF', 'PDF']] }]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 2, 'Alle Dienstleistungen': 2 });
    expect(codes(a)).toEqual(['INVALID_KEY Amt!A2', 'INVALID_KEY Amt!A3']);
  });

  it('reads a numeric key cell as its digits', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, [99001001000000, 'A', 'PDF', 'PDF'], ['99 001 001 000 000', 'A', 'PDF', 'PDF']] }]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['DUPLICATE_KEY Amt!A3', 'DUPLICATE_KEY Amt!A3']);
  });

  it('counts the same valid key once per office and year; the first occurrence wins', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, ['99001001000000', 'A', 'PDF', 'PDF'], ['99001001000000', 'A', 'PDF', 'online']] }]);
    expect(nonZero(a, 2023)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(a.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ['DUPLICATE_KEY', 'warning', 'A3'],
      ['CONFLICTING_DUPLICATE', 'error', 'A3'],
    ]);
  });

  it('counts the same key in two offices in both, with an info in the later office', () => {
    const a = analyze([
      { name: 'Amt A', rows: [HEAD, ['99001001000000', 'A', 'PDF', 'PDF']] },
      { name: 'Amt B', rows: [HEAD, ['99001001000000', 'A', 'PDF', 'PDF']] },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 2, 'Alle Dienstleistungen': 2 });
    expect(codes(a)).toEqual(['KEY_IN_SEVERAL_OFFICES Amt B!A2']);
    expect(a.offices.map((o) => o.office)).toEqual(['Amt A', 'Amt B']);
  });

  it('reports a key in a second office even where another key came first there (keys whose hashes collide)', () => {
    // the two keys share their 32-bit FNV-1a hash, the key-office filter's
    const [k1, k2] = ['99000950747221', '99000913417055'];
    expect(k1).not.toBe(k2);
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          ['Amt', 'LeiKa-Schlüssel', 'Leistung', 'Status 2024'],
          ['X', k1, 'A', 'PDF'],
          ['Y', k2, 'B', 'PDF'],
          ['X', k2, 'B', 'PDF'],
          ['Y', k1, 'A', 'PDF'],
        ],
      },
    ]);
    expect(codes(a)).toEqual(['KEY_IN_SEVERAL_OFFICES Amt!B4', 'KEY_IN_SEVERAL_OFFICES Amt!B5']);
    expect(nonZero(a, 2024)).toEqual({ PDF: 4, 'Alle Dienstleistungen': 4 });
  });

  it('finds the duplicates of a key in many years of one office (long format)', () => {
    const K = '99001001000000';
    const years = Array.from({ length: 12 }, (_, i) => 2013 + i);
    const a = analyze(
      [
        {
          name: 'Amt',
          rows: [['Jahr', 'LeiKa-Schlüssel', 'Leistung', 'Status'], ...years.map((y) => [y, K, 'A', 'PDF']), [2013, K, 'A', 'PDF'], [2024, K, 'A', 'Analog']],
        },
      ],
      { year: 2024 },
    );
    expect(a.years).toEqual(years);
    expect(codes(a)).toEqual(['DUPLICATE_KEY Amt!B14', 'CONFLICTING_DUPLICATE Amt!B15']);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
  });

  it('names the office by the office column, falling back to the sheet name', () => {
    const a = analyze([
      {
        name: 'Dezernat 2',
        rows: [
          ['Amt', 'Leistung', 'Status'],
          ['  Jugendamt ', 'A', 'PDF'],
          [null, 'B', 'PDF'],
          ['Sozialamt', 'C', 'online'],
          ['Jugendamt', 'D', 'online'],
        ],
      },
    ]);
    expect(a.offices.map((o) => [o.office, o.counts[2026]?.['Alle Dienstleistungen']])).toEqual([
      ['Jugendamt', 2],
      ['Dezernat 2', 1],
      ['Sozialamt', 1],
    ]);
  });

  it('applies a vertically merged office or name to every row it spans', () => {
    const a = analyze([
      {
        name: 'Dezernat',
        rows: [
          ['Amt', 'Leistung', 'Status 2024'],
          ['Jugendamt', 'A', 'PDF'],
          [null, 'B', 'PDF'],
          ['Sozialamt', 'C', 'online'],
        ],
        merges: ['A2:A3'],
      },
    ]);
    expect(a.offices.map((o) => [o.office, o.counts[2024]?.['Alle Dienstleistungen']])).toEqual([
      ['Jugendamt', 2],
      ['Sozialamt', 1],
    ]);
  });

  it('counts hidden rows like any other (a grid has no row visibility to change counts)', () => {
    const a = analyze([{ name: 'Amt', rows: [HEAD, ['99001001000000', 'A', 'PDF', 'PDF']] }]);
    expect(a.total[2024]?.['Alle Dienstleistungen']).toBe(1);
  });

  it('uses the Reifegrad where the status of the year is empty', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          ['Leistung', 'Status 2024', 'Reifegrad 2024'],
          ['A', null, 0],
          ['B', null, 1],
          ['C', null, '2'],
          ['D', null, 3],
          ['E', null, 4],
          ['F', 'analog', 4],
          ['G', null, 5],
          ['H', null, 2.5],
        ],
      },
    ]);
    expect(nonZero(a, 2024)).toEqual({ Analog: 3, PDF: 1, Digital: 2, 'Nicht zugeordnet': 2, 'Alle Dienstleistungen': 8 });
    expect(codes(a).filter((c) => c.startsWith('INVALID_REIFEGRAD'))).toEqual(['INVALID_REIFEGRAD Amt!C8', 'INVALID_REIFEGRAD Amt!C9']);
  });

  it('counts an unknown status as Nicht zugeordnet with the closest value as suggestion', () => {
    const a = analyze([{ name: 'Amt', rows: [['Leistung', 'Status 2024'], ['A', 'Digitla'], ['B', 'PDF-Formlar']] }]);
    expect(nonZero(a, 2024)).toEqual({ 'Nicht zugeordnet': 2, 'Alle Dienstleistungen': 2 });
    expect(a.findings.map((f) => [f.code, f.cell, f.suggestion])).toEqual([
      ['NO_KEY', 'A2', undefined],
      ['UNKNOWN_STATUS', 'B2', 'Digital'],
      ['NO_KEY', 'A3', undefined],
      ['UNKNOWN_STATUS', 'B3', 'PDF-Formular'],
    ]);
    expect(a.findings[1]?.message).toContain('Digitla');
  });

  it('lists years with a counted record ascending and offices in order of first appearance', () => {
    const a = analyze([
      { name: 'B-Amt', rows: [['Leistung', 2024, 2022], ['x', 'PDF', 'PDF']] },
      { name: 'A-Amt', rows: [['Leistung', 2023], ['y', 'PDF']] },
    ]);
    expect(a.years).toEqual([2022, 2023, 2024]);
    expect(a.offices.map((o) => o.office)).toEqual(['B-Amt', 'A-Amt']);
    expect(Object.keys(a.offices[1]!.counts)).toEqual(['2022', '2023', '2024']);
  });

  it('does not count Excel error values as a service name but flags them as unknown status', () => {
    const a = analyze([{ name: 'Amt', rows: [['Leistung', 'Status'], ['A', { kind: 'error', code: '#N/A' }]] }]);
    expect(nonZero(a, 2026)).toEqual({ 'Nicht zugeordnet': 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['NO_KEY Amt!A2', 'UNKNOWN_STATUS Amt!B2']);
  });

  it('puts NO_KEY on the name cell where the sheet has no key column', () => {
    const a = analyze([{ name: 'Amt', rows: [['Status', 'Leistung'], ['PDF', 'A']] }]);
    expect(codes(a)).toEqual(['NO_KEY Amt!B2']);
  });
});

describe('sheets (SPEC §2)', () => {
  it('skips hidden sheets, sheets without header and the product sheets, each with a reason', () => {
    const a = analyze({
      sheets: [
        { name: 'Anleitung', visibility: 'visible', rows: [['Bitte füllen Sie …']], merges: [] },
        { name: 'Alt', visibility: 'hidden', rows: [['Leistung', 'Status'], ['A', 'PDF']], merges: [] },
        { name: 'Amt', visibility: 'visible', rows: [['Leistung', 'Status'], ['A', 'PDF']], merges: [] },
        { name: 'Gesamtliste', visibility: 'visible', rows: [['Jahr', 'Amt', 'LeiKa-Schlüssel', 'Leistung', 'Status'], [2024, 'Amt', '', 'A', 'PDF']], merges: [] },
        { name: 'Einstellungen', visibility: 'visible', rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', 2024]], merges: [] },
      ],
      definedNames: [{ name: 'LeiKaMonitor_Gesamtliste', sheet: 'Gesamtliste', cell: 'A1' }],
    });
    expect(a.officeSheets.map((s) => s.sheet)).toEqual(['Amt']);
    expect(a.skippedSheets.map((s) => [s.sheet, s.reason.split(' ')[0]])).toEqual([
      ['Anleitung', 'keine'],
      ['Alt', 'ausgeblendet'],
      ['Gesamtliste', 'eigenes'],
      ['Einstellungen', 'eigenes'],
    ]);
    expect(a.reportYear).toBe(2024);
  });
});
