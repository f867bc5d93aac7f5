/*
 * Reads an .xlsx/.xlsm package into plain grids: the zip container by its central
 * directory, parts through their relationships, XML with a small scanner. ExcelJS's reader
 * drops merged areas and costs an object per cell, so reading is done here and ExcelJS only writes.
 */
export { readXlsx, readXlsxAsync } from './read';
export { unescapeOoxml } from './refs';
