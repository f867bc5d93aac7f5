import { BUILT_IN_VALUES, CLUSTERS, type ClusterOrExcluded, EXCLUDED } from './clusters';
import { fold } from './fold';

/** A user's mapping entry from the `Zuordnung` sheet: value as written → cluster. */
export interface MappingEntry {
  readonly value: string;
  readonly cluster: ClusterOrExcluded;
}

/** Classifies status values (SPEC §3): user entries win over built-ins; matching is by whole folded value. */
export interface Classifier {
  classify(status: string): ClusterOrExcluded | undefined;
  /** The known value closest to an unmatched status, as written in the catalogue or by the user. */
  suggest(status: string): { value: string; cluster: ClusterOrExcluded } | undefined;
}

export function makeClassifier(mapping: readonly MappingEntry[] = []): Classifier {
  const byFolded = new Map<string, ClusterOrExcluded>();
  const known: { value: string; folded: string; cluster: ClusterOrExcluded }[] = [];
  const add = (value: string, cluster: ClusterOrExcluded, override: boolean): void => {
    const folded = fold(value);
    if (folded === '') return;
    if (!override && byFolded.has(folded)) return;
    byFolded.set(folded, cluster);
    known.push({ value, folded, cluster });
  };
  for (const entry of mapping) add(entry.value, entry.cluster, false);
  for (const cluster of [...CLUSTERS, EXCLUDED] as const) for (const value of BUILT_IN_VALUES[cluster]) add(value, cluster, false);

  // status values repeat thousands of times: fold each distinct spelling once
  const cache = new Map<string, ClusterOrExcluded | undefined>();
  return {
    classify(status) {
      const known = cache.get(status);
      if (known !== undefined || cache.has(status)) return known;
      const cluster = byFolded.get(fold(status));
      if (cache.size < 10_000) cache.set(status, cluster);
      return cluster;
    },
    suggest(status) {
      const f = fold(status);
      let best: (typeof known)[number] | undefined;
      let bestDistance = Infinity;
      for (const k of known) {
        const d = editDistance(f, k.folded);
        if (d < bestDistance) {
          best = k;
          bestDistance = d;
        }
      }
      return best && { value: best.value, cluster: best.cluster };
    },
  };
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Reifegrad → cluster (0–1 Analog, 2 PDF, 3–4 Digital); undefined when not a whole number 0–4. */
export function reifegradCluster(value: number | string): ClusterOrExcluded | undefined {
  const folded = typeof value === 'string' ? fold(value) : '';
  const n = typeof value === 'number' ? value : /^[0-4](?:[.,]0+)?$/.test(folded) ? Number(folded.replace(',', '.')) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 4) return undefined;
  return n <= 1 ? 'Analog' : n === 2 ? 'PDF' : 'Digital';
}
