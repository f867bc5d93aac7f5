import type { Analysis, CountedRecord } from '../model';
import type { OutputSheet, OutValue } from '../output-model';
import { num, text } from './values';

export const RECORDS_TABLE_ID = 'gesamtliste';
export const RECORDS_EXCEL_TABLE = 'LeiKaGesamtliste';
export const RECORDS_HEADER = [
  'Jahr',
  'Amt',
  'LeiKa-Schlüssel',
  'Leistung',
  'Status',
  'Cluster',
  'Bemerkung',
  'Online-Dienst',
  'Quelle',
] as const;

/** `Gesundheitsamt!D17` — readable; not a formula reference, so the sheet name is not quoted. */
export function sourceOf(record: CountedRecord): string {
  return record.cell === '' ? record.sheet : `${record.sheet}!${record.cell}`;
}

function recordRow(r: CountedRecord): OutValue[] {
  // The key is always text: 14 digits would otherwise lose nothing, but a leading 0 or a
  // wrongly written key would; and Excel must not turn it into 9,91E+13.
  return [
    num(r.year, 'year'),
    text(r.office),
    text(r.key),
    text(r.name),
    text(r.status),
    text(r.cluster),
    text(r.remark),
    text(r.onlineService),
    text(sourceOf(r)),
  ];
}

/** The Gesamtliste sheet: one Excel table, one row per counted record, in the analysis' order. */
export function buildRecordsSheet(analysis: Analysis): OutputSheet {
  return {
    role: 'Gesamtliste',
    orientation: 'landscape',
    blocks: [
      {
        kind: 'table',
        id: RECORDS_TABLE_ID,
        row: 0,
        col: 0,
        header: [...RECORDS_HEADER],
        rows: analysis.records.map(recordRow),
        totalRow: false,
        excelTable: RECORDS_EXCEL_TABLE,
        widths: [8, 28, 18, 50, 26, 26, 30, 30, 22],
      },
    ],
  };
}
