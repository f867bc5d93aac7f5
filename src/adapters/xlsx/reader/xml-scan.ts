import { READ_ERRORS, corrupt } from './errors';
import { nodeBuiltin } from './node-builtin';

/*
 * A small pull-free XML scanner for the package's parts, fed UTF-8 bytes chunk by chunk. It
 * reports start tags, end tags and character data (text and CDATA) with local names (prefixes
 * dropped: Strict OOXML and prefixed writers name the same elements). It works on the bytes,
 * so only what a handler asks for becomes a string: a sheet's numbers and shared-string indices
 * are read from the bytes, and the part itself is never decoded (decoding 25 MB of XML was a
 * sixth of reading; docs/performance.md). It does not validate: the reader takes what it can
 * use, like Excel. A DTD is refused (OPC forbids them, and their entities are how XML bombs expand).
 */

export interface XmlHandler {
  /**
   * The tag's attributes are `source[from, to)`; read them with `attribute` or `eachAttribute`
   * during the call. The element's content starts at `content` (-1 for an empty-element tag),
   * and `source` holds the scanned text up to its end. A handler that reads the content and the
   * end tag itself, where it finds them whole in `source`, returns the index after the end tag:
   * the scanner goes on from there, and neither text nor `close` is reported for what it read.
   */
  open(name: string, source: Uint8Array, from: number, to: number, content: number): number | void;
  close(name: string): void;
  /**
   * Character data `source[from, to)`, a piece that ends on a whole character; entity
   * references still as written unless `cdata` ({@link textOf} decodes both). Only called while `capture.text`.
   */
  text(source: Uint8Array, from: number, to: number, cdata: boolean): void;
  /** Set by the handler while it wants character data (an object of one shape, so the scanner's checks stay fast). */
  readonly capture: { text: boolean };
}

/** A handler that wants no character data. */
export const NO_TEXT: { readonly text: boolean } = Object.freeze({ text: false });

/** Longest unfinished token carried to the next chunk (bytes). */
const MAX_TOKEN = 1 << 22;
const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const QUOT = 34;
const APOS = 39;
const AMP = 38;
const SEMICOLON = 59;
const COLON = 58;
const EQUALS = 61;

// invalid UTF-8 reads as U+FFFD, as Excel shows it; a U+FEFF in a cell's text is kept
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Node's Buffer where the reader runs in Node (the CLI; see nodeBuiltin). `utf8Slice` is the
 * decoder `toString('utf8', start, end)` ends in, without its argument checks (a third of
 * the call for a short text); it is on every Buffer, though not in Node's documentation.
 */
interface NodeBuffer {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { utf8Slice(start: number, end: number): string };
}

const nodeBuffer: NodeBuffer | undefined = (() => {
  const buffer = nodeBuiltin<{ Buffer: Partial<NodeBuffer> & { prototype?: { utf8Slice?: unknown } } }>('node:buffer')?.Buffer;
  return typeof buffer?.from === 'function' && typeof buffer.prototype?.utf8Slice === 'function' ? (buffer as NodeBuffer) : undefined;
})();

/** A Buffer over the bytes last decoded (a part's texts are decoded one after the other); dropped by {@link releaseText}. */
let viewed: { source: Uint8Array; buffer: ReturnType<NodeBuffer['from']> } | undefined;

/**
 * `source[from, to)` as text (UTF-8). In Node through a Buffer over the same bytes: for the
 * hundreds of thousands of short texts of a part about three times faster than TextDecoder
 * (both replace invalid bytes with U+FFFD and keep a U+FEFF); elsewhere short ASCII texts in
 * JavaScript, the rest by TextDecoder.
 */
export function utf8(source: Uint8Array, from: number, to: number): string {
  if (nodeBuffer === undefined) return (to - from <= SHORT ? ascii(source, from, to) : undefined) ?? UTF8.decode(source.subarray(from, to));
  if (viewed?.source !== source) viewed = { source, buffer: nodeBuffer.from(source.buffer, source.byteOffset, source.byteLength) };
  return viewed.buffer.utf8Slice(from, to);
}

/** Texts up to this length are tried as ASCII first where there is no Node Buffer. */
const SHORT = 48;

/** Scratch arrays of character codes, one per length (`codes[n]` has n elements), for {@link ascii}. */
const CODES: number[][] = Array.from({ length: SHORT + 1 }, (_, n) => Array.from({ length: n }, () => 0));

/**
 * A short ASCII text, made in JavaScript; undefined where a byte is not ASCII. In Chromium a
 * TextDecoder call costs 1–1.5 µs and a part has hundreds of thousands of texts; the codes go
 * to `String.fromCharCode` in one call (adding the text up character by character took twice
 * a TextDecoder call at 20 characters).
 */
function ascii(source: Uint8Array, from: number, to: number): string | undefined {
  const codes = CODES[to - from]!;
  for (let i = 0; i < codes.length; i++) {
    const c = source[from + i]!;
    if (c >= 0x80) return undefined;
    codes[i] = c;
  }
  return String.fromCharCode.apply(null, codes);
}

/** Lets go of the bytes `utf8` last read, once their part is read. */
export function releaseText(): void {
  viewed = undefined;
}

/** Character data as the handler got it ({@link XmlHandler.text}), decoded. */
export function textOf(source: Uint8Array, from: number, to: number, cdata: boolean): string {
  const raw = utf8(source, from, to);
  return cdata ? raw : decodeEntities(raw);
}

function localName(source: Uint8Array, from: number, to: number): string {
  const colon = colonIn(source, from, to);
  const start = colon >= 0 ? colon + 1 : from;
  return known(source, start, to) ?? utf8(source, start, to);
}

/** The names of a sheet's hot path as constants, so that a million cells make no million name strings. */
function known(s: Uint8Array, from: number, to: number): string | undefined {
  switch (to - from) {
    case 1: {
      const c = s[from];
      return c === 99 ? 'c' : c === 118 ? 'v' : c === 116 ? 't' : c === 114 ? 'r' : c === 102 ? 'f' : c === 115 ? 's' : undefined;
    }
    case 2: {
      const a = s[from];
      const b = s[from + 1];
      return a === 105 && b === 115 ? 'is' : a === 115 && b === 105 ? 'si' : undefined;
    }
    case 3:
      if (s[from] !== 114) return undefined;
      return s[from + 1] === 111 && s[from + 2] === 119 ? 'row' : s[from + 1] === 80 && s[from + 2] === 104 ? 'rPh' : s[from + 1] === 80 && s[from + 2] === 114 ? 'rPr' : undefined;
    default:
      return undefined;
  }
}

function colonIn(source: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (source[i] === COLON) return i;
  return -1;
}

function isSpace(c: number | undefined): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** True where `source` holds the ASCII `text` at `at`. */
export function startsWith(source: Uint8Array, text: string, at: number): boolean {
  if (at + text.length > source.length) return false;
  for (let i = 0; i < text.length; i++) if (source[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Where the character data from `from` on holds no markup (no `<`: no CDATA, comment or child
 * element; entity references are fine) and ends directly in the ASCII end tags `close`
 * (`</v></c>`), whole in `source` and at most `max` bytes long: the index of its end. Else -1,
 * and the caller reads the element event by event (see XmlHandler.open).
 */
export function plainTextBefore(source: Uint8Array, from: number, close: string, max: number): number {
  const to = source.indexOf(LT, from);
  return to >= 0 && to - from <= max && startsWith(source, close, to) ? to : -1;
}

/** Where the ASCII `text` next occurs in `source` from `from` on; -1 when not. */
function indexOfText(source: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let at = source.indexOf(first, from); at >= 0; at = source.indexOf(first, at + 1)) if (startsWith(source, text, at)) return at;
  return -1;
}

/** Where the next `<` is from `from` on, or -1: short gaps (most of a sheet) by hand, long ones by the native search. */
function nextTag(s: Uint8Array, from: number, n: number): number {
  const stop = Math.min(n, from + 64);
  for (let i = from; i < stop; i++) if (s[i] === LT) return i;
  return stop < n ? s.indexOf(LT, stop) : -1;
}

/** How many of `bytes[from, to)` form whole UTF-8 characters: all but a character cut off at the end. */
export function wholeCharacters(bytes: Uint8Array, from: number, to: number): number {
  // the last byte that starts a character, at most 3 back (continuation bytes are 10xxxxxx)
  for (let at = to - 1; at >= from && at >= to - 4; at--) {
    const b = bytes[at]!;
    if ((b & 0xc0) === 0x80) continue;
    const size = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return at + size <= to ? to : at;
  }
  // no start byte: not UTF-8 here, decoded as it is (U+FFFD)
  return to;
}

/** Feeds UTF-8 bytes to a handler; tokens may span chunks. */
export class XmlScanner {
  private carry: Uint8Array | undefined;
  // the handler's parts copied into fields: the scanner serves several handler types, and
  // reading them through one object shape keeps its hot loop fast
  private readonly capture: { text: boolean };
  private readonly onOpen: XmlHandler['open'];
  private readonly onClose: XmlHandler['close'];
  private readonly onText: XmlHandler['text'];

  constructor(handler: XmlHandler) {
    this.capture = handler.capture;
    this.onOpen = handler.open.bind(handler);
    this.onClose = handler.close.bind(handler);
    this.onText = handler.text.bind(handler);
  }

  /** Scans `chunk`; with `final`, an unfinished token is an error. */
  feed(chunk: Uint8Array, final: boolean): void {
    const s = this.carry ? concat(this.carry, chunk) : chunk;
    const rest = this.scan(s);
    this.carry = rest < s.length ? s.slice(rest) : undefined;
    // no tag, comment or CDATA section of a spreadsheet part is this long; rescanning it would be quadratic
    if (this.carry && this.carry.length > MAX_TOKEN) throw corrupt(READ_ERRORS.corruptXml);
    if (final && this.carry) {
      if (this.carry.indexOf(LT) >= 0) throw corrupt(READ_ERRORS.corruptXml);
      this.carry = undefined;
    }
  }

  /**
   * Character data at the end of a chunk: handed on now up to its last whole character (its
   * end comes with the next chunk), except an entity reference that may be cut; data nobody
   * wants is dropped, so a part of whitespace costs no memory.
   */
  private pendingText(s: Uint8Array, from: number): number {
    if (!this.capture.text) return s.length;
    let amp = s.length - 1;
    while (amp >= from && s[amp] !== AMP && s[amp] !== SEMICOLON) amp--;
    const cut = wholeCharacters(s, from, amp >= from && s[amp] === AMP ? amp : s.length);
    if (cut > from) this.onText(s, from, cut, false);
    return cut;
  }

  /** Returns where the first unfinished token starts (s.length when none). */
  private scan(s: Uint8Array): number {
    const capture = this.capture;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = nextTag(s, i, n);
      if (lt < 0) return this.pendingText(s, i);
      if (lt > i && capture.text) this.onText(s, i, lt, false);
      if (lt + 1 >= n) return lt;
      const c = s[lt + 1]!;
      if (c === SLASH) {
        let gt = lt + 2;
        while (gt < n && s[gt] !== GT) gt++;
        if (gt >= n) return lt;
        let e = gt;
        while (e > lt + 2 && isSpace(s[e - 1])) e--;
        this.onClose(localName(s, lt + 2, e));
        i = gt + 1;
      } else if (c === BANG) {
        if (startsWith(s, '<!--', lt)) {
          const e = indexOfText(s, '-->', lt + 4);
          if (e < 0) return lt;
          i = e + 3;
        } else if (startsWith(s, '<![CDATA[', lt)) {
          const e = indexOfText(s, ']]>', lt + 9);
          if (e < 0) return lt;
          if (capture.text) this.onText(s, lt + 9, e, true);
          i = e + 3;
        } else {
          if (n - lt < 9) return lt;
          throw corrupt(READ_ERRORS.corruptXml);
        }
      } else if (c === QUESTION) {
        const e = indexOfText(s, '?>', lt + 2);
        if (e < 0) return lt;
        i = e + 2;
      } else {
        // a start tag: its name, then attributes, where a quoted '>' does not end the tag
        let e = lt + 1;
        let d = c;
        while (e < n && d !== GT && d !== SLASH && !isSpace(d)) d = s[++e]!;
        if (e >= n) return lt;
        if (e === lt + 1) throw corrupt(READ_ERRORS.corruptXml);
        let gt = d === GT ? e : -1;
        if (gt < 0) {
          let quote = 0;
          for (let j = e; j < n; j++) {
            const q = s[j]!;
            if (quote !== 0) {
              if (q === quote) quote = 0;
            } else if (q === QUOT || q === APOS) quote = q;
            else if (q === GT) {
              gt = j;
              break;
            } else if (q === LT) throw corrupt(READ_ERRORS.corruptXml);
          }
          if (gt < 0) return lt;
        }
        const selfClosing = s[gt - 1] === SLASH;
        const name = localName(s, lt + 1, e);
        if (selfClosing) {
          this.onOpen(name, s, e, gt - 1, -1);
          this.onClose(name);
          i = gt + 1;
        } else {
          const read = this.onOpen(name, s, e, gt, gt + 1);
          i = typeof read === 'number' && read > gt && read <= n ? read : gt + 1;
        }
      }
    }
    return n;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Source ranges of one attribute's qualified name and raw value; one scratch object, reused. */
interface AttributeSpan {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

const SPAN: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };

/**
 * Reads the attribute at or after `i` in `source[i, to)` into `span` and returns the index after
 * its closing quote; -1 when no attribute is left or it is malformed (the scan stops there).
 */
function scanAttribute(source: Uint8Array, i: number, to: number, span: AttributeSpan): number {
  while (i < to && isSpace(source[i])) i++;
  if (i >= to) return -1;
  span.nameStart = i;
  while (i < to && source[i] !== EQUALS && !isSpace(source[i])) i++;
  span.nameEnd = i;
  while (i < to && isSpace(source[i])) i++;
  if (i >= to || source[i] !== EQUALS) return -1;
  i++;
  while (i < to && isSpace(source[i])) i++;
  const q = source[i];
  if (q !== QUOT && q !== APOS) return -1;
  let valueEnd = i + 1;
  while (valueEnd < to && source[valueEnd] !== q) valueEnd++;
  if (valueEnd >= to) return -1;
  span.valueStart = i + 1;
  span.valueEnd = valueEnd;
  return valueEnd + 1;
}

/**
 * Calls `visit` with the source ranges of each attribute's qualified name and raw value
 * (entities not decoded) in `source[from, to)`: one pass, no strings made, for the hot path.
 */
export function eachAttribute(source: Uint8Array, from: number, to: number, visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void): void {
  for (let i = scanAttribute(source, from, to, SPAN); i >= 0; i = scanAttribute(source, i, to, SPAN)) {
    // the span's fields are passed by value: `visit` may itself read attributes
    visit(SPAN.nameStart, SPAN.nameEnd, SPAN.valueStart, SPAN.valueEnd);
  }
}

/** The value of the attribute with local name `name` in `source[from, to)`, entities decoded; undefined when absent. */
export function attribute(source: Uint8Array, from: number, to: number, name: string): string | undefined {
  return findAttribute(source, from, to, name, false);
}

/** The value of a prefixed attribute with local name `name` (`r:id`, whatever the prefix). */
export function prefixedAttribute(source: Uint8Array, from: number, to: number, name: string): string | undefined {
  return findAttribute(source, from, to, name, true);
}

function findAttribute(source: Uint8Array, from: number, to: number, name: string, prefixed: boolean): string | undefined {
  const span: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };
  for (let i = scanAttribute(source, from, to, span); i >= 0; i = scanAttribute(source, i, to, span)) {
    const colon = colonIn(source, span.nameStart, span.nameEnd);
    const start = colon >= 0 ? colon + 1 : span.nameStart;
    if (colon >= 0 === prefixed && span.nameEnd - start === name.length && startsWith(source, name, start)) {
      return decodeEntities(utf8(source, span.valueStart, span.valueEnd));
    }
  }
  return undefined;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces XML's predefined and numeric character references; others stay as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) !== 35) return NAMED[ref] ?? whole;
    const code = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
