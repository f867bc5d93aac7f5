import { makeClassifier, reifegradCluster } from '../../src/core/classify';
import { BUILT_IN_VALUES, CLUSTERS, EXCLUDED } from '../../src/core/clusters';
import { analyze, nonZero } from '../support/grid';

describe('classification (SPEC §3)', () => {
  const classifier = makeClassifier();

  it('knows every built-in value of every cluster', () => {
    for (const cluster of [...CLUSTERS, EXCLUDED] as const) for (const value of BUILT_IN_VALUES[cluster]) expect(classifier.classify(value)).toBe(cluster);
  });

  it.each([
    ['PERSÖNLICHE VORSPRACHE', 'Analog'],
    ['persoenliche  vorsprache', 'Analog'],
    ['KEIN OPTIMIERUNGSPOTENTIAL', 'Kein Optimierungspotenzial'],
    ['pdf formular', 'PDF'],
    ['Formular zum Download.', 'PDF'],
    ['Online_Antrag', 'Digital'],
    ['vollstaendig digital', 'Digital'],
    ['In Planung:', 'Projekt in Umsetzung'],
    ['NICHT ZUSTAENDIG', EXCLUDED],
    ['entfaellt', EXCLUDED],
  ])('folds %j to %s', (value, cluster) => expect(classifier.classify(value)).toBe(cluster));

  it('keeps a hyphen inside a word as a space, so it is another value', () => {
    expect(classifier.classify('Kein Optimierungs-Potenzial')).toBeUndefined();
  });

  it('compares whole values, never substrings', () => {
    expect(classifier.classify('PDF geplant')).toBeUndefined();
    expect(classifier.classify('digitalisiert')).toBeUndefined();
  });

  it('lets the user mapping win over built-ins', () => {
    const own = makeClassifier([
      { value: 'online', cluster: 'PDF' },
      { value: 'E-Akte', cluster: 'Digital' },
    ]);
    expect(own.classify('Online')).toBe('PDF');
    expect(own.classify('e akte')).toBe('Digital');
    expect(own.classify('Papier')).toBe('Analog');
  });

  it.each([
    [0, 'Analog'],
    [1, 'Analog'],
    [2, 'PDF'],
    [3, 'Digital'],
    [4, 'Digital'],
    ['3', 'Digital'],
    ['\u200b2,0\u00a0', 'PDF'],
    ['3.', 'Digital'],
    [5, undefined],
    [-1, undefined],
    [1.5, undefined],
    ['drei', undefined],
  ])('maps Reifegrad %j to %s', (value, cluster) => expect(reifegradCluster(value)).toBe(cluster));
});

describe('the Zuordnung sheet', () => {
  it('is read from the workbook and flags rows with an unknown cluster', () => {
    const a = analyze([
      { name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], ['99001001000000', 'A', 'E-Akte'], ['99001002000000', 'B', 'Fax']] },
      { name: 'Zuordnung', rows: [['Wert', 'Cluster'], ['E-Akte', 'digital'], ['Fax', 'Telefax']] },
    ]);
    expect(nonZero(a, 2024)).toEqual({ Digital: 1, 'Nicht zugeordnet': 1, 'Alle Dienstleistungen': 2 });
    expect(a.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual(['INVALID_MAPPING Zuordnung!B3', 'UNKNOWN_STATUS Amt!C3']);
  });

  it('can exclude a value', () => {
    const a = analyze([
      { name: 'Amt', rows: [['LeiKa', 'Leistung', 'Status 2024'], ['99001001000000', 'A', 'Landesaufgabe'], ['99001002000000', 'B', 'PDF']] },
      { name: 'Zuordnung', rows: [['Wert', 'Cluster'], ['Landesaufgabe', 'ausgeschlossen']] },
    ]);
    expect(nonZero(a, 2024)).toEqual({ PDF: 1, 'Alle Dienstleistungen': 1 });
  });
});
