import { emptyCounts, type Counts, type CountKey } from '../../src/core/clusters';
import type { Finding } from '../../src/core/findings';
import type { Analysis, CountedRecord } from '../../src/core/model';

export function counts(values: Partial<Record<CountKey, number>>): Counts {
  const c = { ...emptyCounts(), ...values };
  c['Alle Dienstleistungen'] =
    c.Analog + c['Kein Optimierungspotenzial'] + c.PDF + c.Digital + c['Projekt in Umsetzung'] + c['Nicht zugeordnet'];
  return c;
}

/** The published 2023/2024 table of SPEC §1. */
export const PUBLISHED = {
  2023: counts({ Analog: 125, 'Kein Optimierungspotenzial': 180, PDF: 218, Digital: 258, 'Projekt in Umsetzung': 54 }),
  2024: counts({ Analog: 126, 'Kein Optimierungspotenzial': 199, PDF: 428, Digital: 283, 'Projekt in Umsetzung': 151 }),
};

export function record(partial: Partial<CountedRecord> & Pick<CountedRecord, 'year' | 'office' | 'cell'>): CountedRecord {
  return {
    sheet: partial.office,
    row: 1,
    key: '',
    keyValid: false,
    keyCell: 'A2',
    name: '',
    status: '',
    cluster: 'Analog',
    remark: '',
    onlineService: '',
    ...partial,
  };
}

export const FINDINGS: readonly Finding[] = [
  { severity: 'info', code: 'NO_KEY', sheet: 'Ordnungsamt', cell: 'A9', message: 'Zeile 9 hat keinen LeiKa-Schlüssel.' },
  {
    severity: 'error',
    code: 'UNKNOWN_STATUS',
    sheet: 'Gesundheitsamt',
    cell: 'D17',
    message: 'Der Status „onlien“ ist unbekannt.',
    suggestion: 'Digital',
  },
  { severity: 'warning', code: 'DUPLICATE_KEY', sheet: 'Ordnungsamt', cell: 'A12', message: 'Schlüssel doppelt.' },
];

/**
 * An analysis whose total is the published table; two offices that add up to it; records
 * with text that looks like formulas or numbers.
 */
export function publishedAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  const gesundheit = {
    2023: counts({ Analog: 100, 'Kein Optimierungspotenzial': 80, PDF: 18, Digital: 200, 'Projekt in Umsetzung': 4 }),
    2024: counts({ Analog: 100, 'Kein Optimierungspotenzial': 99, PDF: 28, Digital: 203, 'Projekt in Umsetzung': 51 }),
  };
  const ordnung = {
    2023: counts({ Analog: 25, 'Kein Optimierungspotenzial': 100, PDF: 200, Digital: 58, 'Projekt in Umsetzung': 50 }),
    2024: counts({ Analog: 26, 'Kein Optimierungspotenzial': 100, PDF: 400, Digital: 80, 'Projekt in Umsetzung': 100 }),
  };
  return {
    years: [2023, 2024],
    reportYear: 2024,
    reportYearSource: 'workbook',
    settings: {},
    mapping: [],
    total: PUBLISHED,
    offices: [
      { office: 'Gesundheitsamt', counts: gesundheit },
      { office: 'Ordnungsamt', counts: ordnung },
    ],
    records: [
      record({ year: 2024, office: 'Gesundheitsamt', cell: 'C2', key: '99001234567890', keyValid: true, name: 'Impfberatung', status: 'online', cluster: 'Digital' }),
      record({ year: 2024, office: 'Gesundheitsamt', cell: 'C3', key: '0099123', name: '=1+1', status: '-PDF', cluster: 'PDF', remark: '@home' }),
      record({ year: 2024, office: 'Ordnungsamt', sheet: 'Ordnungsamt 2', cell: 'D4', name: 'Jagdschein', status: '+analog', cluster: 'Analog', onlineService: 'https://example.org' }),
    ],
    findings: FINDINGS,
    skippedSheets: [],
    officeSheets: [],
    ...overrides,
  };
}
