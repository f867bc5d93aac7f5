import type { ReadBudget } from './errors';
import { NO_TEXT, type XmlHandler, XmlScanner, attribute, releaseText } from './xml-scan';
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
  let utf16: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  let first = true;
  const encoder = new TextEncoder();
  const onChunk = (chunk: Uint8Array): void => {
    if (first) {
      first = false;
      // XML parts are UTF-8 or, marked by a byte-order mark, UTF-16 (read as UTF-8 from here on)
      if (chunk[0] === 0xff && chunk[1] === 0xfe) utf16 = new TextDecoder('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) utf16 = new TextDecoder('utf-16be');
    }
    scanner.feed(utf16 ? encoder.encode(utf16.decode(chunk, { stream: true })) : chunk, false);
  };
  try {
    inflateEntry(pkg.bytes, entry, pkg.budget, onChunk, pkg.inflated?.get(entry));
    scanner.feed(utf16 ? encoder.encode(utf16.decode()) : new Uint8Array(0), true);
  } finally {
    releaseText();
  }
  return true;
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
