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

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system as Excel counts from day 61 on (it keeps the non-existent 29 Feb 1900 as day 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 31 Dec 9999, the last day Excel shows. */
const LAST_1900 = 2_958_465;

/** A serial day number as ISO `YYYY-MM-DD` (time of day dropped); undefined where Excel shows no date. */
export function serialToIsoDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const day = Math.floor(serial);
  if (date1904) {
    if (day > LAST_1900 - 1462) return undefined;
    return iso(EPOCH_1904 + day * DAY_MS);
  }
  if (day > LAST_1900 || day < 1) return undefined;
  if (day === 60) return '1900-02-29';
  return iso(EPOCH_1900 + (day < 60 ? day + 1 : day) * DAY_MS);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A `t="d"` cell's ISO 8601 value as `YYYY-MM-DD`; undefined when it is not one. */
export function isoDateValue(raw: string): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?\s*$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}
