import { expectRefused, expectWithinBudget, run } from './support/hostile';

/*
 * Zip bombs and ambiguous packages are refused by the reader's SPEC §2 limits (issue 8): exit 2,
 * one German line, at most 10 s CPU and 1 GiB, the input unchanged.
 */
describe('hostile corpus: the reader limits (issue 9)', () => {
  describe('zip bombs are refused by the SPEC §2 limits', () => {
    it.each([
      ['bombe-1gib-leerzeichen.xlsx', /zu groß: Entpackt ergibt sie mehr als 512 MiB/],
      ['bombe-17-mio-zeilen.xlsx', /nennt die Zeile 1048577, Excel erlaubt höchstens 1\.048\.576 Zeilen/],
      ['bombe-zip64-4-5gib.xlsx', /zu groß: Entpackt ergibt sie mehr als 512 MiB/],
      ['bombe-20-ueberlappende-eintraege.xlsx', /Einträge des ZIP-Archivs überlappen sich/],
    ])('%s', (file, message) => {
      const r = run(file);
      expectRefused(r, message);
      expectWithinBudget(file, r);
    });
  });

  it('doppelte-eintraege.xlsx: a package holding one part twice is refused, not read either way', () => {
    const r = run('doppelte-eintraege.xlsx');
    expectRefused(r, /beschädigt oder manipuliert/);
    expectWithinBudget('doppelte-eintraege.xlsx', r);
  });
});
