import type { DefinedName, SheetVisibility } from '../../../core/grid';
import { parseSheetRef } from '../../../core/sheet-ref';
import { type Package, scanPart } from './parts';
import { attribute, prefixedAttribute, textOf } from './xml-scan';

export interface SheetEntry {
  readonly name: string;
  readonly rid: string;
  readonly visibility: SheetVisibility;
}

export interface WorkbookInfo {
  readonly sheets: SheetEntry[];
  readonly definedNames: DefinedName[];
  /** `workbookPr date1904`: day 0 is 1 Jan 1904. */
  readonly date1904: boolean;
}

/** Reads the workbook part: sheets in order, workbook-level single-cell names, date system. */
export function readWorkbookPart(pkg: Package, path: string): WorkbookInfo | undefined {
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let pending: { name: string; local: boolean } | undefined;
  let text = '';
  const capture = { text: false };
  const found = scanPart(pkg, path, {
    capture,
    open(name, s, from, to) {
      if (name === 'sheet') {
        const state = attribute(s, from, to, 'state');
        sheets.push({
          name: attribute(s, from, to, 'name') ?? '',
          rid: prefixedAttribute(s, from, to, 'id') ?? '',
          visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
        });
      } else if (name === 'definedName') {
        pending = { name: attribute(s, from, to, 'name') ?? '', local: attribute(s, from, to, 'localSheetId') !== undefined };
        text = '';
        capture.text = true;
      } else if (name === 'workbookPr') {
        const v = attribute(s, from, to, 'date1904');
        date1904 = v === '1' || v === 'true';
      }
    },
    text(source, from, to, cdata) {
      text += textOf(source, from, to, cdata);
    },
    close(name) {
      if (name !== 'definedName' || !pending) return;
      const ref = parseSheetRef(text);
      if (ref && !pending.local) definedNames.push({ name: pending.name, ...ref });
      pending = undefined;
      capture.text = false;
    },
  });
  return found ? { sheets, definedNames, date1904 } : undefined;
}
