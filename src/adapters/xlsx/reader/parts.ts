import type { ReadBudget } from './errors';
import { NO_TEXT, type XmlHandler, XmlScanner, attribute } from './xml-scan';
import { type ZipIndex, inflateEntry, partKey } from './zip';

/** The package being read: its bytes, its zip index and the read's budget. */
export interface Package {
  readonly bytes: Uint8Array;
  readonly zip: ZipIndex;
  readonly budget: ReadBudget;
}

/** Whether the package has a part of this name (compared as OPC does: case-insensitively). */
export function hasPart(pkg: Package, name: string): boolean {
  return pkg.zip.entries.has(partKey(name));
}

/** Streams a part's XML through a handler; false when the part does not exist. */
export function scanPart(pkg: Package, name: string, handler: XmlHandler): boolean {
  const entry = pkg.zip.entries.get(partKey(name));
  if (!entry) return false;
  const scanner = new XmlScanner(handler);
  let decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  let utf8 = true;
  let tail: Uint8Array | undefined;
  inflateEntry(pkg.bytes, entry, pkg.budget, (chunk) => {
    if (decoder === undefined) {
      // XML parts are UTF-8 or, marked by a byte-order mark, UTF-16
      const encoding = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      utf8 = encoding === 'utf-8';
      decoder = new TextDecoder(encoding);
    }
    let bytes = tail ? concat(tail, chunk) : chunk;
    tail = undefined;
    // UTF-8 text cut after its last '>' (never inside a character): the scanner then rarely carries a token over
    const cut = utf8 ? bytes.lastIndexOf(0x3e) + 1 : 0;
    if (cut > 0 && bytes.length - cut < 1 << 16) {
      tail = bytes.slice(cut);
      bytes = bytes.subarray(0, cut);
    }
    scanner.feed(decoder.decode(bytes, { stream: true }), false);
  });
  if (tail && decoder) scanner.feed(decoder.decode(tail, { stream: true }), false);
  scanner.feed(decoder?.decode() ?? '', true);
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface Relationship {
  readonly id: string;
  /** The last segment of the type URI, lower case (`worksheet`, `officedocument`): the same in Strict and Transitional OOXML. */
  readonly type: string;
  /** Resolved part name. */
  readonly target: string;
}

/** The relationships of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `''` → `_rels/.rels`). External targets are left out. */
export function relationships(pkg: Package, source: string): Relationship[] {
  const slash = source.lastIndexOf('/');
  const dir = slash >= 0 ? source.slice(0, slash + 1) : '';
  const file = slash >= 0 ? source.slice(slash + 1) : source;
  const rels: Relationship[] = [];
  scanPart(pkg, `${dir}_rels/${file}.rels`, {
    capture: NO_TEXT,
    open(name, s, from, to) {
      if (name !== 'Relationship') return;
      const id = attribute(s, from, to, 'Id');
      const type = attribute(s, from, to, 'Type') ?? '';
      const target = attribute(s, from, to, 'Target');
      if (id === undefined || target === undefined || attribute(s, from, to, 'TargetMode') === 'External') return;
      const clean = target.replace(/\\/g, '/');
      rels.push({
        id,
        type: type.slice(type.lastIndexOf('/') + 1).toLowerCase(),
        target: resolvePath(clean.startsWith('/') ? clean : dir + clean),
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

function resolvePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}
