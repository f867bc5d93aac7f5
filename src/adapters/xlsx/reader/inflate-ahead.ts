import { type ZipEntry, type ZipIndex, compressedData } from './zip';

/*
 * In the browser the reader's own inflater (fflate, JavaScript) is most of file mode's reading
 * time; the browser's DecompressionStream inflates natively, but only asynchronously. So before
 * the (synchronous) reader runs, the package's XML parts are inflated ahead here. Nothing is
 * trusted or refused here: an entry that does not inflate, or would take the ahead-of-time
 * memory past AHEAD_MAX, is left to the reader, which inflates, counts and refuses it as always;
 * the entries inflated here pass the same CRC and size checks there.
 */

/** Inflated bytes held at once; a package beyond it is read the slower way, not refused. */
const AHEAD_MAX = 256 * 1024 * 1024;
const XML_PART = /\.(xml|rels)$/i;

/** The package's deflated XML parts, inflated by the platform; empty where it has no DecompressionStream. */
export async function inflateAhead(bytes: Uint8Array, zip: ZipIndex): Promise<Map<ZipEntry, Uint8Array>> {
  const inflated = new Map<ZipEntry, Uint8Array>();
  if (typeof DecompressionStream !== 'function') return inflated;
  // all parts at once, so the waits between a stream's small pieces overlap (bench workbook in Chromium on a
  // busy machine: 0.45–0.7 s instead of 0.5–2 s one after the other; docs/performance.md)
  const held = { bytes: 0 };
  const parts = [...zip.entries.values()].filter((entry) => entry.method === 8 && !entry.encrypted && XML_PART.test(entry.name));
  const outs = await Promise.all(parts.map((entry) => inflateNative(compressedData(bytes, entry), held)));
  outs.forEach((out, i) => {
    if (out !== undefined) inflated.set(parts[i]!, out);
  });
  return inflated;
}

/** Raw deflate data inflated, or undefined when it is damaged or the bytes held by all parts would pass AHEAD_MAX. */
async function inflateNative(data: Uint8Array, held: { bytes: number }): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      held.bytes += value.length;
      if (held.bytes > AHEAD_MAX) {
        held.bytes -= length;
        await reader.cancel();
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    held.bytes -= length;
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
