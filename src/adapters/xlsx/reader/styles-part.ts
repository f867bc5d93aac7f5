import { isDateFormat } from './dates';
import { type Package, scanPart } from './parts';
import { NO_TEXT, attribute } from './xml-scan';

/** For each cell style index (`<c s="…">`), whether it formats numbers as dates. */
export function readDateStyles(pkg: Package, path: string | undefined): readonly boolean[] {
  if (path === undefined) return [];
  const codes = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanPart(pkg, path, {
    capture: NO_TEXT,
    open(name, s, from, to) {
      if (name === 'numFmt') {
        const id = Number(attribute(s, from, to, 'numFmtId'));
        const code = attribute(s, from, to, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) codes.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attribute(s, from, to, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => isDateFormat(id, codes.get(id)));
}
