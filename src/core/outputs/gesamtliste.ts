import type { Catalog } from '../catalog/types';
import type { Analysis, CountedRecord } from '../model';
import type { DefinedName } from '../grid';
import { gesamtlisteRole, markerName, type OutputSheet, type OutValue } from '../output-model';
import { num, text } from './values';
import { fitWidths } from './widths';

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
/** Column added beside „Leistung“ when a catalogue is present: the official name of the record's key. */
export const CATALOG_NAME_HEADER = 'LeiKa-Bezeichnung (Katalog)';
const NAME_COLUMN = RECORDS_HEADER.indexOf('Leistung');

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

/** Body rows an Excel sheet holds below a header in row 1 (1,048,576 rows in all). */
export const EXCEL_MAX_DATA_ROWS = 1_048_575;

/**
 * The Gesamtliste: one Excel table, one row per counted record, in the analysis' order; more
 * records than a sheet holds continue on `Gesamtliste 2`, `Gesamtliste 3`, … (same columns,
 * tables `LeiKaGesamtliste2`, …) — never cut off. `maxRows` is for tests only.
 * With a catalogue, „LeiKa-Bezeichnung (Katalog)“ follows „Leistung“ (empty where the key is
 * not in the catalogue); without one the columns are exactly those of SPEC §5.
 */
export function buildRecordsSheets(analysis: Analysis, catalog?: Catalog, maxRows: number = EXCEL_MAX_DATA_ROWS): OutputSheet[] {
  const whole = buildRecordsSheet(analysis, catalog);
  const table = whole.blocks[0];
  if (table?.kind !== 'table' || table.rows.length <= maxRows) return [whole];
  const sheets: OutputSheet[] = [];
  for (let start = 0, n = 1; start < table.rows.length; start += maxRows, n++) {
    const rows = table.rows.slice(start, start + maxRows);
    const id = n === 1 ? RECORDS_TABLE_ID : `${RECORDS_TABLE_ID}-${n}`;
    const excelTable = n === 1 ? RECORDS_EXCEL_TABLE : `${RECORDS_EXCEL_TABLE}${n}`;
    sheets.push({ ...whole, role: gesamtlisteRole(n), blocks: [{ ...table, id, excelTable, rows }] });
  }
  return sheets;
}

function buildRecordsSheet(analysis: Analysis, catalog?: Catalog): OutputSheet {
  const widths = [8, 28, 18, 50, 26, 26, 30, 30, 22];
  let header: string[] = [...RECORDS_HEADER];
  let rows: OutValue[][] = analysis.records.map(recordRow);
  if (catalog) {
    const at = NAME_COLUMN + 1;
    const official = (r: CountedRecord): OutValue => text((r.keyValid ? catalog.entries.get(r.key)?.name : undefined) ?? '');
    header = [...header.slice(0, at), CATALOG_NAME_HEADER, ...header.slice(at)];
    rows = analysis.records.map((r) => {
      const row = recordRow(r);
      row.splice(at, 0, official(r));
      return row;
    });
    widths.splice(at, 0, 50);
  }
  return {
    role: 'Gesamtliste',
    orientation: 'landscape',
    blocks: [
      {
        kind: 'table',
        id: RECORDS_TABLE_ID,
        row: 0,
        col: 0,
        header,
        rows,
        totalRow: false,
        excelTable: RECORDS_EXCEL_TABLE,
        widthsPt: fitWidths(header, widths),
      },
    ],
  };
}

/**
 * Continuation sheets the workbook still has marked (`LeiKaMonitor_Gesamtliste3`, …) that this
 * evaluation does not fill: rewritten as the table's header with no records (SPEC §5), so no
 * stale record stays beside the new list. `written` holds this evaluation's output sheets.
 */
export function emptiedContinuations(written: readonly OutputSheet[], existing: readonly DefinedName[]): OutputSheet[] {
  const first = written.find((s) => s.role === 'Gesamtliste');
  const table = first?.blocks[0];
  if (first === undefined || table?.kind !== 'table') return [];
  const roles = new Set<string>(written.map((s) => s.role));
  const prefix = markerName('Gesamtliste').toLowerCase();
  const stale = new Set<number>();
  for (const d of existing) {
    const lower = d.name.toLowerCase();
    if (!lower.startsWith(prefix)) continue;
    const n = Number(lower.slice(prefix.length));
    if (Number.isInteger(n) && n >= 2 && !roles.has(gesamtlisteRole(n))) stale.add(n);
  }
  return [...stale]
    .sort((a, b) => a - b)
    .map((n) => ({ ...first, role: gesamtlisteRole(n), blocks: [{ ...table, id: `${RECORDS_TABLE_ID}-${n}`, excelTable: `${RECORDS_EXCEL_TABLE}${n}`, rows: [] }] }));
}
