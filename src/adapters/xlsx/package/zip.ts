/**
 * Unzipping and zipping the xlsx package (fflate). Large parts can be generated while the
 * package is zipped, so they never exist uncompressed as a whole; in Node they are deflated
 * in worker threads while the next chunks are generated.
 */
import { AsyncDeflate, Deflate, strFromU8, strToU8, unzipSync, Zip, ZipDeflate, type AsyncFlateStreamHandler, type Unzipped, type ZipInputFile } from 'fflate';
import { crc32Update } from './crc32';
import { XlsxPartError } from './errors';

export type XlsxParts = Unzipped;

/** Deflate level of the package: 3 is about twice as fast as zlib's default 6, for a file ~12 % larger. */
const ZIP_LEVEL = 3;

/**
 * Timestamp of every zip entry: fixed (local 1980-01-01, the first DOS date), so a rerun of
 * the same report is byte-identical; fflate would stamp the current time.
 */
const ENTRY_TIME = new Date(1980, 0, 1);

/** Parts from this size on are deflated like streamed ones (in a worker thread in Node). */
const LARGE_PART = 1 << 20;

/** A part written while zipping: its skeleton text with `placeholder` replaced by what `write` emits. */
export interface StreamedPart {
  readonly path: string;
  readonly placeholder: string;
  readonly write: (emit: (chunk: Uint8Array) => void) => void;
}

/** The package's parts by path. */
export function unzipXlsx(bytes: Uint8Array): XlsxParts {
  return unzipSync(bytes);
}

function partOrder(parts: XlsxParts): string[] {
  // [Content_Types].xml first, as Office writes it; some readers sniff it there.
  return ['[Content_Types].xml', ...Object.keys(parts).filter((k) => k !== '[Content_Types].xml')].filter((k) => parts[k] !== undefined);
}

/** Whether this runs in Node (not in a browser, not under jsdom), where fflate has worker threads. */
function inNode(): boolean {
  const g = globalThis as { process?: { versions?: { node?: unknown } }; window?: unknown };
  return typeof g.process?.versions?.node === 'string' && g.window === undefined;
}

/**
 * Zips the package; the parts named in `streamed` are generated chunk by chunk into their
 * deflate stream (in Node deflated in a worker thread, elsewhere on this thread).
 */
export async function zipXlsxStreamed(parts: XlsxParts, streamed: readonly StreamedPart[]): Promise<Uint8Array> {
  const byPath = new Map(streamed.map((s) => [s.path, s]));
  const parallel = inNode();
  const out: Uint8Array[] = [];
  const workers: DeflateEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const zip = new Zip((err, data, final) => {
        if (err) {
          failed = true;
          reject(err);
        } else {
          out.push(data);
          if (final) resolve();
        }
      });
      for (const path of partOrder(parts)) {
        if (failed) return;
        const bytes = parts[path] ?? new Uint8Array(0);
        const gen = byPath.get(path);
        if (gen === undefined && bytes.length < LARGE_PART) {
          const file = new ZipDeflate(path, { level: ZIP_LEVEL });
          file.mtime = ENTRY_TIME;
          zip.add(file);
          file.push(bytes, true);
          continue;
        }
        const file = new DeflateEntry(path, parallel);
        if (parallel) workers.push(file);
        zip.add(file);
        if (gen === undefined) {
          file.push(bytes, true);
          continue;
        }
        const skeleton = strFromU8(bytes);
        const at = skeleton.indexOf(gen.placeholder);
        if (at < 0) throw new XlsxPartError(`placeholder missing in ${path}`);
        file.push(strToU8(skeleton.slice(0, at)), false);
        gen.write((chunk) => file.push(chunk, false));
        file.push(strToU8(skeleton.slice(at + gen.placeholder.length)), true);
      }
      zip.end();
    });
  } catch (error) {
    for (const w of workers) w.terminate();
    throw error;
  }
  return concat(out);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    result.set(c, offset);
    offset += c.length;
  }
  return result;
}

/**
 * A deflated zip entry fed in chunks, like fflate's (Async)ZipDeflate, but with a CRC-32
 * four times faster than fflate's byte-wise one (it runs on the generating thread).
 */
class DeflateEntry implements ZipInputFile {
  readonly compression = 8;
  /** Zip flag bits 1–2 for the deflate level (as fflate sets them). */
  readonly flag: number = deflateFlag(ZIP_LEVEL);
  readonly mtime = ENTRY_TIME;
  size = 0;
  crc = 0;
  /** Set by fflate's Zip when the entry is added. */
  ondata: AsyncFlateStreamHandler = () => undefined;
  private running = -1;
  private readonly deflate: AsyncDeflate | Deflate;

  constructor(
    readonly filename: string,
    parallel: boolean,
  ) {
    if (parallel) this.deflate = new AsyncDeflate({ level: ZIP_LEVEL }, (err, data, final) => this.ondata(err, data, final));
    else {
      const sync = new Deflate({ level: ZIP_LEVEL });
      sync.ondata = (data, final) => this.ondata(null, data, final);
      this.deflate = sync;
    }
  }

  push(chunk: Uint8Array, final: boolean): void {
    // The checksum first: pushing transfers the chunk's buffer to the worker.
    this.running = crc32Update(this.running, chunk);
    this.size += chunk.length;
    if (final) this.crc = ~this.running >>> 0;
    this.deflate.push(chunk, final);
  }

  terminate(): void {
    if (this.deflate instanceof AsyncDeflate) this.deflate.terminate();
  }
}

function deflateFlag(level: number): number {
  return level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
}
