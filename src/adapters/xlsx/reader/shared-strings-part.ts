import { MAX_CELLS, MAX_TEXT, READ_ERRORS, corrupt, tooLarge } from './errors';
import { type Package, scanPart } from './parts';
import { unescapeOoxml } from './refs';
import { textOf } from './xml-scan';

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
    open(name) {
      if (name === 't') inT = true;
      else if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      capture.text = inT && phonetic === 0;
    },
    text(source, from, to, cdata) {
      current += textOf(source, from, to, cdata);
      if (current.length > MAX_TEXT) throw corrupt(READ_ERRORS.textTooLong('die Liste der Texte'));
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        if (strings.length >= MAX_CELLS) throw tooLarge(READ_ERRORS.tooManyCells);
        strings.push(unescapeOoxml(current));
        current = '';
      }
      capture.text = inT && phonetic === 0;
    },
  });
  return strings;
}
