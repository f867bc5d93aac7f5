import { ALL_SERVICES, COUNTED_CLUSTERS, type CountedCluster, type Counts, UNASSIGNED } from '../clusters';
import { formatInt, formatPercent, joinGerman, quoted } from '../format';
import type { BausteinRefinement } from './types';

/** SPEC §9: the text holds at most this many sentences. */
export const MAX_SENTENCES = 12;

/** What the text of one pair of years (or of a single year) is written from. */
export interface TextInput {
  /** The report year. */
  readonly to: number;
  /** The previous evaluated year, where there is one. */
  readonly from?: number;
  /** The published counts (Monitoring), keyed by year. */
  readonly total: Readonly<Record<number, Counts>>;
  /** Like-for-like: the counts over the services recorded by the same office in both years. */
  readonly adjusted?: { readonly from: Counts; readonly to: Counts; readonly common: number };
  readonly refinements: readonly BausteinRefinement[];
  readonly milestones: readonly string[];
}

/**
 * The text of SPEC §9, one paragraph per topic: the totals and their change, the refinements,
 * the like-for-like change and the milestones. German number formats and quotes, no signs, no
 * sentence about a change of 0; every number is one the output sheets show.
 */
export function bausteinParagraphs(input: TextInput): string[][] {
  // at most 3 + (1 + 5) + 1 + 1 = 11 sentences, within MAX_SENTENCES
  return [totals(input), refinementSentences(input), likeForLike(input), milestoneSentences(input.milestones)].filter((p) => p.length > 0);
}

/** „im Vorjahr“ for consecutive years, else „im Jahr 2021“. */
function previousYearPhrase(from: number, to: number, kind: 'im' | 'zum'): string {
  if (to - from === 1) return kind === 'im' ? 'im Vorjahr' : 'zum Vorjahr';
  return kind === 'im' ? `im Jahr ${from}` : `zu ${from}`;
}

function totals({ from, to, total }: TextInput): string[] {
  const now = total[to];
  if (!now) return [];
  const all = now[ALL_SERVICES];
  const out: string[] = [];
  let first = all === 0 ? `Im Jahr ${to} wurden keine Verwaltungsleistungen erfasst` : all === 1 ? `Im Jahr ${to} wurde eine Verwaltungsleistung erfasst` : `Im Jahr ${to} wurden ${formatInt(all)} Verwaltungsleistungen erfasst`;
  const before = from === undefined ? undefined : total[from];
  if (from !== undefined && before) {
    const change = all - before[ALL_SERVICES];
    if (change !== 0)
      first += `, ${formatInt(Math.abs(change))} ${change > 0 ? 'mehr' : 'weniger'} als ${previousYearPhrase(from, to, 'im')} (${from}: ${formatInt(before[ALL_SERVICES])})`;
  }
  out.push(`${first}.`);
  if (all > 0) {
    const parts = COUNTED_CLUSTERS.filter((k) => now[k] > 0).map((k, i) => `${formatInt(now[k])} (${formatPercent(now[k] / all)}) auf ${i === 0 ? 'den Cluster ' : ''}${quoted(k)}`);
    out.push(`Davon entfallen ${joinGerman(parts)}.`);
  }
  if (from !== undefined && before && before.Digital !== now.Digital)
    out.push(`Die Zahl der digital angebotenen Leistungen ${now.Digital > before.Digital ? 'stieg' : 'sank'} von ${formatInt(before.Digital)} auf ${formatInt(now.Digital)}.`);
  return out;
}

/** `dem Cluster „PDF“`; Nicht zugeordnet is no cluster. */
function clusterDative(k: CountedCluster): string {
  return k === UNASSIGNED ? 'noch keinem Cluster' : `dem Cluster ${quoted(k)}`;
}

function clusterClause(r: BausteinRefinement): string {
  const parts = COUNTED_CLUSTERS.filter((k) => (r.clusters[k] ?? 0) > 0)
    .map((k) => ({ k, n: r.clusters[k] ?? 0 }))
    .sort((a, b) => b.n - a.n);
  if (parts.length === 1) return `alle sind ${clusterDative(parts[0]!.k)} zuzuordnen`;
  return `davon sind ${joinGerman(parts.map((p) => `${formatInt(p.n)} ${clusterDative(p.k)}`))} zuzuordnen`;
}

function refinementSentences({ from, to, refinements }: TextInput): string[] {
  if (from === undefined || refinements.length === 0) return [];
  const out: string[] = [];
  const refined = refinements.filter((r) => r.from > 0);
  if (refined.length > 0)
    out.push(`Die Zahlen sind ${to - from === 1 ? 'mit dem Vorjahr' : `mit ${from}`} nur eingeschränkt vergleichbar, weil der Leistungskatalog (LeiKa) weiter ausdifferenziert wurde.`);
  let opened = false;
  for (const r of refinements) {
    const counts = (n: number): string => `${formatInt(n)} LeiKa-${n === 1 ? 'Leistung' : 'Leistungen'}`;
    if (r.from > 0) {
      const opener = opened ? 'Ebenso wurde' : 'So wurde';
      opened = true;
      out.push(
        `${opener} die Verwaltungsleistung ${quoted(r.name)} im Vergleich ${previousYearPhrase(from, to, 'zum')} weiter ausdifferenziert ` +
          `(${from}: ${counts(r.from)}, ${to}: ${counts(r.to)}); ${clusterClause(r)}.`,
      );
    } else {
      out.push(`Erstmals erfasst wurde die Verwaltungsleistung ${quoted(r.name)} mit ${counts(r.to)} (${to}); ${clusterClause(r)}.`);
    }
  }
  return out;
}

function likeForLike({ from, adjusted }: TextInput): string[] {
  if (from === undefined || !adjusted || adjusted.common === 0) return [];
  const change = (k: CountedCluster): number => adjusted.to[k] - adjusted.from[k];
  const phrase = (k: CountedCluster): string =>
    `${k === UNASSIGNED ? 'bei den nicht zugeordneten Leistungen' : `im Cluster ${quoted(k)}`} von ${formatInt(adjusted.from[k])} auf ${formatInt(adjusted.to[k])}`;
  const ups = COUNTED_CLUSTERS.filter((k) => change(k) > 0).map(phrase);
  const downs = COUNTED_CLUSTERS.filter((k) => change(k) < 0).map(phrase);
  if (ups.length === 0 && downs.length === 0) return [];
  const scope =
    adjusted.common === 1
      ? 'Betrachtet man nur die eine Verwaltungsleistung, die dasselbe Amt in beiden Jahren erfasst hat'
      : `Betrachtet man nur die ${formatInt(adjusted.common)} Verwaltungsleistungen, die dasselbe Amt in beiden Jahren erfasst hat`;
  if (ups.length > 0 && downs.length > 0) return [`${scope}, stieg die Zahl ${joinGerman(ups)}, während sie ${joinGerman(downs)} sank.`];
  return [`${scope}, ${ups.length > 0 ? 'stieg' : 'sank'} die Zahl ${joinGerman(ups.length > 0 ? ups : downs)}.`];
}

function milestoneSentences(offices: readonly string[]): string[] {
  if (offices.length === 0) return [];
  if (offices.length === 1) return [`Inzwischen bietet folgende Organisationseinheit alle erfassten Verwaltungsleistungen digital an: ${offices[0]!}.`];
  return [`Inzwischen bieten folgende Organisationseinheiten alle erfassten Verwaltungsleistungen digital an: ${joinGerman(offices)}.`];
}
