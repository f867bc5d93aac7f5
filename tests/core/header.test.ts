import { headerRole } from '../../src/core/header';
import { analyze, codes, nonZero } from '../support/grid';

describe('header aliases (SPEC §2)', () => {
  it.each(['LeiKa-Schlüssel', 'LeiKa-Nr.', 'LeiKa-Nummer', 'LeiKa-ID', 'LeiKa', 'Leistungsschlüssel', 'Schlüssel', 'LEIKA-\nSCHLÜSSEL', 'Leika Schluessel'])(
    'reads %j as the key column',
    (h) => expect(headerRole(h)).toEqual({ kind: 'key' }),
  );

  it.each(['Leistung', 'Leistungsbezeichnung', 'Bezeichnung', 'Dienstleistung', 'Verwaltungsleistung', 'Leistungsname'])('reads %j as the name column', (h) =>
    expect(headerRole(h)).toEqual({ kind: 'name' }),
  );

  it.each(['Umsetzungsstatus', 'Status', 'Digitalisierungsstatus', 'Digitalisierungsstand', 'Stand', 'Status:'])('reads %j as a status column without year', (h) =>
    expect(headerRole(h)).toEqual({ kind: 'status' }),
  );

  it.each([
    ['Umsetzungsstatus 2024', 2024],
    ['Status (2023)', 2023],
    ['Stand 2024', 2024],
    ['Digitalisierungsstand\n2023', 2023],
    ['2024', 2024],
    [2023, 2023],
  ])('reads %j as the status of %i', (h, year) => expect(headerRole(h)).toEqual({ kind: 'status', year }));

  it.each([
    ['Reifegrad', undefined],
    ['OZG-Reifegrad', undefined],
    ['Reifegrad 2024', 2024],
    ['OZG-Reifegrad (2023)', 2023],
  ])('reads %j as a Reifegrad column', (h, year) => expect(headerRole(h)).toEqual(year === undefined ? { kind: 'reifegrad' } : { kind: 'reifegrad', year }));

  it.each([
    ['Jahr', 'year'],
    ['Berichtsjahr', 'year'],
    ['Amt', 'office'],
    ['Organisationseinheit', 'office'],
    ['OE', 'office'],
    ['Dienststelle', 'office'],
    ['Bemerkung', 'remark'],
    ['Online-Dienst', 'online'],
    ['URL', 'online'],
    ['Link', 'online'],
  ])('reads %j as %s', (h, kind) => expect(headerRole(h)).toEqual({ kind }));

  it.each(['Stand: 31.03.2024', 'Leistungen', 'Status quo', '1999', 2100, 'Statusbericht 2024'])('does not read %j as a header', (h) =>
    expect(headerRole(h)).toBeUndefined(),
  );
});

describe('header row detection (SPEC §2)', () => {
  it.each(['LeiKa-Schlüssel', 'LeiKa-Nr.', 'LeiKa-Nummer', 'LeiKa-ID', 'LeiKa', 'Leistungsschlüssel', 'Schlüssel', 'Leistung', 'Leistungsbezeichnung', 'Bezeichnung', 'Dienstleistung', 'Verwaltungsleistung', 'Leistungsname'])(
    'finds a header row whose key or name column is %j, however padded or remarked',
    (alias) => {
      // U+212A KELVIN SIGN becomes K under NFC
      for (const h of [alias, `\u00a0 ${alias.toUpperCase()}\ufeff`, `– ${alias} (Pflichtfeld)`, alias.replace('K', '\u212a')]) {
        const a = analyze([{ name: 'Amt', rows: [['Titel'], [h, 'Status 2024'], ['99001001000000', 'PDF']] }]);
        expect([h, a.officeSheets.map((s) => s.serviceRows)]).toEqual([h, [1]]);
      }
    },
  );

  it('finds the header below title rows and a date note', () => {
    const a = analyze([
      {
        name: 'Ordnungsamt',
        rows: [
          ['Digitalisierungsübersicht Ordnungsamt'],
          ['Stand: 31.03.2024'],
          [],
          ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
          ['99001001000000', 'Abfallgebühr', 'PDF'],
        ],
      },
    ]);
    expect(a.officeSheets).toEqual([{ sheet: 'Ordnungsamt', serviceRows: 1, years: [2024], layout: 'wide', tables: 1 }]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
  });

  it('needs a key or name column and a status source in the same row', () => {
    const a = analyze([
      { name: 'Nur Status', rows: [['Status'], ['PDF']] },
      { name: 'Nur Name', rows: [['Leistung', 'Bemerkung'], ['A', 'x']] },
    ]);
    expect(a.officeSheets).toEqual([]);
    expect(a.skippedSheets.map((s) => s.sheet)).toEqual(['Nur Status', 'Nur Name']);
  });

  it('looks for the first header only in the first 30 rows', () => {
    const rows: (string | null)[][] = Array.from({ length: 30 }, () => ['Text']);
    rows.push(['Leistung', 'Status'], ['A', 'PDF']);
    const a = analyze([{ name: 'Spät', rows }]);
    expect(a.officeSheets).toEqual([]);
    expect(a.skippedSheets[0]?.reason).toMatch(/keine Kopfzeile/);
  });

  it('reads numeric year headers as year status columns', () => {
    const a = analyze([{ name: 'Amt', rows: [['Leistung', 2023, 2024], ['A', 'Papier', 'online']] }]);
    expect(nonZero(a, 2023)).toEqual({ Analog: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Alle Dienstleistungen': 1 });
  });

  it('reads a two-row header: a merged status alias over years', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus', null],
          [null, null, '2023', 2024],
          ['99001001000000', 'Abfallgebühr', 'analog', 'PDF'],
        ],
        merges: ['A1:A2', 'B1:B2', 'C1:D1'],
      },
    ]);
    expect(a.officeSheets[0]?.layout).toBe('two-row');
    expect(a.officeSheets[0]?.serviceRows).toBe(1);
    expect(nonZero(a, 2023)).toEqual({ Analog: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(a.findings).toEqual([]);
  });

  it('reads the long format: one row per service and year', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          ['Jahr', 'LeiKa-Nr.', 'Leistung', 'Status'],
          [2023, '99001001000000', 'Abfallgebühr', 'analog'],
          ['2024', '99001001000000', 'Abfallgebühr', 'PDF'],
        ],
      },
    ]);
    expect(a.officeSheets[0]?.layout).toBe('long');
    expect(a.years).toEqual([2023, 2024]);
    expect(nonZero(a, 2023)).toEqual({ Analog: 1, 'Alle Dienstleistungen': 1 });
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(a.findings).toEqual([]);
  });

  it('starts a further table of the same office at a second header row', () => {
    const a = analyze([
      {
        name: 'Amt',
        rows: [
          ['Leistung', 'Status 2024'],
          ['A', 'PDF'],
          [],
          ['Bezeichnung', 'Reifegrad 2024'],
          ['B', 3],
        ],
      },
    ]);
    expect(a.officeSheets[0]?.tables).toBe(2);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, Digital: 1, 'Alle Dienstleistungen': 2 });
  });

  it('counts only the leftmost of two columns for the same year and flags the other', () => {
    const a = analyze([{ name: 'Amt', rows: [['Leistung', 'Status 2024', 'Umsetzungsstatus (2024)'], ['A', 'PDF', 'analog']] }]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['DUPLICATE_YEAR_COLUMN Amt!C1', 'NO_KEY Amt!A2']);
  });

  it('a status column without year belongs to the report year and collides with that year', () => {
    const a = analyze([{ name: 'Amt', rows: [['Leistung', 'Status 2023', 'Status', 'Status 2024'], ['A', 'PDF', 'online', 'analog']] }]);
    expect(a.reportYear).toBe(2024);
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Alle Dienstleistungen': 1 });
    expect(codes(a)).toEqual(['DUPLICATE_YEAR_COLUMN Amt!D1', 'NO_KEY Amt!A2']);
  });
});
