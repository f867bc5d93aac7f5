/**
 * Workbook-level defined names through ExcelJS: the marker names of output sheets (SPEC §5).
 */
import type { DefinedName } from '../../../core/grid';
import { parseSheetRef, sheetRef } from '../../../core/sheet-ref';
import { definedNameModels, type Workbook } from './exceljs';

/** The workbook's defined names that refer to one cell. */
export function readDefinedNames(wb: Workbook): DefinedName[] {
  const names: DefinedName[] = [];
  for (const { name, ranges } of definedNameModels(wb)) {
    const ref = ranges.length === 1 ? parseSheetRef(ranges[0] ?? '') : undefined;
    if (ref !== undefined) names.push({ name, ...ref });
  }
  return names;
}

/** Sets a defined name to one cell (absolute), replacing a name of any case. */
export function setDefinedName(wb: Workbook, d: DefinedName): void {
  for (const existing of definedNameModels(wb)) {
    if (existing.name.toLowerCase() !== d.name.toLowerCase()) continue;
    for (const range of existing.ranges) wb.definedNames.remove(range, existing.name);
  }
  const cell = d.cell.replace(/([A-Z]+)(\d+)/, '$$$1$$$2');
  wb.definedNames.add(sheetRef(d.sheet, cell), d.name);
}

