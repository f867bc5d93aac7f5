/* German number and list formatting for everything users read: one home for the thousands separator and the minus sign. */

/** German integer: `1.187`, `−3`. */
export function formatInt(n: number): string {
  const digits = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+$)/g, '.');
  return n < 0 ? `\u2212${digits}` : digits;
}

/** German signed integer: `+95`, `−3`, `±0`. */
export function formatSigned(n: number): string {
  if (n === 0) return '\u00b10';
  return n > 0 ? `+${formatInt(n)}` : formatInt(n);
}

/** `A`, `A und B`, `A, B und C`. */
export function joinGerman(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]!}`;
}
