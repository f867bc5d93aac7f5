import fc from 'fast-check';
import { isDateFormat as readerIsDate } from '../src/adapters/xlsx/reader/dates';
import { isDateFormat, isoToSerial, serialToIso } from '../src/core/serial-date';

describe('Excel date serials (one home for the reader, the Office adapter and the writers)', () => {
  it('reads serials as Excel shows them, in both date systems', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    // Excel shows serial 60 as 29.02.1900, a day that never was
    expect(serialToIso(60, false)).toBe('1900-02-29');
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45721.75, false)).toBe('2025-03-05');
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(44259, true)).toBe('2025-03-05');
    expect(serialToIso(2_958_465, false)).toBe('9999-12-31');
    expect(serialToIso(2_957_003, true)).toBe('9999-12-31');
    expect([serialToIso(0, false), serialToIso(-1, true), serialToIso(2_958_466, false), serialToIso(2_957_004, true), serialToIso(Number.NaN, false)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('writes ISO dates and date-times as serials of the 1900 system', () => {
    expect(isoToSerial('2025-03-05')).toEqual({ serial: 45721, hasTime: false });
    expect(isoToSerial('2025-03-05T18:00')).toEqual({ serial: 45721.75, hasTime: true });
    expect(isoToSerial('5. März')).toBeUndefined();
  });

  it('gives back the day it was given, from 1 March 1900 to 9999', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, (iso) => expect(serialToIso(isoToSerial(iso)!.serial, false)).toBe(iso)));
  });

  it('takes a number for a date where its format shows a day or a year, the same in the file reader and inside Excel', () => {
    const dates = ['DD.MM.YYYY', '[$-407]DD.MM.YYYY', 'dd/mm/yyyy', 'mmm-yy', 'd-mmm', 'yyyy', 'dd.mm.yyyy hh:mm', '[Red]dd.mm.yy;"-"'];
    const numbers = ['General', '@', '0', '#,##0 [$€-407]', '0 "Tage"', 'h:mm', '[h]:mm:ss', 'mm:ss', 'mmss.0', '\\d0', '0;"Datum"', '"yyyy"0', '* 0'];
    expect(dates.filter((code) => !isDateFormat(code))).toEqual([]);
    expect(numbers.filter((code) => isDateFormat(code))).toEqual([]);
    // the file reader: a custom code by the same rule, a built-in format by its id (14–17 and 22 dates, 18–21 and 45–47 times)
    for (const code of [...dates, ...numbers]) expect(readerIsDate(164, code)).toBe(isDateFormat(code));
    expect([14, 15, 16, 17, 22].every((id) => readerIsDate(id, undefined))).toBe(true);
    expect([0, 1, 2, 9, 18, 19, 20, 21, 45, 46, 47, 49].some((id) => readerIsDate(id, undefined))).toBe(false);
  });
});
