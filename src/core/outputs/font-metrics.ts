import { ADVANCE_WIDTHS, CHARSET } from './font-metrics-data';

/** Fonts whose advance widths the core knows (from their metric twins Carlito and Liberation Sans). */
export type MetricFont = 'Calibri' | 'Arial';

const INDEX = new Map([...CHARSET].map((ch, i) => [ch, i]));
/** A character outside the table counts as wide as an `M`-sized glyph, so a column is rather too wide than too narrow. */
const FALLBACK = 800;

export interface TextStyle {
  readonly font?: MetricFont;
  /** Points; default 11. */
  readonly size?: number;
  readonly bold?: boolean;
}

/** Width of `text` in points when set in one line (advance widths summed, no kerning). */
export function textWidthPt(text: string, style: TextStyle = {}): number {
  const font = style.font ?? 'Calibri';
  const widths = ADVANCE_WIDTHS[style.bold ? `${font} Bold` : font] ?? [];
  let sum = 0;
  for (const ch of text) {
    const i = INDEX.get(ch);
    const w = i === undefined ? -1 : (widths[i] ?? -1);
    sum += w >= 0 ? w : FALLBACK;
  }
  return (sum * (style.size ?? 11)) / 1000;
}
