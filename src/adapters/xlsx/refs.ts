import { parseA1 } from '../../core/grid';

/** `'Sheet name'!$A$1` or `Sheet!A1` → sheet and cell; undefined for ranges and formulas. */
export function parseSheetRef(ref: string): { sheet: string; cell: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+)$/.exec(ref.trim());
  if (!m || m[3] === undefined) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? '');
  const at = parseA1(m[3]);
  if (!at) return undefined;
  return { sheet, cell: m[3].replace(/\$/g, '').toUpperCase() };
}

/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (a pasted CR in a header is `_x000D_`;
 * a literal `_x0041_` is itself escaped as `_x005F_x0041_`).
 */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
