export * from './types';
export { decodeCatalogBytes, decodeUtf8, decodeWindows1252 } from './decode';
export { parseCsv, detectDelimiter, type CsvDelimiter } from './csv';
export { parseCatalogGrid, parseCatalogCsv, parseCatalogWorkbook, leistungsobjektEntry } from './parse';
