import { fold } from './fold';

/** The five clusters, always in this order (SPEC §3). */
export const CLUSTERS = ['Analog', 'Kein Optimierungspotenzial', 'PDF', 'Digital', 'Projekt in Umsetzung'] as const;
export type Cluster = (typeof CLUSTERS)[number];

export const UNASSIGNED = 'Nicht zugeordnet';
export const ALL_SERVICES = 'Alle Dienstleistungen';
export const EXCLUDED = 'ausgeschlossen';

/** A counted record's cluster: one of the five, or Nicht zugeordnet. */
export type CountedCluster = Cluster | typeof UNASSIGNED;
/** The result of classifying one status value. */
export type ClusterOrExcluded = Cluster | typeof EXCLUDED;

/** The six clusters a counted record can have, in output order. */
export const COUNTED_CLUSTERS: readonly CountedCluster[] = [...CLUSTERS, UNASSIGNED];

/**
 * The clusters a table shows: the five always, Nicht zugeordnet only where `withUnassigned`
 * (where it is non-zero; without it the five still add up to Alle Dienstleistungen).
 */
export function shownClusters(withUnassigned: boolean): CountedCluster[] {
  return withUnassigned ? [...COUNTED_CLUSTERS] : [...CLUSTERS];
}

/** The seven keys of every count table, in output order. */
export const COUNT_KEYS = [...CLUSTERS, UNASSIGNED, ALL_SERVICES] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type Counts = Record<CountKey, number>;

export function emptyCounts(): Counts {
  return {
    Analog: 0,
    'Kein Optimierungspotenzial': 0,
    PDF: 0,
    Digital: 0,
    'Projekt in Umsetzung': 0,
    [UNASSIGNED]: 0,
    [ALL_SERVICES]: 0,
  };
}

/**
 * A cluster as the column header of a cross table: the two long names by their SPEC §3
 * synonyms, so a header never needs a column as wide as „Optimierungspotenzial“.
 */
export function clusterHeader(key: CountKey): string {
  if (key === 'Kein Optimierungspotenzial') return 'Kein Potenzial';
  if (key === 'Projekt in Umsetzung') return 'In Umsetzung';
  return key;
}

/** Built-in status values before folding (SPEC §3). */
export const BUILT_IN_VALUES: Readonly<Record<ClusterOrExcluded, readonly string[]>> = {
  Analog: ['Analog', 'Papier', 'Papierform', 'schriftlich', 'persönlich', 'persönliche Vorsprache', 'vor Ort', 'offline', 'nicht digital'],
  'Kein Optimierungspotenzial': [
    'Kein Optimierungspotenzial',
    'kein Optimierungspotential',
    'kein Potenzial',
    'kein Potential',
    'nicht digitalisierbar',
  ],
  PDF: ['PDF', 'PDF-Formular', 'PDF-Antrag', 'Formular zum Download', 'Download-Formular', 'ausfüllbares PDF', 'beschreibbares PDF'],
  Digital: [
    'Digital',
    'online',
    'Online-Antrag',
    'Online-Dienst',
    'Onlinedienst',
    'Serviceportal',
    'EfA',
    'EfA-Dienst',
    'medienbruchfrei',
    'vollständig digital',
  ],
  'Projekt in Umsetzung': ['Projekt in Umsetzung', 'in Umsetzung', 'Projekt', 'in Planung', 'in Bearbeitung', 'geplant'],
  [EXCLUDED]: ['nicht zuständig', 'keine Zuständigkeit', 'entfällt'],
};

/** `Cluster` cell of the Zuordnung sheet → cluster, by folded name. */
export function parseClusterName(text: string): ClusterOrExcluded | undefined {
  const f = fold(text);
  for (const c of CLUSTERS) if (fold(c) === f) return c;
  if (f === EXCLUDED) return EXCLUDED;
  return undefined;
}
