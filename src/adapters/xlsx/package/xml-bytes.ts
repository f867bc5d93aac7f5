/**
 * XML written as UTF-8 straight into byte chunks. A worksheet of 100,000 rows built as JS
 * strings costs millions of short-lived string pieces and a UTF-8 encoding pass; writing
 * the bytes directly costs neither.
 */
import { XML_ENTITIES } from '../../../core/markup';

/** The bytes of the entities written for `& < > "` (code unit → ASCII bytes). */
const ENTITY: Readonly<Record<number, readonly number[]>> = Object.fromEntries(
  ['&', '<', '>', '"'].map((c) => [c.charCodeAt(0), [...(XML_ENTITIES[c] ?? c)].map((ch) => ch.charCodeAt(0))]),
);

/** Most bytes one UTF-16 code unit can become here (`&quot;`). */
const MAX_BYTES_PER_UNIT = 6;

/** Writes UTF-8 into buffers of `chunkSize` bytes and hands each full one to `emit`. */
export class XmlByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(
    private readonly emit: (chunk: Uint8Array) => void,
    private readonly chunkSize = 1 << 20,
  ) {
    this.buf = new Uint8Array(chunkSize);
  }

  /** Markup known to be ASCII and free of characters that need escaping (tags, numbers, refs). */
  ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.next(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /**
   * Character data: UTF-8, `& < > "` escaped; characters XML 1.0 cannot carry (C0 controls
   * other than tab, LF and CR, U+FFFE, U+FFFF, unpaired surrogates) are dropped.
   */
  text(s: string): void {
    const n = s.length;
    if (this.pos + n * MAX_BYTES_PER_UNIT > this.buf.length) this.next(n * MAX_BYTES_PER_UNIT);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 0x20) {
          const entity = c === 38 || c === 60 || c === 62 || c === 34 ? ENTITY[c] : undefined;
          if (entity === undefined) buf[p++] = c;
          else for (const b of entity) buf[p++] = b;
        } else if (c === 9 || c === 10 || c === 13) {
          buf[p++] = c;
        }
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const low = c <= 0xdbff ? s.charCodeAt(i + 1) : NaN;
        if (low >= 0xdc00 && low <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
          buf[p++] = 0xf0 | (cp >> 18);
          buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
          buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
          buf[p++] = 0x80 | (cp & 0x3f);
          i++;
        }
      } else if (c < 0xfffe) {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = p;
  }

  /** Emits what is left; the writer is done. */
  finish(): void {
    if (this.pos > 0) this.emit(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(0);
    this.pos = 0;
  }

  // Each emitted chunk keeps its own buffer, so it may be transferred to a worker.
  private next(need: number): void {
    if (this.pos > 0) this.emit(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(Math.max(this.chunkSize, need));
    this.pos = 0;
  }
}

/**
 * Characters XML 1.0 cannot carry, as XmlByteWriter.text drops them: C0 controls other than
 * tab, line feed and carriage return, U+FFFE, U+FFFF, unpaired surrogates.
 */
export const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` as XmlByteWriter.text writes it, in a string. */
export function byteWriterText(s: string): string {
  const chunks: Uint8Array[] = [];
  const w = new XmlByteWriter((c) => chunks.push(c), Math.max(16, s.length * MAX_BYTES_PER_UNIT));
  w.text(s);
  w.finish();
  return new TextDecoder().decode(chunks[0] ?? new Uint8Array(0));
}
