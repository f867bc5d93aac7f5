import type { NumberFormat, OutValue } from '../output-model';

import { toGermanDate } from '../dates';
import { OutputOptionsError } from '../errors';

export { OutputOptionsError };

export const EMPTY: OutValue = { kind: 'empty' };

export function text(value: string): OutValue {
  return value === '' ? EMPTY : { kind: 'text', text: value };
}

export function num(value: number, format: NumberFormat = 'integer'): OutValue {
  return { kind: 'number', value, format };
}

/** `2025-03-05` or `2025-03-05T10:00:00Z` → `05.03.2025`; throws OutputOptionsError for anything else. */
export function germanDate(iso: string): string {
  const date = toGermanDate(iso);
  if (date === undefined) throw new OutputOptionsError(`evaluatedAt must be an ISO date (YYYY-MM-DD…), got "${iso}"`);
  return date;
}

/** Share or change as a fraction; undefined where the base is zero (no meaningful percentage). */
export function ratio(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : part / whole;
}

export function optionalPercent(value: number | undefined, format: 'percent' | 'signedPercent'): OutValue {
  return value === undefined ? EMPTY : num(value, format);
}
