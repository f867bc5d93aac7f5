/**
 * The longest common prefix of the names, cut back to a whole word where it ends inside
 * one, then trimmed of spaces and dangling separators (`-`, `,`, `(`, `/`, `:` …).
 * `''` when the names share no whole word.
 */
export function commonNamePrefix(names: readonly string[]): string {
  const prefix = new NamePrefix();
  for (const n of names) prefix.add(n);
  return prefix.result();
}

/** Whitespace that `replace(/\s+/g, ' ').trim()` would change: other than single spaces inside. */
const IRREGULAR_SPACE = /[^\S ]|\s\s|^\s|\s$/;

/**
 * `commonNamePrefix` taken one name at a time, in any order (duplicates change nothing), without
 * keeping the names: the first name (whitespace collapsed), the length `len` of the prefix all
 * names share, and whether a name sharing exactly `len` characters with the first has a word
 * character at `len` (a name sharing more has the first name's character there).
 */
export class NamePrefix {
  private first: string | undefined;
  /** `first.slice(0, len)`. */
  private head = '';
  private len = 0;
  private wordAfterLen = false;

  add(name: string): void {
    const n = IRREGULAR_SPACE.test(name) ? name.replace(/\s+/g, ' ').trim() : name;
    if (n === '') return;
    const first = this.first;
    if (first === undefined) {
      this.first = this.head = n;
      this.len = n.length;
      return;
    }
    const len = this.len;
    if (n.startsWith(this.head)) {
      if (n.length > len && !(first.length > len && n[len] === first[len])) this.wordAfterLen ||= isWordChar(n[len]!);
      return;
    }
    let i = 0;
    while (n[i] === first[i]) i++;
    this.len = i;
    this.head = first.slice(0, i);
    this.wordAfterLen = n.length > i && isWordChar(n[i]!);
  }

  result(): string {
    const { first, len } = this;
    if (first === undefined) return '';
    let prefix = this.head;
    // a prefix ending inside a word of some name ("Hundesteuer A" of An-/Abmeldung) is cut back to the word
    const endsInsideWord = len > 0 && isWordChar(first[len - 1]!) && ((first.length > len && isWordChar(first[len]!)) || this.wordAfterLen);
    if (endsInsideWord) {
      const cut = prefix.search(/[^\p{L}\p{N}][\p{L}\p{N}]*$/u);
      prefix = cut > 0 ? prefix.slice(0, cut) : '';
    }
    return prefix.replace(/[\s\-–—,;:/(\[&+]+$/u, '').trim();
  }
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}
