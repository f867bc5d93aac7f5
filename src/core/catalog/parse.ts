import type { Cell, SheetGrid, WorkbookGrid } from '../grid';
import { a1, cellText, findCell, forEachCell, isEmptyCell, withMergesApplied } from '../grid';
import { fold } from '../fold';
import { type ColumnRole, headerRole } from '../header';
import { leistungsobjektKey, leistungsobjektOf, readKey, verrichtungKey } from '../key';
import { type Finding, SEVERITY } from '../findings';
import { CatalogFormatError } from '../errors';
import type { Catalog, CatalogEntry, CatalogImport } from './types';
import { catalogMessages } from './messages';
import { markerName } from '../output-model';

type Field = keyof CatalogEntry;

/** Header aliases of a LeiKa export, before folding. Matching compares whole folded values. */
const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  key: ['LeiKa-Schlüssel', 'leika_schluessel', 'Schlüssel', 'Leistungsschlüssel', 'LeiKa-Nr.', 'LeiKa-Nummer', 'LeiKa-ID', 'LeiKa'],
  name: ['Bezeichnung', 'leika_bezeichnung', 'LeiKa-Bezeichnung', 'Leistungsbezeichnung', 'Leistung', 'Leistungsname', 'Name'],
  typ: ['Typ', 'Typisierung', 'leika_typ', 'LeiKa-Typ', 'LeiKa-Typisierung', 'Leistungstyp'],
  ozgId: ['OZG-ID', 'ozg_id', 'OZG-Nr.', 'OZG-Nummer', 'OZG-Leistungs-ID'],
  ozgLeistung: ['OZG-Leistung', 'ozg_leistung', 'OZG-Leistungsbezeichnung'],
  lebenslage: ['Lebenslage', 'Lebens- und Geschäftslage', 'Lebenslage/Geschäftslage', 'Geschäftslage'],
  themenfeld: ['Themenfeld', 'OZG-Themenfeld'],
};

const FIELD_OF = new Map<string, Field>();
for (const [field, aliases] of Object.entries(ALIASES) as [Field, readonly string[]][]) for (const a of aliases) FIELD_OF.set(fold(a), field);

const CATALOG_ONLY: readonly Field[] = ['typ', 'ozgId', 'ozgLeistung', 'lebenslage', 'themenfeld'];

function isStatusSource(role: ColumnRole | undefined): boolean {
  return role?.kind === 'status' || role?.kind === 'reifegrad';
}

/** Rows searched for the header row (as for office sheets, SPEC §2). */
const HEADER_SEARCH_ROWS = 30;

type Rows = readonly (readonly Cell[] | undefined)[];

/**
 * The header row: the first among the first 30 naming a key and a name column, and not an
 * office sheet's header (one with a status column but no catalogue-only column).
 */
function findHeader(rows: Rows): { row: number; columns: Partial<Record<Field, number>> } | undefined {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const row = rows[r];
    if (!row) continue;
    const columns: Partial<Record<Field, number>> = {};
    forEachCell(row, (cell, c) => {
      if (typeof cell !== 'string' || cell.length > 60) return;
      const field = FIELD_OF.get(fold(cell));
      // the leftmost column of a field counts
      if (field !== undefined && columns[field] === undefined) columns[field] = c;
    });
    if (columns.key === undefined || columns.name === undefined) continue;
    // An office sheet's header (key, Leistung, Umsetzungsstatus 2024) names key and name too; it is
    // a catalogue only when it also names a catalogue column (Typ, OZG, Lebenslage, Themenfeld).
    const catalogOnly = CATALOG_ONLY.some((f) => columns[f] !== undefined);
    if (catalogOnly || findCell(row, (cell) => isStatusSource(headerRole(cell))) < 0) return { row: r, columns };
  }
  return undefined;
}

function text(cell: Cell | undefined): string {
  return cellText(cell).replace(/\s+/g, ' ').trim();
}

/**
 * Reads an official LeiKa export given as a grid (CSV and XLSX both become grids).
 * `source` names the file or sheet; findings carry it as their sheet, with the key cell.
 * Rows with a valid key become entries (first row of a key wins; a later one gets a
 * DUPLICATE_KEY finding). Rows without key (empty or „nicht im LeiKa“) are skipped silently:
 * such rows are regular content of OZG-joined exports and name no LeiKa service. A malformed
 * key gets an INVALID_KEY finding and the row is skipped. Empty rows are ignored.
 * Throws CatalogFormatError when no header row with key and name is found.
 */
export function parseCatalogGrid(rows: Rows, source: string): CatalogImport {
  const header = findHeader(rows);
  if (!header) throw new CatalogFormatError(catalogMessages.noHeader(source));
  const { columns } = header;
  const entries = new Map<string, CatalogEntry>();
  const firstCell = new Map<string, string>();
  const findings: Finding[] = [];
  let dataRows = 0;
  let withoutKey = 0;
  let invalidKey = 0;
  let duplicateKey = 0;
  const keyCol = columns.key!;
  const get = (row: readonly Cell[], field: Field): string => {
    const c = columns[field];
    return c === undefined ? '' : text(row[c]);
  };

  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || findCell(row, (c) => !isEmptyCell(c)) < 0) continue;
    dataRows++;
    const cell = a1(r, keyCol);
    const reading = readKey(row[keyCol] ?? null);
    if (reading.kind === 'missing') {
      withoutKey++;
      continue;
    }
    const name = get(row, 'name');
    if (reading.kind === 'invalid') {
      invalidKey++;
      findings.push({
        severity: SEVERITY.INVALID_KEY,
        code: 'INVALID_KEY',
        sheet: source,
        cell,
        message: catalogMessages.invalidKey(reading.written, name),
      });
      continue;
    }
    const first = firstCell.get(reading.key);
    if (first !== undefined) {
      duplicateKey++;
      findings.push({
        severity: SEVERITY.DUPLICATE_KEY,
        code: 'DUPLICATE_KEY',
        sheet: source,
        cell,
        message: catalogMessages.duplicateKey(reading.key, first),
      });
      continue;
    }
    firstCell.set(reading.key, cell);
    entries.set(reading.key, {
      key: reading.key,
      name,
      typ: get(row, 'typ'),
      ozgId: get(row, 'ozgId'),
      ozgLeistung: get(row, 'ozgLeistung'),
      lebenslage: get(row, 'lebenslage'),
      themenfeld: get(row, 'themenfeld'),
    });
  }
  const catalog: Catalog = { source, entries };
  return {
    catalog,
    findings,
    stats: { rows: dataRows, entries: entries.size, withoutKey, invalidKey, duplicateKey },
  };
}

/**
 * An XLSX export read into a workbook grid → catalogue from the sheet marked
 * `LeiKaMonitor_Katalog` where there is one (a workbook evaluated by the product), else from
 * its first visible sheet with a catalogue header; findings name that sheet.
 * Throws CatalogFormatError when no sheet has one.
 */
export function parseCatalogWorkbook(workbook: WorkbookGrid, fileName: string): CatalogImport {
  const marked = markedCatalogSheet(workbook);
  if (marked && findHeader(withMergesApplied(marked).rows)) return parseCatalogGrid(withMergesApplied(marked).rows, marked.name);
  for (const sheet of workbook.sheets) {
    if (sheet.visibility !== 'visible') continue;
    const grid: SheetGrid = withMergesApplied(sheet);
    if (findHeader(grid.rows)) return parseCatalogGrid(grid.rows, sheet.name);
  }
  throw new CatalogFormatError(catalogMessages.noHeader(fileName));
}

/** The sheet marked by the defined name `LeiKaMonitor_Katalog` (SPEC §5 marking), if it exists. */
export function markedCatalogSheet(workbook: WorkbookGrid): SheetGrid | undefined {
  const marker = markerName('Katalog').toLowerCase();
  const name = workbook.definedNames.find((d) => d.name.toLowerCase() === marker);
  if (!name) return undefined;
  const sheet = name.sheet.toLowerCase();
  return workbook.sheets.find((s) => s.name.toLowerCase() === sheet);
}

/**
 * The catalogue kept in the evaluated workbook (the marked sheet „LeiKa-Katalog“):
 * `undefined` when there is none; `{ kind: 'unreadable' }` when the marked sheet has no
 * catalogue header (e.g. emptied by hand). Never throws for bad data.
 */
export function readWorkbookCatalog(
  workbook: WorkbookGrid,
): { readonly kind: 'read'; readonly result: CatalogImport } | { readonly kind: 'unreadable'; readonly sheet: string } | undefined {
  const sheet = markedCatalogSheet(workbook);
  if (!sheet) return undefined;
  const rows = withMergesApplied(sheet).rows;
  if (!findHeader(rows)) return { kind: 'unreadable', sheet: sheet.name };
  return { kind: 'read', result: parseCatalogGrid(rows, sheet.name) };
}

/**
 * The catalogue entry that describes a key: the key's own entry, else that of its
 * Leistungsobjekt with Verrichtung (`…000`), else that of its Leistungsobjekt (`…000000`).
 */
export function nearestEntry(catalog: Catalog, key: string): CatalogEntry | undefined {
  return catalog.entries.get(key) ?? catalog.entries.get(verrichtungKey(key)) ?? catalog.entries.get(leistungsobjektKey(leistungsobjektOf(key)));
}

/** The catalogue entry of a Leistungsobjekt (its key `…000000`), if listed. */
export function leistungsobjektEntry(catalog: Catalog, leistungsobjekt: string): CatalogEntry | undefined {
  return catalog.entries.get(leistungsobjektKey(leistungsobjekt));
}
