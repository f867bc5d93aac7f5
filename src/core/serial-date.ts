/**
 * Excel date serials and number formats (pure; shared by every adapter that sees serials).
 * The contract of the core grid: a cell the source shows as a date arrives as `YYYY-MM-DD`
 * (time dropped), with the workbook's 1900 or 1904 date system applied.
 */

/**
 * Whether a number format code (en-US syntax, as Range.numberFormat and styles.xml give it)
 * shows a date: a day or year part in its first section (the one for positive numbers), outside
 * quoted text, escapes, fill characters and brackets (colours, conditions, locales, elapsed
 * `[h]`). A month or minute part alone (`mm:ss`, `h:mm`) is no date: both use `m`.
 */
export function isDateFormat(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === '[') {
      const end = code.indexOf(c === '"' ? '"' : ']', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === ';') return false;
    else if (c === 'd' || c === 'D' || c === 'y' || c === 'Y') return true;
  }
  return false;
}

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 system as Excel counts from day 61 on (it keeps the non-existent 29 Feb 1900 as day 60). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 31 Dec 9999, the last day Excel shows (1900 system); the 1904 system ends on the same day. */
const LAST_1900 = 2_958_465;
const DAYS_1900_TO_1904 = 1_462;

/**
 * Serial → `YYYY-MM-DD` in the given date system (time of day dropped); undefined where Excel
 * shows no date (before 1900/1904, after 9999). Serial 60 of the 1900 system is the 29 February
 * 1900 Excel shows, though that day never was.
 */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const day = Math.floor(serial);
  if (date1904) return day > LAST_1900 - DAYS_1900_TO_1904 ? undefined : isoDay(EPOCH_1904 + day * DAY_MS);
  if (day > LAST_1900 || day < 1) return undefined;
  if (day === 60) return '1900-02-29';
  return isoDay(EPOCH_1900 + (day < 60 ? day + 1 : day) * DAY_MS);
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO date or date-time (read as UTC) → Excel serial number of the 1900 system (days since 1899-12-30); undefined for anything else. */
export function isoToSerial(iso: string): { serial: number; hasTime: boolean } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(iso);
  if (!m) return undefined;
  const days = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - EPOCH_1900) / DAY_MS;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return { serial: days + seconds / 86_400, hasTime: m[4] !== undefined };
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
