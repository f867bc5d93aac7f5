import type { NumberFormat } from '../output-model';

/**
 * The one look of every output (SPEC §5 „One look“): the report workbook (ExcelJS), the sheets
 * written inside Excel (Office.js) and the Baustein (Word, HTML) read their fills, fonts,
 * borders, number formats and table style from here. Colours are RGB hex without `#`.
 */
export const OUTPUT_STYLE = {
  font: { name: 'Calibri', size: 11 },
  title: { bold: true, size: 14 },
  subtitle: { bold: true, size: 11 },
  note: { italic: true, size: 9, color: '595959' },
  paragraph: { size: 11 },
  header: { bold: true, fill: 'D9E1F2' },
  total: { bold: true },
  border: { color: '808080' },
  totalBorder: { color: '404040' },
  link: { color: '0563C1', underline: true },
  heatMap: { min: 'FFFFFF', max: '5B9BD5' },
  /** Built-in style of Excel tables (ListObjects). */
  tableStyle: 'TableStyleLight9',
  /** No output sheet shows gridlines: the tables carry their own borders. */
  showGridlines: false,
} as const;

/** Excel number formats; a German Excel shows `#,##0` as 1.187 and `0.0 %` as 12,5 %. */
export const NUMBER_FORMATS: Readonly<Record<NumberFormat, string>> = {
  integer: '#,##0',
  signedInteger: '+#,##0;-#,##0;0',
  percent: '0.0 %',
  signedPercent: '+0.0 %;-0.0 %;0.0 %',
  year: '0',
};
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'dd.mm.yyyy';
/** A date with its time of day (the Office adapter writes a date-time where the ISO value has one). */
export const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';
