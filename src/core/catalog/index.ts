export * from './types';
export {
  parseCatalogGrid,
  parseCatalogWorkbook,
  leistungsobjektEntry,
  nearestEntry,
  markedCatalogSheet,
  readWorkbookCatalog,
} from './parse';
export { buildCatalogSheet, CATALOG_HEADER, CATALOG_EXCEL_TABLE, CATALOG_TABLE_ROW, type CatalogSheetOptions } from './sheet';
export { breakdownBy, catalogBreakdowns, BREAKDOWN_LABELS, type BreakdownField, type BreakdownRow, type CatalogBreakdowns } from './breakdown';
