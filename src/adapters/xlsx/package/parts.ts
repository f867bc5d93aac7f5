/*
 * The parts of an unzipped package and how they refer to each other (OPC): a part's
 * relationships, the content types, where the workbook keeps a worksheet. Every part is read
 * and changed as parsed XML (xml-edit.ts).
 */
import { strFromU8, strToU8 } from 'fflate';
import { XlsxPartError } from './errors';
import { NS, XmlPart, xmlElement } from './xml-edit';
import type { XlsxParts } from './zip';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The part at `path` parsed, or undefined when the package has none. */
export function readPart(parts: XlsxParts, path: string): XmlPart | undefined {
  const bytes = parts[path];
  return bytes === undefined ? undefined : new XmlPart(strFromU8(bytes), path);
}

/** The part at `path` parsed; XlsxPartError when the package has none. */
export function requirePart(parts: XlsxParts, path: string): XmlPart {
  const part = readPart(parts, path);
  if (part === undefined) throw new XlsxPartError(`${path} is missing`);
  return part;
}

/** Stores a part: XML text, or an edited part. */
export function writePart(parts: XlsxParts, path: string, xml: string | XmlPart): void {
  parts[path] = strToU8(xml.toString());
}

/** A new part: the XML declaration, then `root`. */
export function newPart(root: string): string {
  return XML_DECLARATION + root;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, resolved against the part it belongs to. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = fromPart.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.') segments.push(s);
  }
  return segments.join('/');
}

/** The package path of the worksheet named `sheet` (names compared as Excel does, ignoring case). */
export function worksheetPath(parts: XlsxParts, sheet: string): string {
  const workbook = readPart(parts, 'xl/workbook.xml');
  const rels = readPart(parts, 'xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) throw new XlsxPartError('xl/workbook.xml or its relationships are missing');
  const sheets = workbook.child(workbook.root, 'sheets');
  const wanted = sheet.toLowerCase();
  const entry = sheets === undefined ? undefined : workbook.children(sheets, 'sheet').find((s) => (workbook.attribute(s, 'name') ?? '').toLowerCase() === wanted);
  const id = entry === undefined ? undefined : workbook.attribute(entry, 'id', NS.rel);
  const rel = id === undefined ? undefined : rels.children(rels.root, 'Relationship').find((r) => rels.attribute(r, 'Id') === id);
  const target = rel === undefined ? undefined : rels.attribute(rel, 'Target');
  if (target === undefined) throw new XlsxPartError(`worksheet "${sheet}" not found in the package`);
  return resolveTarget('xl/workbook.xml', target);
}

export interface NewRelationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** Adds relationships to `partPath`'s rels part (in one pass) and returns their ids. */
export function addRelationships(parts: XlsxParts, partPath: string, rels: readonly NewRelationship[]): string[] {
  if (rels.length === 0) return [];
  const relsPath = relsPathOf(partPath);
  const part = readPart(parts, relsPath) ?? new XmlPart(newPart(`<Relationships xmlns="${NS.pkgRel}"></Relationships>`), relsPath);
  const used = new Set(part.children(part.root, 'Relationship').map((r) => part.attribute(r, 'Id')));
  let n = 0;
  const ids: string[] = [];
  const added = rels.map((r) => {
    let id: string;
    do id = `rIdLkm${++n}`;
    while (used.has(id));
    ids.push(id);
    return xmlElement('Relationship', { Id: id, Type: r.type, Target: r.target, TargetMode: r.external ? 'External' : undefined });
  });
  part.append(part.root, added.join(''));
  writePart(parts, relsPath, part);
  return ids;
}

/** Adds one relationship to `partPath`'s rels part and returns its id. */
export function addRelationship(parts: XlsxParts, partPath: string, type: string, target: string, external: boolean): string {
  return addRelationships(parts, partPath, [{ type, target, external }])[0] ?? '';
}

/** Registers the content type of a new part. */
export function addContentTypeOverride(parts: XlsxParts, partName: string, contentType: string): void {
  const part = requirePart(parts, '[Content_Types].xml');
  part.append(part.root, xmlElement('Override', { PartName: `/${partName}`, ContentType: contentType }));
  writePart(parts, '[Content_Types].xml', part);
}

/** The next free number n of parts named `${prefix}n.xml` (`xl/charts/chart` → 1, 2, …). */
export function nextPartNumber(parts: XlsxParts, prefix: string): number {
  let max = 0;
  for (const path of Object.keys(parts)) {
    if (!path.startsWith(prefix) || !path.endsWith('.xml')) continue;
    const digits = path.slice(prefix.length, -'.xml'.length);
    if (digits !== '' && [...digits].every((d) => d >= '0' && d <= '9')) max = Math.max(max, Number(digits));
  }
  return max + 1;
}
