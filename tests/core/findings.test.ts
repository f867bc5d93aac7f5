import { SEVERITY } from '../../src/core/findings';

/** SPEC §4, findings table: code → severity, typed in from the SPEC (the two file-level codes of §10 belong to issue 11). */
const SPEC_TABLE: Record<string, string> = {
  UNKNOWN_STATUS: 'error',
  INVALID_REIFEGRAD: 'error',
  INVALID_KEY: 'error',
  CONFLICTING_DUPLICATE: 'error',
  DUPLICATE_YEAR_COLUMN: 'error',
  DUPLICATE_KEY: 'warning',
  NO_STATUS: 'warning',
  STATUS_WITHOUT_SERVICE: 'warning',
  NO_KEY: 'info',
  EXCLUDED: 'info',
  TOTALS_ROW: 'info',
  KEY_IN_SEVERAL_OFFICES: 'info',
  SECTION_HEADING: 'info',
  INVALID_YEAR: 'error',
  INVALID_MAPPING: 'error',
  INVALID_SETTING: 'error',
  KEY_NOT_IN_CATALOG: 'warning',
};

describe('finding catalogue (SPEC §4)', () => {
  it.each(Object.entries(SPEC_TABLE))('%s exists with severity %s', (code, severity) => {
    expect([code, (SEVERITY as Record<string, string>)[code]]).toEqual([code, severity]);
  });
});
