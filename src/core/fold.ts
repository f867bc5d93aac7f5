import type { Cell } from './grid';

/*
 * Characters that fold to a space: hyphens, typographic dashes and the minus sign, slashes,
 * underscores, line breaks, every Unicode space (non-breaking spaces and the byte-order mark
 * included in `\s`) and the zero-width spaces that copy-and-paste from web pages leaves behind.
 */
const SPACE_CLASS = '[-\\u2010-\\u2015\\u2212/_\\s\\u200b-\\u200d\\u2060]';
const SPACE_LIKE = new RegExp(`${SPACE_CLASS}+`, 'g');

/**
 * Folding of SPEC §2, used for headers and values alike: Unicode NFC; case-fold; ä→ae, ö→oe,
 * ü→ue, ß→ss; hyphens, dashes, slashes, underscores, line breaks, non-breaking spaces and
 * byte-order marks become spaces; whitespace collapsed; trimmed; a trailing `.` or `:`
 * dropped. Matching compares whole folded values.
 */
export function fold(value: string): string {
  let s = value.normalize('NFC').toLowerCase();
  if (/[äöüß]/.test(s)) s = s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return dropTrailingMark(s.replace(SPACE_LIKE, ' ').trim());
}

/** A folded value without its trailing `.` or `:`. */
export function dropTrailingMark(folded: string): string {
  return folded.endsWith('.') || folded.endsWith(':') ? folded.slice(0, -1).trimEnd() : folded;
}

/**
 * A cheap test on the raw text, true wherever its folded text begins with one of `folded`
 * (folded values) and then ends (`value`: nothing more than a trailing mark or a remark in
 * parentheses follows) or a word ends (`word`): a pre-filter that never rejects what folding
 * would accept, so the caller folds only the few cells that pass.
 */
export function foldedStartTest(folded: readonly string[], then: 'value' | 'word'): { test(raw: string): boolean } {
  const boundary = then === 'value' ? `${SPACE_CLASS}*(?:[.:(]|$)` : `(?:${SPACE_CLASS}|[.:(]|$)`;
  const pattern = new RegExp(`^${SPACE_CLASS}*(?:${folded.map(rawPattern).join('|')})${boundary}`, 'i');
  // text that begins with an ASCII letter or digit folds to that character first (lower case):
  // most cells are rejected by it, without the pattern
  const firsts = folded.map((f) => f.charCodeAt(0));
  if (firsts.some((c) => !isAsciiAlphanumeric(c))) return pattern;
  const begins = new Uint8Array(128);
  for (const c of firsts) begins[c] = 1;
  return {
    test(raw) {
      const c = raw.charCodeAt(0);
      if (isAsciiAlphanumeric(c) && begins[c >= 65 && c <= 90 ? c + 32 : c] === 0) return false;
      return pattern.test(raw);
    },
  };
}

function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Every raw spelling of a folded value, case aside: umlauts as letter, digraph or decomposed; spaces as any space-like run. */
function rawPattern(folded: string): string {
  return folded
    .replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
    .replace(/ue|oe|ae|ss|k| /g, (m) => RAW_SPELLINGS[m] ?? m);
}

const RAW_SPELLINGS: Readonly<Record<string, string>> = {
  ue: '(?:ue|ü|u\u0308)',
  oe: '(?:oe|ö|o\u0308)',
  ae: '(?:ae|ä|a\u0308)',
  ss: '(?:ss|ß|ẞ)',
  // NFC turns the Kelvin sign into K
  k: '[k\u212a]',
  ' ': `${SPACE_CLASS}+`,
};

/**
 * True for a cell that holds nothing once folded: empty, spaces, `-`, `–`, `.` (SPEC §2).
 * Numbers, booleans and Excel errors are never blank.
 */
export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // most cells start with a letter or digit: they cannot fold to nothing
  if (isAsciiAlphanumeric(cell.charCodeAt(0))) return false;
  return fold(cell) === '';
}
