import type { InputFile } from '../src/cli/inputs';
import { relativeFileLinks } from '../src/cli/report';

const input = (path: string, name: string): InputFile => ({ path, name, source: { kind: 'skipped', file: name, reason: '' } });

describe('Prüfhinweise links to office files (SPEC §10)', () => {
  it('point at the file by a path relative to the report', () => {
    const link = relativeFileLinks([input('/daten/Ämter/Jugendamt.xlsx', 'Jugendamt.xlsx'), input('/daten/Berichte/Sozialamt.xlsx', 'Sozialamt.xlsx')], '/daten/Berichte/Bericht.xlsx');
    expect(link('Jugendamt.xlsx')).toBe('../Ämter/Jugendamt.xlsx');
    expect(link('Sozialamt.xlsx')).toBe('Sozialamt.xlsx');
    expect(link('Unbekannt.xlsx')).toBeUndefined();
  });

  it('give no link where a part of the path is no plain name (a share, a drive, a scheme)', () => {
    const link = relativeFileLinks([input('/daten/\\\\server\\share/Jugendamt.xlsx', 'Jugendamt.xlsx'), input('/daten/C:/Sozialamt.xlsx', 'Sozialamt.xlsx')], '/daten/Bericht.xlsx');
    expect(link('Jugendamt.xlsx')).toBeUndefined();
    expect(link('Sozialamt.xlsx')).toBeUndefined();
  });
});
