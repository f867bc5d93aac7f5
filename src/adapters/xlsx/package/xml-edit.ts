/*
 * Package parts edited as XML, not as text patterns. A part is parsed (saxes, namespaces
 * resolved, entities decoded); elements are found by local name and attributes by name and
 * namespace, whatever the writer's attribute order, quoting or prefixes; edits are spliced in
 * at the element boundaries the parser reported. Text outside the edits stays byte for byte
 * as it was; everything inserted is serialized here with every value escaped.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { escapeXmlAttribute, escapeXml } from '../../../core/markup';
import { XlsxPartError } from './errors';
import { NOT_IN_XML } from './xml-bytes';

/** Namespaces of the parts the writer edits. */
export const NS = {
  /** Relationship ids on elements of a part (`r:id`). */
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  /** The relationships part itself (`_rels/*.rels`). */
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export interface XmlAttribute {
  /** As written, with its prefix (`r:id`). */
  readonly name: string;
  readonly local: string;
  /** Namespace URI; '' for an unprefixed attribute. */
  readonly uri: string;
  /** Entities decoded. */
  readonly value: string;
}

/** An element of a parsed part and where its tags stand in the part's text. */
export interface XmlElement {
  /** As written, with its prefix (`c:chart`). */
  readonly name: string;
  readonly local: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /** Index of the start tag's `<`. */
  readonly start: number;
  /** Index after the start tag's `>`. */
  readonly contentStart: number;
  /** Index of the end tag's `<`; contentStart for an empty-element tag. */
  readonly contentEnd: number;
  /** Index after the end tag's `>`. */
  readonly end: number;
  readonly selfClosing: boolean;
}

/** Attributes of a new element in the order written; undefined ones are left out. */
export type XmlAttributes = Readonly<Record<string, string | number | undefined>>;

/** A start tag's attributes as XML, each value escaped (` a="1" b="x &amp; y"`). */
function attributeText(attrs: XmlAttributes): string {
  let out = '';
  for (const name in attrs) {
    const value = attrs[name];
    if (value !== undefined) out += ` ${name}="${attributeValue(String(value))}"`;
  }
  return out;
}

/** A new element: `content` is XML already (other elements, or `xmlText`); without content, `<name/>`. */
export function xmlElement(name: string, attrs: XmlAttributes = {}, content?: string): string {
  const head = `<${name}${attributeText(attrs)}`;
  return content === undefined ? `${head}/>` : `${head}>${content}</${name}>`;
}

/** Character data for `xmlElement`'s content: markup characters escaped, characters XML cannot carry dropped. */
export function xmlText(text: string): string {
  return escapeXml(text.replace(NOT_IN_XML, ''));
}

function attributeValue(value: string): string {
  return escapeXmlAttribute(value.replace(NOT_IN_XML, ''));
}

const XMLNS = 'http://www.w3.org/2000/xmlns/';

interface Building {
  readonly name: string;
  readonly local: string;
  readonly attributes: XmlAttribute[];
  readonly children: XmlElement[];
  readonly start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
  selfClosing: boolean;
}

function parse(source: string, path: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Building[] = [];
  let start = 0;
  let root: Building | undefined;
  parser.on('opentagstart', () => {
    // the parser stands just after the name: no `<` lies between it and the tag's start
    start = source.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element: Building = {
      name: tag.name,
      local: tag.local,
      attributes: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      children: [],
      start,
      contentStart: parser.position,
      contentEnd: parser.position,
      end: parser.position,
      selfClosing: tag.isSelfClosing,
    };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (element === undefined) return;
    element.end = parser.position;
    element.contentEnd = element.selfClosing ? element.contentStart : source.lastIndexOf('<', parser.position - 1);
  });
  try {
    parser.write(source).close();
  } catch (cause) {
    throw new XlsxPartError(`${path} is no well-formed XML: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (root === undefined) throw new XlsxPartError(`${path} has no root element`);
  return root;
}

interface Splice {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * A parsed part and the edits made to it; `toString()` is the edited text. Edits refer to
 * elements of the text as parsed, so several of them compose (insert before one element,
 * remove another, set an attribute of a third) as long as no two replace the same text.
 */
export class XmlPart {
  readonly root: XmlElement;
  private readonly splices: Splice[] = [];
  private readonly newAttributes = new Map<XmlElement, Map<string, string>>();
  private readonly appended = new Map<XmlElement, string[]>();

  /** Parses `source`; `path` names the part in errors. Throws XlsxPartError when it is no well-formed XML. */
  constructor(
    readonly source: string,
    path: string,
  ) {
    this.root = parse(source, path);
  }

  /** The children of `parent` with local name `local`, in document order. */
  children(parent: XmlElement, local: string): XmlElement[] {
    return parent.children.filter((c) => c.local === local);
  }

  /** The first child of `parent` with local name `local`. */
  child(parent: XmlElement, local: string): XmlElement | undefined {
    return parent.children.find((c) => c.local === local);
  }

  /** The value of `element`'s attribute `local` in namespace `uri` ('' for an unprefixed one). */
  attribute(element: XmlElement, local: string, uri = ''): string | undefined {
    return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
  }

  /**
   * The prefix the root element binds to namespace `uri`; when it binds none, `preferred` is
   * declared on the root (a prefix bound to another namespace is not rebound).
   */
  prefixFor(uri: string, preferred: string): string {
    const declared = this.root.attributes.find((a) => a.uri === XMLNS && a.value === uri && a.name.startsWith('xmlns:'));
    if (declared !== undefined) return declared.local;
    if (this.root.attributes.some((a) => a.name === `xmlns:${preferred}`)) throw new XlsxPartError(`prefix ${preferred} is bound to another namespace`);
    this.setAttribute(this.root, `xmlns:${preferred}`, uri);
    return preferred;
  }

  insertBefore(element: XmlElement, xml: string): void {
    this.splices.push({ from: element.start, to: element.start, text: xml });
  }

  /** Adds `xml` as the last content of `parent` (an empty-element tag gets an end tag). */
  append(parent: XmlElement, xml: string): void {
    const list = this.appended.get(parent);
    if (list === undefined) this.appended.set(parent, [xml]);
    else list.push(xml);
  }

  /** Replaces the element, its tags and content, by `xml` ('' removes it). */
  replace(element: XmlElement, xml: string): void {
    this.splices.push({ from: element.start, to: element.end, text: xml });
  }

  /** Sets an attribute (qualified name as written) of the element's start tag; a new one goes last. */
  setAttribute(element: XmlElement, name: string, value: string): void {
    let values = this.newAttributes.get(element);
    if (values === undefined) this.newAttributes.set(element, (values = new Map()));
    values.set(name, value);
  }

  /** The part's text with every edit applied. */
  toString(): string {
    const splices = [...this.splices];
    const touched = new Set([...this.newAttributes.keys(), ...this.appended.keys()]);
    for (const element of touched) {
      const content = (this.appended.get(element) ?? []).join('');
      const changed = this.newAttributes.has(element);
      if (element.selfClosing && content !== '') {
        splices.push({ from: element.start, to: element.end, text: `${this.startTag(element)}>${content}</${element.name}>` });
      } else {
        if (changed) splices.push({ from: element.start, to: element.contentStart, text: `${this.startTag(element)}${element.selfClosing ? '/>' : '>'}` });
        if (content !== '') splices.push({ from: element.contentEnd, to: element.contentEnd, text: content });
      }
    }
    // stable: insertions at one place keep the order they were made in
    splices.sort((a, b) => a.from - b.from || a.to - b.to);
    let out = '';
    let at = 0;
    for (const s of splices) {
      if (s.from < at) throw new XlsxPartError('overlapping edits of one XML part');
      out += this.source.slice(at, s.from) + s.text;
      at = s.to;
    }
    return out + this.source.slice(at);
  }

  /** `<name a="…"` with the element's attributes in their order and any new values. */
  private startTag(element: XmlElement): string {
    const values = new Map(this.newAttributes.get(element));
    let out = `<${element.name}`;
    for (const a of element.attributes) {
      const value = values.get(a.name) ?? a.value;
      values.delete(a.name);
      out += ` ${a.name}="${attributeValue(value)}"`;
    }
    for (const [name, value] of values) out += ` ${name}="${attributeValue(value)}"`;
    return out;
  }
}
