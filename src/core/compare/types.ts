import type { CountedCluster, Counts } from '../clusters';

/**
 * Transition matrix over the services inventoried in both years:
 * `transitions[clusterInFromYear][clusterInToYear]` = number of services. Always all six
 * counted clusters (the five and Nicht zugeordnet) on both axes, zeros included.
 */
export type TransitionMatrix = Readonly<Record<CountedCluster, Readonly<Record<CountedCluster, number>>>>;

/**
 * One cluster's share in a Leistungsobjekt's change.
 * `from`/`to`: the Leistungsobjekt's keys in this cluster in each year;
 * `change` = to − from, the Leistungsobjekt's net change in the cluster;
 * `clusterChange`: the whole cluster's change in the published table of the same scope
 * (all counted records). `change` may exceed `clusterChange` when other services left the cluster.
 */
export interface RefinementClusterPart {
  readonly from: number;
  readonly to: number;
  readonly change: number;
  readonly clusterChange: number;
}

/**
 * A Leistungsobjekt (key digits 1–8) whose number of inventoried keys changed.
 * JSON: `{"leistungsobjekt":"99067004","name":"Jagdschein","from":7,"to":102,"change":95,
 * "clusters":{"PDF":{"from":7,"to":102,"change":95,"clusterChange":210}}}`.
 * `clusters` holds only the clusters involved (non-zero in either year), in cluster order.
 */
export interface Refinement {
  readonly leistungsobjekt: string;
  /** The LO row's name (key `…000000`), else the catalogue's, else the common prefix of the names. */
  readonly name: string;
  readonly nameSource: 'record' | 'catalog' | 'prefix';
  /** Inventoried keys of the Leistungsobjekt (per office: a key kept by two offices counts twice). */
  readonly from: number;
  readonly to: number;
  readonly change: number;
  readonly clusters: Readonly<Partial<Record<CountedCluster, RefinementClusterPart>>>;
}

/** The comparison of two consecutive years over one scope (all offices, or one office). */
export interface ComparisonPart {
  /** Services (identities) inventoried in both years. */
  readonly common: number;
  /** Services inventoried only in the later year. */
  readonly added: number;
  /** Services inventoried only in the earlier year. */
  readonly removed: number;
  readonly transitions: TransitionMatrix;
  /** Largest absolute change first, then by Leistungsobjekt. */
  readonly refinement: readonly Refinement[];
  /**
   * The Monitoring table counted over the common services only, keyed by year
   * (`{"2023":{…seven keys…},"2024":{…}}`). Alle Dienstleistungen equals `common` in both years.
   */
  readonly adjusted: Readonly<Record<number, Counts>>;
  /** The published table of the scope: every counted record as given, keyed by year. */
  readonly published: Readonly<Record<number, Counts>>;
  /** Clusters of the added services (in the later year) and of the removed ones (earlier year). */
  readonly addedByCluster: Counts;
  readonly removedByCluster: Counts;
}

export interface OfficeComparison extends ComparisonPart {
  readonly office: string;
}

/**
 * Year Y-1 → Y. The top-level fields cover all offices; `offices` holds the same per office,
 * in order of first appearance, for every office with a record in either year.
 */
export interface YearComparison extends ComparisonPart {
  readonly from: number;
  readonly to: number;
  readonly offices: readonly OfficeComparison[];
}

/**
 * The German text of one comparison (SPEC §9; built by core/baustein) and the refinements it
 * names, which the Vergleich sheet lists with the numbers the text gives.
 */
export interface ComparisonText {
  readonly paragraphs: readonly (readonly string[])[];
  readonly refinements: readonly {
    readonly leistungsobjekt: string;
    readonly name: string;
    readonly from: number;
    readonly to: number;
    readonly clusters: Readonly<Partial<Record<CountedCluster, number>>>;
  }[];
}
