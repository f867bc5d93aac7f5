/**
 * The longest common prefix of the names, cut back to a whole word where it ends inside
 * one, then trimmed of spaces and dangling separators (`-`, `,`, `(`, `/`, `:` …).
 * `''` when the names share no whole word.
 */
export function commonNamePrefix(names: readonly string[]): string {
  const list = names.map((n) => n.replace(/\s+/g, ' ').trim()).filter((n) => n !== '');
  const first = list[0];
  if (first === undefined) return '';
  let len = first.length;
  for (const n of list) {
    let i = 0;
    while (i < len && i < n.length && n[i] === first[i]) i++;
    len = i;
  }
  let prefix = first.slice(0, len);
  // a prefix ending inside a word of some name ("Hundesteuer A" of An-/Abmeldung) is cut back to the word
  const endsInsideWord = list.some((n) => n.length > len && isWordChar(n[len]!) && len > 0 && isWordChar(n[len - 1]!));
  if (endsInsideWord) {
    const cut = prefix.search(/[^\p{L}\p{N}][\p{L}\p{N}]*$/u);
    prefix = cut > 0 ? prefix.slice(0, cut) : '';
  }
  return prefix.replace(/[\s\-–—,;:/(\[&+]+$/u, '').trim();
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}
