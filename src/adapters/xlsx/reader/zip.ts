import { Inflate } from 'fflate';
import { crc32Update } from '../package/crc32';
import { WorkbookError } from '../../../port/workbook-port';
import { READ_ERRORS, type ReadBudget, corrupt } from './errors';
import { nodeBuiltin } from './node-builtin';

/*
 * The zip container read by hand from its central directory (APPNOTE.TXT), so that nothing is
 * unpacked before it is needed, every entry is checked to lie in its own byte range (overlapping
 * entries are how a small file unpacks to gigabytes), and inflated sizes are counted while
 * inflating instead of being trusted from headers.
 */

export interface ZipEntry {
  /** The name as stored, with backslashes turned into slashes. */
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** The unpacked size the header states (0xFFFFFFFF: stated elsewhere); a hint only, never trusted as a limit. */
  readonly statedSize: number;
  /** Offset of the entry's local header. */
  readonly offset: number;
  readonly encrypted: boolean;
}

export interface ZipIndex {
  /** Entries by normalised part name (see `partKey`). */
  readonly entries: ReadonlyMap<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
/** Compressed bytes handed to the inflater at once: bounds one step's output to about 66 MB. */
const STEP = 1 << 16;

/** The key a part is looked up by: slashes for backslashes, no leading slash, %-escapes decoded, lower case (OPC part names are case-insensitive). */
export function partKey(name: string): string {
  let key = name.replace(/\\/g, '/').replace(/^\/+/, '');
  if (key.includes('%')) {
    try {
      key = decodeURIComponent(key);
    } catch {
      // a lone % is a character of the name
    }
  }
  return key.toLowerCase();
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16) | ((b[at + 3] ?? 0) << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  const high = u32(b, at + 4);
  if (high > 0x1fffff) throw corrupt(READ_ERRORS.corruptZip);
  return high * 2 ** 32 + u32(b, at);
}

const utf8 = new TextDecoder('utf-8');

/** Reads the central directory. Throws WorkbookError for a damaged or manipulated container. */
export function readZipIndex(bytes: Uint8Array): ZipIndex {
  const end = findEndRecord(bytes);
  let count = u16(bytes, end + 10);
  let cdSize = u32(bytes, end + 12);
  let cdOffset = u32(bytes, end + 16);
  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== EOCD64_LOCATOR) throw corrupt(READ_ERRORS.corruptZip);
    const at = u64(bytes, locator + 8);
    if (at + 56 > bytes.length || u32(bytes, at) !== EOCD64) throw corrupt(READ_ERRORS.corruptZip);
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw corrupt(READ_ERRORS.corruptZip);
  const entries = new Map<string, ZipEntry>();
  const ranges: [number, number][] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || u32(bytes, p) !== CENTRAL) throw corrupt(READ_ERRORS.corruptZip);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let offset = u32(bytes, p + 42);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/\\/g, '/');
    // ZIP64 extended information: the 64-bit values, in this order, for the fields set to 0xFFFFFFFF
    let x = p + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = u16(bytes, x);
      const len = u16(bytes, x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (size === MAX32) f += 8;
        if (compressedSize === MAX32) (compressedSize = u64(bytes, f)), (f += 8);
        if (offset === MAX32) offset = u64(bytes, f);
      }
      x += 4 + len;
    }
    p = extraEnd + commentLength;
    if (offset + 30 > cdOffset || u32(bytes, offset) !== LOCAL) throw corrupt(READ_ERRORS.corruptZip);
    const dataStart = offset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
    ranges.push([offset, dataStart + compressedSize]);
    if (name.endsWith('/')) continue;
    const key = partKey(name);
    if (entries.has(key)) throw corrupt(READ_ERRORS.overlapping);
    entries.set(key, { name, method, crc, compressedSize, statedSize: size, offset, encrypted: (flags & 1) !== 0 });
  }
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < ranges.length; i++) {
    const [, stop] = ranges[i]!;
    const next = ranges[i + 1]?.[0] ?? cdOffset;
    if (stop > next) throw corrupt(i + 1 < ranges.length ? READ_ERRORS.overlapping : READ_ERRORS.corruptZip);
  }
  return { entries };
}

function findEndRecord(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD) return at;
  }
  throw corrupt(READ_ERRORS.corruptZip);
}

/** An entry's stored (compressed) bytes. */
export function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Node's zlib where the reader runs in Node (the CLI; see nodeBuiltin). */
interface NativeZlib {
  inflateRawSync(data: Uint8Array, options: { maxOutputLength: number; chunkSize: number }): Uint8Array;
  crc32(data: Uint8Array, value?: number): number;
}

const nativeZlib: NativeZlib | undefined = (() => {
  const zlib = nodeBuiltin<NativeZlib>('node:zlib');
  return typeof zlib?.inflateRawSync === 'function' && typeof zlib.crc32 === 'function' ? (zlib as NativeZlib) : undefined;
})();

/**
 * Unpacks one entry chunk by chunk into `onChunk`, counting every inflated byte against the
 * budget as it appears (never trusting the sizes in the headers), and checks the CRC at the end.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: ReadBudget, onChunk: (chunk: Uint8Array) => void, inflatedAhead?: Uint8Array): void {
  if (entry.encrypted) throw new WorkbookError(READ_ERRORS.encrypted, 'encrypted');
  // counted and checked like any other entry
  if (inflatedAhead) return takeAll(inflatedAhead, entry, budget, onChunk);
  const data = compressedData(bytes, entry);
  if (entry.method === 0) return takeAll(data, entry, budget, onChunk);
  if (entry.method !== 8) throw corrupt(READ_ERRORS.compression);
  if (nativeZlib) {
    // in one go, up to what the budget has left: zlib stops a part that would unpack to more
    // (ERR_BUFFER_TOO_LARGE) at that size; streaming it through fflate took 10 s for 512 MiB
    const left = budget.inflatedLeft;
    let out: Uint8Array;
    try {
      out = nativeZlib.inflateRawSync(data, { maxOutputLength: Math.max(1, left + 1), chunkSize: inflateChunk(data.length, entry.statedSize) });
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE') budget.addInflated(left + 1);
      throw corrupt(READ_ERRORS.corruptZip, error);
    }
    return takeAll(out, entry, budget, onChunk);
  }
  let running = -1;
  const inflater = new Inflate((chunk) => {
    budget.addInflated(chunk.length);
    running = crc32Update(running, chunk);
    onChunk(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    if (error instanceof WorkbookError) throw error;
    throw corrupt(READ_ERRORS.corruptZip, error);
  }
  if (~running >>> 0 !== entry.crc) throw corrupt(READ_ERRORS.corruptZip);
}

/**
 * Node's output piece for a part: about its unpacked size, not zlib's 16 KiB default, whose
 * thousands of pieces per part and their joining took 90 % of the unpacking (benchmark
 * workbook: 230 ms → 20 ms; docs/performance.md). The size the header states, where deflate
 * can unpack that much from the packed bytes (at most 1032 times), makes it one piece, so
 * nothing is joined; else XML's usual 5–10 times. The header only sizes the piece: the budget
 * still stops a part at what it really unpacks to.
 */
function inflateChunk(packed: number, stated: number): number {
  const expected = stated !== MAX32 && stated <= packed * 1032 ? stated + 1 : packed * 8;
  return Math.min(16 << 20, Math.max(64 << 10, expected));
}

function takeAll(data: Uint8Array, entry: ZipEntry, budget: ReadBudget, onChunk: (chunk: Uint8Array) => void): void {
  budget.addInflated(data.length);
  const crc = nativeZlib ? nativeZlib.crc32(data) : ~crc32Update(-1, data) >>> 0;
  if (crc !== entry.crc) throw corrupt(READ_ERRORS.corruptZip);
  // a plain view: Node's zlib returns a Buffer, whose every `subarray` (one per text read) builds a Buffer, 130 ms on the bench workbook
  onChunk(new Uint8Array(data.buffer, data.byteOffset, data.length));
}
