import type { OutputSheet, OutValue } from '../output-model';
import type { Catalog } from './types';
import { toGermanDate } from '../dates';
import { formatInt } from '../format';
import { fitWidths } from '../outputs/widths';

export const CATALOG_EXCEL_TABLE = 'LeiKaKatalog';
/** Column headers of the stored catalogue; each is an alias the catalogue reader knows. */
export const CATALOG_HEADER = ['LeiKa-Schlüssel', 'Bezeichnung', 'LeiKa-Typ', 'OZG-ID', 'OZG-Leistung', 'Lebenslage', 'Themenfeld'] as const;
/** Row of the table header (0-based), below the title and the note. */
export const CATALOG_TABLE_ROW = 3;

const text = (t: string): OutValue => (t === '' ? { kind: 'empty' } : { kind: 'text', text: t });

export interface CatalogSheetOptions {
  /** ISO date of the import, shown in the note. */
  readonly importedAt?: string;
}

/**
 * The sheet „LeiKa-Katalog“ (role 'Katalog'): the catalogue kept in the workbook so the team
 * and the CLI share it. One Excel table with every entry in key order; keys are written as
 * text. Reading the sheet back (readWorkbookCatalog) gives the same entries.
 */
export function buildCatalogSheet(catalog: Catalog, opts: CatalogSheetOptions = {}): OutputSheet {
  const entries = [...catalog.entries.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const date = opts.importedAt === undefined ? undefined : toGermanDate(opts.importedAt);
  const when = date ? ` am ${date}` : '';
  return {
    role: 'Katalog',
    orientation: 'landscape',
    blocks: [
      { kind: 'text', row: 0, col: 0, text: 'LeiKa-Katalog', style: 'title' },
      {
        kind: 'text',
        row: 1,
        col: 0,
        text:
          `Übernommen aus „${catalog.source}“${when}: ${formatInt(entries.length)} Leistungen. ` +
          'LeiKa-Monitor liest dieses Blatt bei jeder Auswertung; zum Ersetzen bitte einen neuen Katalog laden.',
        style: 'note',
      },
      {
        kind: 'table',
        id: 'katalog',
        row: CATALOG_TABLE_ROW,
        col: 0,
        header: [...CATALOG_HEADER],
        rows: entries.map((e) => [text(e.key), text(e.name), text(e.typ), text(e.ozgId), text(e.ozgLeistung), text(e.lebenslage), text(e.themenfeld)]),
        totalRow: false,
        excelTable: CATALOG_EXCEL_TABLE,
        widthsPt: fitWidths(CATALOG_HEADER, [18, 60, 10, 10, 40, 30, 30]),
      },
    ],
  };
}
