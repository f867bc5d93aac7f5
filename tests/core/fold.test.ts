import { fold, isBlank } from '../../src/core/fold';

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
    ['Schlu\u0308ssel', 'schluessel'],
    ['\ufeffPDF\u2013Formular\u00a0', 'pdf formular'],
    ['Online\u2011Dienst\u200b', 'online dienst'],
    ['vor\u00a0\u00a0Ort.', 'vor ort'],
    ['\u2212 analog :', 'analog'],
  ])('folds %j to %j', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('drops only one trailing dot or colon, never inner ones', () => {
    expect(fold('Stand: 31.03.2024')).toBe('stand: 31.03.2024');
  });
});

describe('isBlank (SPEC §2: a cell empty after folding is empty)', () => {
  it.each([null, '', '   ', '-', '\u2013', '\u2014', '.', ':', '\u00a0', '\ufeff', ' - '])('%j is blank', (cell) => expect(isBlank(cell)).toBe(true));
  it.each(['PDF', '0', 0, false, '-1', '...', { kind: 'error', code: '#N/A' } as const])('%j is not blank', (cell) => expect(isBlank(cell)).toBe(false));
});
