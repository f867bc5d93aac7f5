/*
 * Writes output sheets into xlsx packages: ExcelJS renders cells, styles and tables
 * (exceljs.ts is the one module that imports it); table bodies, charts and hyperlinks are
 * then added to the package as parsed XML (../package/).
 */
export { finishPackage, renderOutputs, renderReportWorkbook, writeReportWorkbook, type ReportWorkbookOptions } from './report';
export { relativeLinkFile } from './links';
