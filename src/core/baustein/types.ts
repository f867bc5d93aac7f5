import type { CountedCluster } from '../clusters';
import type { OutTable } from '../output-model';

/**
 * A Leistungsobjekt the LeiKa refined (SPEC §9): at least `REFINEMENT_MIN_GROWTH` more distinct
 * valid keys (over all offices) in the later year than in the earlier one.
 */
export interface BausteinRefinement {
  /** The first 8 key digits. */
  readonly leistungsobjekt: string;
  /** Its own `…000000` row's name, else the catalogue's, else `Leistungsobjekt 99…`. */
  readonly name: string;
  readonly nameSource: 'record' | 'catalog' | 'key';
  /** Distinct keys of the Leistungsobjekt in each year. */
  readonly from: number;
  readonly to: number;
  /** The later year's distinct keys per cluster (a key's first record in that year decides); sums to `to`. */
  readonly clusters: Readonly<Partial<Record<CountedCluster, number>>>;
}

/** The chart of the section: clusters × years, as a clustered column chart. */
export interface BausteinChart {
  readonly title: string;
  /** Alternative text naming every value the picture shows. */
  readonly altText: string;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
}

/**
 * One model of the section „Baustein für die Mitteilungsvorlage“ (SPEC §9), rendered as .docx,
 * clipboard HTML and the text block of the Vergleich sheet.
 */
export interface Baustein {
  readonly heading: string;
  /** The years of the table and chart: the report year, and its previous year where there is one. */
  readonly years: readonly number[];
  /** The year table of SPEC §1 for `years` (header row first). */
  readonly table: OutTable;
  readonly tableCaption: string;
  readonly chart: BausteinChart;
  /** The text, one paragraph per topic; at most 12 sentences in all. */
  readonly paragraphs: readonly (readonly string[])[];
  /** The refinements the text names (largest first, at most five). */
  readonly refinements: readonly BausteinRefinement[];
  /** Offices that offer every counted service digitally now and did not in the previous year. */
  readonly milestones: readonly string[];
}
