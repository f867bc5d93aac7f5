import { isOfficeFileName, sortFileNames } from '../core/sources';

/** What the file inputs offer: .xlsx and .xlsm workbooks. */
export const WORKBOOK_TYPES =
  '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12';

/** Picked files in the order a German user sorts them (SPEC §10), without Excel's lock files `~$…`. */
export function pickedFiles(list: Iterable<File> | null): File[] {
  return sortFileNames([...(list ?? [])].filter((f) => !f.name.startsWith('~$')), (f) => f.name);
}

/** A picked folder: the .xlsx/.xlsm files directly in it (no subfolders, no lock files), sorted (SPEC §10). */
export function folderFiles(list: Iterable<File> | null): File[] {
  return pickedFiles([...(list ?? [])].filter((f) => f.webkitRelativePath.split('/').length <= 2 && isOfficeFileName(f.name)));
}

/** Files added to those already chosen: one per name (a file picked again replaces the earlier one), sorted. */
export function addFiles(chosen: readonly File[], added: Iterable<File> | null): File[] {
  const fresh = pickedFiles(added);
  const names = new Set(fresh.map((f) => f.name));
  return pickedFiles([...chosen.filter((f) => !names.has(f.name)), ...fresh]);
}
