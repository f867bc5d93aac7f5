import { formatInt } from '../format';

export { formatInt, joinGerman } from '../format';

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
