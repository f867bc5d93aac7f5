/* Calendar days as the product writes them: one home for the ISO day and the German date. */

/** A Date's local calendar day as ISO `YYYY-MM-DD` (the evaluation date: the user's today). */
export function isoDay(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `2025-03-05` or `2025-03-05T10:00:00Z` → `05.03.2025`; undefined when the text starts with no ISO date. */
export function toGermanDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]!}.${m[2]!}.${m[1]!}` : undefined;
}
