import { ALL_SERVICES, type CountedCluster, UNASSIGNED } from '../clusters';
import { COUNTED_CLUSTERS } from './counted-clusters';
import { formatInt, formatSigned, joinGerman } from './format';
import type { Refinement, YearComparison } from './types';

export interface SentenceOptions {
  /** Refined Leistungsobjekte described one by one (largest first). Default 5. */
  readonly maxRefinements?: number;
  /** Refined Leistungsobjekte named per cluster. Default 3. */
  readonly maxContributors?: number;
}

/** „Leistungen im Cluster Projekt in Umsetzung“, „PDF-Leistungen“. */
function clusterServices(cluster: CountedCluster): string {
  if (cluster === UNASSIGNED) return 'nicht zugeordneten Leistungen';
  return cluster.includes(' ') ? `Leistungen im Cluster ${cluster}` : `${cluster}-Leistungen`;
}

function services(n: number): string {
  return n === 1 ? '1 Leistung' : `${formatInt(n)} Leistungen`;
}

/** A Leistungsobjekt counts as refined when it was inventoried in both years and grew. */
export function isRefined(r: Refinement): boolean {
  return r.from > 0 && r.to > r.from;
}

/**
 * German sentences a report author can paste, generated from the numbers of one comparison
 * (all offices): what is common, added and removed; the largest cluster changes of common
 * services; each refined Leistungsobjekt; how much of each cluster's change comes from
 * refinement; the adjusted changes beside the published ones.
 */
export function comparisonSentences(c: YearComparison, opts: SentenceOptions = {}): string[] {
  const maxRefinements = opts.maxRefinements ?? 5;
  const maxContributors = opts.maxContributors ?? 3;
  const out: string[] = [];

  out.push(
    `Von ${c.from} auf ${c.to}: ${services(c.common)} ${c.common === 1 ? 'ist' : 'sind'} in beiden Jahren erfasst, ` +
      `${formatInt(c.added)} ${c.added === 1 ? 'kam' : 'kamen'} ${c.to} hinzu, ` +
      `${formatInt(c.removed)} ${c.removed === 1 ? 'ist' : 'sind'} ${c.to} nicht mehr erfasst.`,
  );

  const moves: { from: CountedCluster; to: CountedCluster; n: number }[] = [];
  for (const a of COUNTED_CLUSTERS) for (const b of COUNTED_CLUSTERS) if (a !== b && c.transitions[a][b] > 0) moves.push({ from: a, to: b, n: c.transitions[a][b] });
  moves.sort((x, y) => y.n - x.n);
  if (c.common > 0) {
    if (moves.length === 0) out.push('Keine der in beiden Jahren erfassten Leistungen hat den Cluster gewechselt.');
    else {
      const top = moves.slice(0, 3).map((m) => `${formatInt(m.n)} von ${m.from} zu ${m.to}`);
      out.push(`Von den in beiden Jahren erfassten Leistungen ${moves[0]!.n === 1 && top.length === 1 ? 'wechselte' : 'wechselten'} ${joinGerman(top)}.`);
    }
  }

  const refined = c.refinement.filter(isRefined);
  for (const r of refined.slice(0, maxRefinements)) {
    const inTo = COUNTED_CLUSTERS.filter((k) => (r.clusters[k]?.to ?? 0) > 0);
    let where: string;
    if (inTo.length === 1) where = r.to === 1 ? `sie fällt in den Cluster ${inTo[0]!}` : `alle fallen in den Cluster ${inTo[0]!}`;
    else where = `davon ${joinGerman(inTo.map((k) => `${formatInt(r.clusters[k]!.to)} ${k}`))}`;
    out.push(`Die Leistung ${r.name} wurde im LeiKa von ${formatInt(r.from)} auf ${services(r.to)} verfeinert; ${where}.`);
  }

  for (const k of COUNTED_CLUSTERS) {
    const change = (c.published[c.to]?.[k] ?? 0) - (c.published[c.from]?.[k] ?? 0);
    if (change === 0) continue;
    const contributors = refined
      .map((r) => ({ r, part: r.clusters[k]?.change ?? 0 }))
      .filter((x) => Math.sign(x.part) === Math.sign(change))
      .sort((x, y) => Math.abs(y.part) - Math.abs(x.part))
      .slice(0, maxContributors);
    if (contributors.length === 0) continue;
    const parts = contributors.map((x) => `${formatSigned(x.part)} auf die Verfeinerung von ${x.r.name}`);
    const sum = contributors.reduce((s, x) => s + x.part, 0);
    let sentence = `Von den ${formatSigned(change)} ${clusterServices(k)} ${sum === 1 || sum === -1 ? 'geht' : 'gehen'} ${joinGerman(parts)} zurück`;
    if (Math.abs(sum) > Math.abs(change))
      sentence += `; das ist mehr als die gesamte Veränderung, weil andere Leistungen sich in die Gegenrichtung bewegt haben.`;
    else if (sum === change) sentence += `; ohne diese Verfeinerung${contributors.length > 1 ? 'en' : ''} wäre der Cluster unverändert.`;
    else sentence += `; ohne diese Verfeinerung${contributors.length > 1 ? 'en' : ''} läge die Veränderung bei ${formatSigned(change - sum)}.`;
    out.push(sentence);
  }

  const adjFrom = c.adjusted[c.from];
  const adjTo = c.adjusted[c.to];
  if (adjFrom && adjTo && c.common > 0) {
    const list = COUNTED_CLUSTERS.filter((k) => k !== UNASSIGNED || adjFrom[k] + adjTo[k] > 0).map((k) => `${k} ${formatSigned(adjTo[k] - adjFrom[k])}`);
    const pubFrom = c.published[c.from];
    const pubTo = c.published[c.to];
    const allChange = pubFrom && pubTo ? pubTo[ALL_SERVICES] - pubFrom[ALL_SERVICES] : 0;
    out.push(
      `Bereinigt, also nur über die ${services(c.common)} gerechnet, die in beiden Jahren erfasst sind, verändern sich die Cluster so: ` +
        `${joinGerman(list)} (veröffentlicht insgesamt ${formatSigned(allChange)}).`,
    );
  }
  return out;
}
