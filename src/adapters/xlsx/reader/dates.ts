/*
 * Which cells are dates: a number whose number format shows a date, by the format's id (the
 * built-in date and time formats 14–22 and 45–47) or its code (a d, m or y outside quotes,
 * brackets and escapes). Such a number is a day count in the workbook's date system.
 */

const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format (built-in id, custom code if any) shows a date. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(id);
  // the first section formats positive numbers, the one a date uses
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === ';') return false;
    else if (c === 'd' || c === 'D' || c === 'm' || c === 'M' || c === 'y' || c === 'Y') return true;
  }
  return false;
}

export { serialToIso as serialToIsoDate } from '../../../core/serial-date';

/** A `t="d"` cell's ISO 8601 value as `YYYY-MM-DD`; undefined when it is not one. */
export function isoDateValue(raw: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?\s*$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
