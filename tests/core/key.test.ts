import { isValidKey, keyParts, normalizeKey, readKey } from '../../src/core/key';

describe('LeiKa keys (SPEC §4 rule 4)', () => {
  it('removes spaces, dots, hyphens and apostrophes', () => {
    expect(normalizeKey("99 067.004-001'000")).toBe('99067004001000');
    expect(normalizeKey("'99067004001000")).toBe('99067004001000');
  });

  it('reads a numeric cell as its integer digits', () => {
    expect(normalizeKey(99067004001000)).toBe('99067004001000');
  });

  it('accepts only 14 digits starting with 99', () => {
    expect(isValidKey('99067004001000')).toBe(true);
    expect(isValidKey('98067004001000')).toBe(false);
    expect(isValidKey('9906700400100')).toBe(false);
    expect(isValidKey('990670040010000')).toBe(false);
  });

  it('treats scientific-notation text as invalid: digits were lost', () => {
    expect(readKey('9,9067E+13')).toEqual({ kind: 'invalid', written: '9,9067E+13' });
  });

  it('treats empty and "nicht im LeiKa" as a missing key', () => {
    expect(readKey(null).kind).toBe('missing');
    expect(readKey('  ').kind).toBe('missing');
    expect(readKey('nicht im LeiKa').kind).toBe('missing');
    expect(readKey('Nicht im Leika').kind).toBe('missing');
  });

  it('splits a key into Leistungsobjekt, Verrichtung and detail with its kind', () => {
    expect(keyParts('99067004000000')).toEqual({ leistungsobjekt: '99067004', verrichtung: '000', verrichtungsdetail: '000', kind: 'LO' });
    expect(keyParts('99067004001000')?.kind).toBe('LOV');
    expect(keyParts('99067004001001')?.kind).toBe('LOVD');
    expect(keyParts('123')).toBeUndefined();
  });
});
