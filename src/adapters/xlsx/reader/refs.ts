
/**
 * Excel writes characters XML cannot hold as `_xHHHH_` (a pasted CR in a header is `_x000D_`;
 * a literal `_x0041_` is itself escaped as `_x005F_x0041_`).
 */
export function unescapeOoxml(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
