export type { WorkbookSource, SourceSummary, SourcesUse, SheetOrigin } from './types';
export { combineSources, type Combined } from './combine';
export { attribute } from './attribute';
export { isDefaultSheetName, fileStem, sheetLabel } from './default-names';
export { sortFileNames, isOfficeFileName } from './file-order';
