import type { Finding } from '../findings';

/** One service of an official LeiKa export. Absent columns give `''`. */
export interface CatalogEntry {
  /** Normalised 14-digit key. */
  readonly key: string;
  readonly name: string;
  /** LeiKa-Typ as written (`1`, `2/3`, `1, 2/3`, …). */
  readonly typ: string;
  readonly ozgId: string;
  readonly ozgLeistung: string;
  readonly lebenslage: string;
  readonly themenfeld: string;
}

export interface Catalog {
  /** File or sheet the catalogue was read from; findings name it as their sheet. */
  readonly source: string;
  /** Valid key → entry; the first row of a key wins. */
  readonly entries: ReadonlyMap<string, CatalogEntry>;
}

/** What an import read, for the user's confirmation („4.813 Leistungen übernommen …“). */
export interface CatalogStats {
  /** Data rows below the header (empty rows not included). */
  readonly rows: number;
  /** Rows taken into the catalogue. */
  readonly entries: number;
  /** Rows without key (empty or „nicht im LeiKa“): skipped silently, they name no LeiKa service. */
  readonly withoutKey: number;
  /** Rows with a malformed key: skipped, one INVALID_KEY finding each. */
  readonly invalidKey: number;
  /** Rows repeating a key already read: skipped, one DUPLICATE_KEY finding each. */
  readonly duplicateKey: number;
}

export interface CatalogImport {
  readonly catalog: Catalog;
  readonly findings: readonly Finding[];
  readonly stats: CatalogStats;
}

export { CatalogFormatError } from '../errors';
