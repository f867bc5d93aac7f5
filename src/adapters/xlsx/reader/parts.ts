import type { ReadBudget } from './errors';
import { NO_TEXT, type XmlHandler, XmlScanner, attribute } from './xml-scan';
import { type ZipEntry, type ZipIndex, inflateEntry, partKey } from './zip';

/** The package being read: its bytes, its zip index and the read's budget. */
export interface Package {
  readonly bytes: Uint8Array;
  readonly zip: ZipIndex;
  readonly budget: ReadBudget;
  /** Entries already inflated by the platform (see inflate-ahead.ts). */
  readonly inflated?: ReadonlyMap<ZipEntry, Uint8Array>;
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
  const onChunk = (chunk: Uint8Array): void => {
    if (decoder === undefined) {
      // XML parts are UTF-8 or, marked by a byte-order mark, UTF-16
      const encoding = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      utf8 = encoding === 'utf-8';
      // UTF-8 pieces may start with U+FEFF of a cell's text: kept (the part's own mark is text before its first tag)
      decoder = new TextDecoder(encoding, { ignoreBOM: utf8 });
    }
    if (!utf8) {
      scanner.feed(decoder.decode(chunk, { stream: true }), false);
      return;
    }
    // UTF-8 is decoded piece by piece, each ending on a whole character, never in streaming mode:
    // Node leaves its fast decoder for good once a decoder streams, and is then about 16 times
    // slower (8 s of a 512 MiB part; docs/performance.md)
    let bytes = tail ? concat(tail, chunk) : chunk;
    tail = undefined;
    const whole = wholeCharacters(bytes);
    if (whole < bytes.length) {
      tail = bytes.slice(whole);
      bytes = bytes.subarray(0, whole);
    }
    scanner.feed(decoder.decode(bytes), false);
  };
  inflateEntry(pkg.bytes, entry, pkg.budget, onChunk, pkg.inflated?.get(entry));
  // an unfinished character at the very end decodes as U+FFFD, as a streaming decoder ends
  if (tail && decoder) scanner.feed(decoder.decode(tail), false);
  scanner.feed(!utf8 && decoder ? decoder.decode() : '', true);
  return true;
}

/** How many of the UTF-8 bytes form whole characters: all but a character cut off at the end. */
function wholeCharacters(bytes: Uint8Array): number {
  const n = bytes.length;
  // the last byte that starts a character, at most 3 back (continuation bytes are 10xxxxxx)
  for (let at = n - 1; at >= 0 && at >= n - 4; at--) {
    const b = bytes[at]!;
    if ((b & 0xc0) === 0x80) continue;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return at + size <= n ? n : at;
  }
  // no start byte: not UTF-8 here, decoded as it is (U+FFFD)
  return n;
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
