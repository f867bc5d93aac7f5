/**
 * A fake of the Excel JavaScript API, as far as the add-in uses it, that refuses what Excel
 * refuses (each refusal cites its source in the file that models it):
 * book (the simulated workbook), engine (queue, sync, payload limits, loads, the record of
 * members used), context (Excel.run, application, runtime), ranges, sheets, tables
 * (with PivotTables), names-charts.
 */
export * from './book';
export { ApiError, PAYLOAD_LIMIT } from './engine';
export { MERGED_AREAS_LIMIT } from './ranges';
export { sheetNameProblem } from './sheets';
export { fakeExcelRun } from './context';
