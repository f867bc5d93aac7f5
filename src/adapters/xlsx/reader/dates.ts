import { isDateFormat as isDateCode } from '../../../core/serial-date';

/*
 * Which cells are dates: a number whose number format shows a date, by the format's id (the
 * built-in date formats 14–17 and 22; 18–21 and 45–47 show times) or its code (core's rule, the
 * one the Office adapter applies too). Such a number is a day count in the workbook's date system.
 */

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22]);

/** Whether a number format (built-in id, custom code if any) shows a date. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  return code === undefined ? BUILT_IN_DATES.has(id) : isDateCode(code);
}


/** A `t="d"` cell's ISO 8601 value as `YYYY-MM-DD`; undefined when it is not one. */
export function isoDateValue(raw: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?\s*$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
