import { type ZipEntry, type ZipIndex, compressedData, partKey } from './zip';

/*
 * The package's XML parts inflated ahead, off the reader's path: in Node by zlib on its thread
 * pool (a second core inflates while the reader scans the part before), in the browser by
 * DecompressionStream (native instead of fflate in JavaScript, the most of file mode's
 * reading). One part at a time, the part the reader waits for first; the (synchronous) reader
 * takes a part from here once it is ready. Nothing is trusted or refused here: an entry that
 * does not inflate, or would take the ahead-of-time memory past AHEAD_MAX, is left to the
 * reader, which inflates, counts and refuses it as always; the entries inflated here pass the
 * same CRC and size checks there.
 */

/** Inflated bytes held at once; a package beyond it is read the slower way, not refused. */
const AHEAD_MAX = 256 * 1024 * 1024;
/**
 * At most this much of one part in Node: the reader inflates a larger part itself, as fast (a
 * part of a zip bomb inflated here in vain costs this much time and memory, not AHEAD_MAX).
 */
const NODE_PART_MAX = 64 * 1024 * 1024;
const XML_PART = /\.(xml|rels)$/i;

/** Raw deflate data inflated, or undefined when it is damaged or inflates to more than `max` bytes. */
type Inflate = (data: Uint8Array, max: number) => Promise<Uint8Array | undefined>;

/** Node's zlib, found without a `require` a browser bundle would follow. */
interface NodeZlib {
  inflateRaw(data: Uint8Array, options: { maxOutputLength: number; chunkSize: number }, done: (error: Error | null, out: Uint8Array) => void): void;
}

const nodeZlib = ((): NodeZlib | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule('node:zlib') as Partial<NodeZlib> | undefined) : undefined;
  return typeof zlib?.inflateRaw === 'function' ? (zlib as NodeZlib) : undefined;
})();

const platformInflate: Inflate | undefined = nodeZlib
  ? (data, max) =>
      new Promise((resolve) => {
        // pieces about the part's size (see zip.ts inflateChunk); beyond `max` zlib stops with an error
        const chunkSize = Math.min(16 << 20, Math.max(64 << 10, data.length * 8));
        nodeZlib.inflateRaw(data, { maxOutputLength: Math.max(1, max), chunkSize }, (error, out) => resolve(error ? undefined : new Uint8Array(out.buffer, out.byteOffset, out.length)));
      })
  : typeof DecompressionStream === 'function'
    ? inflateByStream
    : undefined;

/** The parts being inflated ahead, one at a time; the reader asks for them by name and takes them when ready. */
export class InflateAhead {
  /** Parts inflated (the reader's `Package.inflated`). */
  readonly inflated = new Map<ZipEntry, Uint8Array>();
  /** Parts not started yet, in the order they will be. */
  private readonly queue: ZipEntry[];
  private readonly started = new Map<ZipEntry, Promise<void>>();
  private busy: Promise<void> | undefined;
  private held = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly zip: ZipIndex,
  ) {
    this.queue = platformInflate ? [...zip.entries.values()].filter((e) => e.method === 8 && !e.encrypted && XML_PART.test(e.name)) : [];
    this.pump();
  }

  /** Resolves once the named parts are inflated or left to the reader; a part the reader needs before its turn comes next. */
  async ready(names: readonly string[]): Promise<void> {
    const entries = names.map((name) => this.zip.entries.get(partKey(name))).filter((e): e is ZipEntry => e !== undefined);
    for (const entry of entries.slice().reverse()) {
      const i = this.queue.indexOf(entry);
      if (i > 0) this.queue.unshift(...this.queue.splice(i, 1));
    }
    for (const entry of entries) {
      while (this.queue.includes(entry)) await this.busy;
      await this.started.get(entry);
    }
  }

  /** Starts nothing more (the read has ended). */
  stop(): void {
    this.queue.length = 0;
  }

  private pump(): void {
    if (this.busy !== undefined || platformInflate === undefined) return;
    const entry = this.queue.shift();
    if (entry === undefined) return;
    const max = Math.min(AHEAD_MAX - this.held, nodeZlib ? NODE_PART_MAX : AHEAD_MAX);
    const done = platformInflate(compressedData(this.bytes, entry), max).then((out) => {
      if (out === undefined) return;
      this.held += out.length;
      this.inflated.set(entry, out);
    });
    this.started.set(entry, done);
    this.busy = done.then(() => {
      this.busy = undefined;
      this.pump();
    });
  }
}

async function inflateByStream(data: Uint8Array, max: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > max) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
