/*
 * Elements added to a worksheet part where the schema wants them: CT_Worksheet is a
 * sequence, and Excel refuses a sheet whose children are out of this order.
 */
import { XlsxPartError } from './errors';
import type { XmlPart } from './xml-edit';

/** The children of `<worksheet>` in the order of CT_Worksheet (ECMA-376 Part 1, §18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

export type WorksheetChild = (typeof WORKSHEET_ORDER)[number];

const RANK: ReadonlyMap<string, number> = new Map(WORKSHEET_ORDER.map((name, i) => [name, i]));

/**
 * Inserts `xml`, a `<local>` element, into the worksheet: before the first child the schema
 * puts after it, else at the end. Children the schema does not know are passed over.
 */
export function insertIntoWorksheet(sheet: XmlPart, local: WorksheetChild, xml: string): void {
  if (sheet.child(sheet.root, 'sheetData') === undefined) throw new XlsxPartError('worksheet without sheetData');
  const rank = RANK.get(local) ?? WORKSHEET_ORDER.length;
  const next = sheet.root.children.find((c) => (RANK.get(c.local) ?? -1) > rank);
  if (next === undefined) sheet.append(sheet.root, xml);
  else sheet.insertBefore(next, xml);
}

/** Items per sheet, in order (linear: a report may carry 100,000 links). */
export function groupBySheet<T extends { readonly sheet: string }>(items: readonly T[]): Map<string, T[]> {
  const bySheet = new Map<string, T[]>();
  for (const item of items) {
    const list = bySheet.get(item.sheet);
    if (list === undefined) bySheet.set(item.sheet, [item]);
    else list.push(item);
  }
  return bySheet;
}
