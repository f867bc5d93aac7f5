import { ALL_SERVICES, type Counts } from '../clusters';
import type { CountedRecord } from '../model';
import { addToCounts, emptyYearCounts } from '../tally';
import { nearestEntry } from './parse';
import type { Catalog, CatalogEntry } from './types';

export type BreakdownField = 'themenfeld' | 'typ';

/** One line of a breakdown: a Themenfeld or LeiKa-Typ and its counts per year. */
export interface BreakdownRow {
  readonly name: string;
  /** Every year asked for, each with all seven keys. */
  readonly counts: Readonly<Record<number, Counts>>;
}

/** Counted records by Themenfeld and by LeiKa-Typ of the catalogue. */
export interface CatalogBreakdowns {
  readonly themenfeld: readonly BreakdownRow[];
  readonly typ: readonly BreakdownRow[];
}

/** Labels of records the catalogue cannot place; they stay in the breakdown so it adds up. */
export const BREAKDOWN_LABELS = {
  notInCatalog: 'Nicht im Katalog',
  noThemenfeld: 'Ohne Themenfeld',
  noTyp: 'Ohne LeiKa-Typ',
} as const;

function labelOf(entry: CatalogEntry | undefined, field: BreakdownField): string {
  if (!entry) return BREAKDOWN_LABELS.notInCatalog;
  const value = entry[field].replace(/\s+/g, ' ').trim();
  if (value !== '') return value;
  return field === 'themenfeld' ? BREAKDOWN_LABELS.noThemenfeld : BREAKDOWN_LABELS.noTyp;
}

/**
 * Counted records grouped by a catalogue field, per year. A record is placed by its key's
 * entry, else by its Leistungsobjekt's (a Verrichtungsdetail missing from the catalogue
 * belongs where its Leistungsobjekt does); records without valid key or unknown Leistungsobjekt
 * form „Nicht im Katalog“. For every year and cluster the rows add up to the Monitoring total.
 * Order: most services in the latest year first (then by name); the placeholder rows last.
 */
export function breakdownBy(records: readonly CountedRecord[], years: readonly number[], catalog: Catalog, field: BreakdownField): BreakdownRow[] {
  const rows = new Map<string, Record<number, Counts>>();
  for (const r of records) {
    const entry = r.keyValid ? nearestEntry(catalog, r.key) : undefined;
    const label = labelOf(entry, field);
    let counts = rows.get(label);
    if (!counts) rows.set(label, (counts = emptyYearCounts(years)));
    const c = counts[r.year];
    if (c) addToCounts(c, r.cluster);
  }
  const latest = years[years.length - 1];
  const placeholder = new Set<string>(Object.values(BREAKDOWN_LABELS));
  const size = (counts: Record<number, Counts>): number => (latest === undefined ? 0 : counts[latest]![ALL_SERVICES]);
  return [...rows]
    .sort(
      ([a, ca], [b, cb]) =>
        Number(placeholder.has(a)) - Number(placeholder.has(b)) || size(cb) - size(ca) || a.localeCompare(b, 'de'),
    )
    .map(([name, counts]) => ({ name, counts }));
}

/** Both breakdowns of SPEC issue 4: by Themenfeld and by LeiKa-Typ. */
export function catalogBreakdowns(records: readonly CountedRecord[], years: readonly number[], catalog: Catalog): CatalogBreakdowns {
  return { themenfeld: breakdownBy(records, years, catalog, 'themenfeld'), typ: breakdownBy(records, years, catalog, 'typ') };
}
