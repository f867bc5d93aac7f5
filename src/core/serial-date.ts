/**
 * Excel date serials and number formats (pure; shared by every adapter that sees serials).
 * The contract of the core grid: a cell the source shows as a date arrives as `YYYY-MM-DD`
 * (time dropped), with the workbook's 1900 or 1904 date system applied.
 */

/** Whether a number format code (en-US syntax, as Range.numberFormat gives it) shows a date: a day or year part. */
export function isDateFormat(code: string): boolean {
  if (code === '' || /^general$/i.test(code) || code === '@') return false;
  // Only the first section decides; quoted text, escapes, colours/conditions and fill characters say nothing.
  const first = code.split(';')[0] ?? '';
  const bare = first.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_./g, '').replace(/\*./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare);
}

const DAY_MS = 86_400_000;
/** 1899-12-30 and 1904-01-01 in days since 1970-01-01. */
const EPOCH_1900 = -25_569;
const EPOCH_1904 = -24_107;

/** Serial → `YYYY-MM-DD` in the given date system; undefined outside Excel's dates (before 1900/1904, after 9999). */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < (date1904 ? 0 : 1)) return undefined;
  const whole = Math.floor(serial);
  // Excel counts a 29 February 1900 that never was: serials below 61 are one day later than their count.
  const days = date1904 ? EPOCH_1904 + whole : EPOCH_1900 + whole + (whole < 61 ? 1 : 0);
  const d = new Date(days * DAY_MS);
  if (d.getUTCFullYear() > 9999) return undefined;
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Which date system a workbook uses, judged from cells whose serial and displayed text are both
 * known: the text shows the year (four or two digits) of one system and not of the other.
 * Undefined when no sample tells them apart.
 */
export function dateSystemFromText(samples: readonly { readonly serial: number; readonly text: string }[]): boolean | undefined {
  let votes1904 = 0;
  let votes1900 = 0;
  for (const { serial, text } of samples) {
    const a = serialToIso(serial, false)?.slice(0, 4);
    const b = serialToIso(serial, true)?.slice(0, 4);
    if (!a || !b || a === b) continue;
    const has = (year: string, digits: 2 | 4): boolean => new RegExp(`(^|\\D)${digits === 4 ? year : year.slice(2)}(\\D|$)`).test(text);
    if (has(a, 4) !== has(b, 4)) has(b, 4) ? votes1904++ : votes1900++;
    else if (has(a, 2) !== has(b, 2)) has(b, 2) ? votes1904++ : votes1900++;
  }
  if (votes1904 === votes1900) return undefined;
  return votes1904 > votes1900;
}
