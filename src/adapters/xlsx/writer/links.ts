/**
 * Cell hyperlinks of Prüfhinweise: where they point (this workbook, the input file beside the
 * report, or nowhere) and how they are added to the package after ExcelJS has written it, as
 * worksheet hyperlinks with a `location` (ExcelJS cannot write a location into another file).
 */
import type { OutValue } from '../../../core/output-model';
import { sheetRef } from '../../../core/sheet-ref';
import { addRelationships, requirePart, worksheetPath, writePart } from '../package/parts';
import { groupBySheet, insertIntoWorksheet } from '../package/worksheet';
import { NS, xmlElement } from '../package/xml-edit';
import type { XlsxParts } from '../package/zip';

const REL_HYPERLINK = `${NS.rel}/hyperlink`;

export interface HyperlinkSpec {
  readonly sheet: string;
  /** The cell carrying the link, plain A1. */
  readonly ref: string;
  /** Target cell, e.g. `'Gesundheitsamt'!D17`. */
  readonly location: string;
  /** Another workbook (relative file name) the location refers to; absent for this workbook. */
  readonly file?: string;
}

/** Where links of Prüfhinweise point: this workbook, the input file beside the report, or nowhere. */
export interface LinkMode {
  readonly file?: string;
  readonly off?: true;
}

/** Characters no plain file name holds on Windows, plus controls: a name with one is never a link target. */
const NOT_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/;

/**
 * The file name as a link target, when it is a plain relative name (`Übersicht 2024.xlsx`).
 * A name with a path, drive, backslashes (`\\server\share\x.xlsx` is a network path on
 * Windows) or a scheme (`https:`) gets no link at all.
 */
export function relativeLinkFile(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..' || NOT_IN_FILE_NAME.test(name)) return undefined;
  return name;
}

/** Where links point, given the evaluated file's name (undefined: into this workbook). */
export function linkMode(sourceFileName: string | undefined): LinkMode {
  if (sourceFileName === undefined) return {};
  const file = relativeLinkFile(sourceFileName);
  return file === undefined ? { off: true } : { file };
}

/** Where the cell of `value` links to, if it is a link and links are on. */
export function linkTarget(value: OutValue, mode: LinkMode): Omit<HyperlinkSpec, 'sheet' | 'ref'> | undefined {
  if (value.kind !== 'link' || mode.off) return undefined;
  const location = sheetRef(value.sheet, value.cell);
  const file = value.file ?? mode.file;
  return file === undefined ? { location } : { location, file };
}

/** A relative file name as a relationship target (a URI: spaces and `#`, `%` escaped). */
function encodeFileTarget(file: string): string {
  return file.replace(/%/g, '%25').replace(/ /g, '%20').replace(/#/g, '%23');
}

/** Adds hyperlinks with a `location` (SpreadsheetML's way to address a cell, here or in another file). */
export function addHyperlinks(parts: XlsxParts, links: readonly HyperlinkSpec[]): void {
  for (const [sheet, list] of groupBySheet(links)) {
    const sheetPath = worksheetPath(parts, sheet);
    const sheetXml = requirePart(parts, sheetPath);
    const external = list.filter((l) => l.file !== undefined);
    const ids = addRelationships(
      parts,
      sheetPath,
      external.map((l) => ({ type: REL_HYPERLINK, target: encodeFileTarget(l.file ?? ''), external: true })),
    );
    const id = external.length > 0 ? `${sheetXml.prefixFor(NS.rel, 'r')}:id` : 'r:id';
    let next = 0;
    const elements = list
      .map((l) => xmlElement('hyperlink', { ref: l.ref, [id]: l.file === undefined ? undefined : ids[next++], location: l.location }))
      .join('');
    const existing = sheetXml.child(sheetXml.root, 'hyperlinks');
    if (existing !== undefined) sheetXml.append(existing, elements);
    else insertIntoWorksheet(sheetXml, 'hyperlinks', xmlElement('hyperlinks', {}, elements));
    writePart(parts, sheetPath, sheetXml);
  }
}
