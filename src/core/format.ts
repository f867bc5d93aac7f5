/* German number and list formatting for everything users read: one home for the thousands separator, the decimal comma and the minus sign. */

/** German integer: `1.187`, `−3`. */
export function formatInt(n: number): string {
  const digits = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+$)/g, '.');
  return n < 0 ? `\u2212${digits}` : digits;
}

/** German percentage with one decimal, as Excel shows `0.0 %` in German: `42,2 %`. */
export function formatPercent(fraction: number): string {
  const tenths = Math.round(Math.abs(fraction) * 1000);
  const text = `${formatInt(Math.trunc(tenths / 10))},${tenths % 10} %`;
  return fraction < 0 && tenths > 0 ? `\u2212${text}` : text;
}

/** German quotation marks: „…“. */
export function quoted(text: string): string {
  return `\u201e${text}\u201c`;
}

/** `A`, `A und B`, `A, B und C`. */
export function joinGerman(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]!}`;
}
