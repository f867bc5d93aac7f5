import { READ_ERRORS, corrupt } from './errors';

/*
 * A small pull-free XML scanner for the package's parts, fed text chunk by chunk. It reports
 * start tags, end tags and character data (text and CDATA) with local names (prefixes
 * dropped: Strict OOXML and prefixed writers name the same elements). It does not validate:
 * the reader takes what it can use, like Excel. A DTD is refused (OPC forbids them, and their
 * entities are how XML bombs expand).
 */

export interface XmlHandler {
  /** Attributes are read with `attribute(source, from, to, name)` during the call. */
  open(name: string, source: string, from: number, to: number): void;
  close(name: string): void;
  /** Character data; `raw` still holds entity references unless `cdata`. Only called while `capture.text`. */
  text(raw: string, cdata: boolean): void;
  /** Set by the handler while it wants character data (an object of one shape, so the scanner's checks stay fast). */
  readonly capture: { text: boolean };
}

/** A handler that wants no character data. */
export const NO_TEXT: { readonly text: boolean } = Object.freeze({ text: false });

/** Longest unfinished token carried to the next chunk (characters). */
const MAX_TOKEN = 1 << 22;
const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const QUOT = 34;
const APOS = 39;

function localName(source: string, from: number, to: number): string {
  const colon = colonIn(source, from, to);
  const start = colon >= 0 ? colon + 1 : from;
  return known(source, start, to) ?? source.slice(start, to);
}

/** The names of a sheet's hot path as constants, so that a million cells make no million name strings. */
function known(source: string, from: number, to: number): string | undefined {
  switch (to - from) {
    case 1: {
      const c = source.charCodeAt(from);
      return c === 99 ? 'c' : c === 118 ? 'v' : c === 116 ? 't' : c === 114 ? 'r' : c === 102 ? 'f' : c === 115 ? 's' : undefined;
    }
    case 2:
      return source.startsWith('is', from) ? 'is' : source.startsWith('si', from) ? 'si' : undefined;
    case 3:
      return source.startsWith('row', from) ? 'row' : source.startsWith('rPh', from) ? 'rPh' : source.startsWith('rPr', from) ? 'rPr' : undefined;
    default:
      return undefined;
  }
}

function colonIn(source: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (source.charCodeAt(i) === 58) return i;
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Feeds text to a handler; tokens may span chunks. */
export class XmlScanner {
  private carry = '';
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
  feed(chunk: string, final: boolean): void {
    const s = this.carry.length > 0 ? this.carry + chunk : chunk;
    const rest = this.scan(s);
    this.carry = rest < s.length ? s.slice(rest) : '';
    // no tag, comment or CDATA section of a spreadsheet part is this long; rescanning it would be quadratic
    if (this.carry.length > MAX_TOKEN) throw corrupt(READ_ERRORS.corruptXml);
    if (final && this.carry.trim() !== '') {
      if (this.carry.indexOf('<') >= 0) throw corrupt(READ_ERRORS.corruptXml);
      this.carry = '';
    }
  }

  /**
   * Character data at the end of a chunk: handed on now (its end comes with the next chunk),
   * except an entity reference that may be cut; data nobody wants is dropped, so a part of
   * whitespace costs no memory.
   */
  private pendingText(s: string, from: number): number {
    if (!this.capture.text) return s.length;
    let amp = s.length - 1;
    while (amp >= from && s.charCodeAt(amp) !== 38 && s.charCodeAt(amp) !== 59) amp--;
    const cut = amp >= from && s.charCodeAt(amp) === 38 ? amp : s.length;
    if (cut > from) this.onText(s.slice(from, cut), false);
    return cut;
  }

  /** Returns where the first unfinished token starts (s.length when none). */
  private scan(s: string): number {
    const capture = this.capture;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return this.pendingText(s, i);
      if (lt > i && capture.text) this.onText(s.slice(i, lt), false);
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf('>', lt);
        if (gt < 0) return lt;
        let e = gt;
        while (e > lt + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        this.onClose(localName(s, lt + 2, e));
        i = gt + 1;
      } else if (c === BANG) {
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) return lt;
          i = e + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) return lt;
          if (capture.text) this.onText(s.slice(lt + 9, e), true);
          i = e + 3;
        } else {
          if (n - lt < 9) return lt;
          throw corrupt(READ_ERRORS.corruptXml);
        }
      } else if (c === QUESTION) {
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) return lt;
        i = e + 2;
      } else {
        // a start tag: its name, then attributes, where a quoted '>' does not end the tag
        let e = lt + 1;
        let d = c;
        while (e < n && d !== GT && d !== SLASH && !isSpace(d)) d = s.charCodeAt(++e);
        if (e >= n) return lt;
        if (e === lt + 1) throw corrupt(READ_ERRORS.corruptXml);
        let gt = d === GT ? e : -1;
        if (gt < 0) {
          let quote = 0;
          for (let j = e; j < n; j++) {
            const q = s.charCodeAt(j);
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
        const selfClosing = s.charCodeAt(gt - 1) === SLASH;
        const name = localName(s, lt + 1, e);
        this.onOpen(name, s, e, selfClosing ? gt - 1 : gt);
        if (selfClosing) this.onClose(name);
        i = gt + 1;
      }
    }
    return n;
  }
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
function scanAttribute(source: string, i: number, to: number, span: AttributeSpan): number {
  while (i < to && isSpace(source.charCodeAt(i))) i++;
  if (i >= to) return -1;
  span.nameStart = i;
  while (i < to && source.charCodeAt(i) !== 61 && !isSpace(source.charCodeAt(i))) i++;
  span.nameEnd = i;
  while (i < to && isSpace(source.charCodeAt(i))) i++;
  if (i >= to || source.charCodeAt(i) !== 61) return -1;
  i++;
  while (i < to && isSpace(source.charCodeAt(i))) i++;
  const q = source.charCodeAt(i);
  if (q !== QUOT && q !== APOS) return -1;
  const valueEnd = source.indexOf(q === QUOT ? '"' : "'", i + 1);
  if (valueEnd < 0 || valueEnd > to) return -1;
  span.valueStart = i + 1;
  span.valueEnd = valueEnd;
  return valueEnd + 1;
}

/**
 * Calls `visit` with the source ranges of each attribute's qualified name and raw value
 * (entities not decoded) in `source[from, to)`: one pass, no strings made, for the hot path.
 */
export function eachAttribute(source: string, from: number, to: number, visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void): void {
  for (let i = scanAttribute(source, from, to, SPAN); i >= 0; i = scanAttribute(source, i, to, SPAN)) {
    // the span's fields are passed by value: `visit` may itself read attributes
    visit(SPAN.nameStart, SPAN.nameEnd, SPAN.valueStart, SPAN.valueEnd);
  }
}

/** The value of the attribute with local name `name` in `source[from, to)`, entities decoded; undefined when absent. */
export function attribute(source: string, from: number, to: number, name: string): string | undefined {
  return findAttribute(source, from, to, name, false);
}

/** The value of a prefixed attribute with local name `name` (`r:id`, whatever the prefix). */
export function prefixedAttribute(source: string, from: number, to: number, name: string): string | undefined {
  return findAttribute(source, from, to, name, true);
}

function findAttribute(source: string, from: number, to: number, name: string, prefixed: boolean): string | undefined {
  const span: AttributeSpan = { nameStart: 0, nameEnd: 0, valueStart: 0, valueEnd: 0 };
  for (let i = scanAttribute(source, from, to, span); i >= 0; i = scanAttribute(source, i, to, span)) {
    const hasPrefix = colonIn(source, span.nameStart, span.nameEnd) >= 0;
    if (hasPrefix === prefixed && localName(source, span.nameStart, span.nameEnd) === name) return decodeEntities(source.slice(span.valueStart, span.valueEnd));
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
