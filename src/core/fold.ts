/**
 * Folding of SPEC §2, used for headers and values alike: case-fold; ä→ae, ö→oe, ü→ue,
 * ß→ss; hyphens, slashes, underscores and line breaks become spaces; whitespace collapsed;
 * trimmed; a trailing `.` or `:` dropped. Matching compares whole folded values.
 */
export function fold(value: string): string {
  let s = value.normalize('NFC').toLowerCase();
  if (/[äöüß]/.test(s)) s = s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  s = s
    .replace(/[-\u2010-\u2015\u2212/_\r\n]/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (s.endsWith('.') || s.endsWith(':')) s = s.slice(0, -1).trimEnd();
  return s;
}
