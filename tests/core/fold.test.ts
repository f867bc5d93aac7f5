import { fold } from '../../src/core/fold';

describe('fold (SPEC §2)', () => {
  it.each([
    ['LeiKa-Schlüssel', 'leika schluessel'],
    ['LeiKa-\nSchlüssel', 'leika schluessel'],
    ['  Umsetzungs_status  ', 'umsetzungs status'],
    ['PDF/Formular', 'pdf formular'],
    ['LeiKa-Nr.', 'leika nr'],
    ['Stand:', 'stand'],
    ['GRÖSSE', 'groesse'],
    ['Straße', 'strasse'],
    ['ÄÖÜ äöü', 'aeoeue aeoeue'],
    ['a \t\r\n  b', 'a b'],
  ])('folds %j to %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('drops only one trailing dot or colon, never inner ones', () => {
    expect(fold('Stand: 31.03.2024')).toBe('stand: 31.03.2024');
  });
});
