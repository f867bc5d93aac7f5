import { MAX_CELLS, MAX_TEXT, READ_ERRORS, corrupt, tooLarge } from './errors';
import { type Package, scanPart } from './parts';
import { unescapeOoxml } from './refs';
import { plainTextBefore, startsWith, textOf } from './xml-scan';

/**
 * The shared strings: each `<si>` is the text of its `<t>` elements (rich-text runs joined),
 * without phonetic runs (`<rPh>`). At most as many as cells may hold them.
 */
export function readSharedStrings(pkg: Package, path: string | undefined): string[] {
  const strings: string[] = [];
  if (path === undefined) return strings;
  let current = '';
  let inT = false;
  let phonetic = 0;
  const capture = { text: false };
  scanPart(pkg, path, {
    capture,
    open(name, s, _from, _to, content) {
      if (name === 't') inT = true;
      else if (name === 'si') {
        current = '';
        if (content >= 0 && !inT && phonetic === 0) {
          const end = plainItem(s, content);
          if (end >= 0) return end;
        }
      } else if (name === 'rPh') phonetic++;
      capture.text = inT && phonetic === 0;
      return undefined;
    },
    text(source, from, to, cdata) {
      current += textOf(source, from, to, cdata);
      if (current.length > MAX_TEXT) throw corrupt(READ_ERRORS.textTooLong('die Liste der Texte'));
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        add(current);
        current = '';
      }
      capture.text = inT && phonetic === 0;
    },
  });
  return strings;

  function add(text: string): void {
    if (strings.length >= MAX_CELLS) throw tooLarge(READ_ERRORS.tooManyCells);
    strings.push(unescapeOoxml(text));
  }

  /**
   * The common item `<si><t>text</t></si>` (or `<t xml:space="preserve">`), read in one step
   * where it stands whole in `s` from `at` (the content of `<si>`): added as its events would
   * add it; the index after `</si>`, or -1 for anything else (runs, phonetic text, CDATA).
   */
  function plainItem(s: Uint8Array, at: number): number {
    const open = startsWith(s, '<t>', at) ? 3 : startsWith(s, PRESERVE, at) ? PRESERVE.length : 0;
    if (open === 0) return -1;
    const from = at + open;
    const to = plainTextBefore(s, from, '</t></si>', MAX_TEXT);
    if (to < 0) return -1;
    // longer text goes through the events, which refuse it (its decoded text is no longer than its bytes)
    add(textOf(s, from, to, false));
    return to + 9;
  }
}

const PRESERVE = '<t xml:space="preserve">';
