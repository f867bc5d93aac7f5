import { buildBaustein, MAX_SENTENCES } from '../../src/core/baustein';
import { bausteinOf, demoEvaluation, evaluateOffices, keys, type Row, sentencesOf } from './support';

describe('Baustein text on the demo workbook (SPEC §9)', () => {
  const baustein = buildBaustein(demoEvaluation());
  const sentences = sentencesOf(baustein);
  const text = sentences.join(' ');

  it('names Aufenthaltserlaubnis and Jagdschein in the form of the published report', () => {
    expect(sentences).toContain(
      'So wurde die Verwaltungsleistung „Aufenthaltserlaubnis“ im Vergleich zum Vorjahr weiter ausdifferenziert (2023: 6 LeiKa-Leistungen, 2024: 181 LeiKa-Leistungen); alle sind dem Cluster „PDF“ zuzuordnen.',
    );
    expect(sentences).toContain(
      'Ebenso wurde die Verwaltungsleistung „Jagdschein“ im Vergleich zum Vorjahr weiter ausdifferenziert (2023: 7 LeiKa-Leistungen, 2024: 102 LeiKa-Leistungen); alle sind dem Cluster „PDF“ zuzuordnen.',
    );
  });

  it('names no refinement below ten more keys', () => {
    expect(baustein.refinements.map((r) => r.name)).toEqual(['Aufenthaltserlaubnis', 'Jagdschein']);
    // Fahrerkarte (4 → 7) and Kraftfahrzeug (3 → 5) changed too, by fewer than ten keys
    expect(text).not.toMatch(/Fahrerkarte|Kraftfahrzeug|Gehwegüberfahrten/);
    expect(sentences.filter((s) => s.includes('ausdifferenziert ('))).toHaveLength(2);
  });

  it('states the totals and their change in German number formats', () => {
    expect(sentences[0]).toBe('Im Jahr 2024 wurden 1.187 Verwaltungsleistungen erfasst, 352 mehr als im Vorjahr (2023: 835).');
    expect(sentences[1]).toContain('428 (36,1 %) auf „PDF“');
  });

  it('has no signs, no English quotes and at most twelve sentences', () => {
    expect(text).not.toMatch(/[+±"]/);
    expect(text).not.toMatch(/\d\.\d{1,2}\b(?!\.)|\d,\d{3}\b/);
    expect(sentences.length).toBeLessThanOrEqual(MAX_SENTENCES);
  });

  it('gives the like-for-like change over the services of the same office in both years', () => {
    expect(sentences.find((s) => s.startsWith('Betrachtet man nur die'))).toMatch(/^Betrachtet man nur die \d+ Verwaltungsleistungen, die dasselbe Amt in beiden Jahren erfasst hat, stieg die Zahl im Cluster „Digital“ von \d+ auf \d+/);
  });
});

describe('Baustein text on hand-made comparisons', () => {
  const base: Row[] = [['99001001000000', 'Meldebescheinigung', 'PDF', 'PDF']];

  it('counts a Leistungsobjekt with ten more distinct keys as refined, one with nine not', () => {
    const b = bausteinOf({
      Ordnungsamt: [...keys('99050001', 1, 'Waffenschein', 'PDF', 'PDF'), ...keys('99050001', 10, 'Waffenschein', '', 'PDF', 2)],
      Bauamt: [...keys('99060002', 1, 'Baugenehmigung', 'PDF', 'PDF'), ...keys('99060002', 9, 'Baugenehmigung', '', 'Digital', 2)],
    });
    expect(b.refinements.map((r) => [r.leistungsobjekt, r.from, r.to])).toEqual([['99050001', 1, 11]]);
    expect(sentencesOf(b).join(' ')).not.toContain('99060002');
  });

  it('counts distinct keys: the same key in two offices is one LeiKa service', () => {
    const twice = keys('99050001', 12, 'Waffenschein', '', 'PDF');
    const b = bausteinOf({ Ordnungsamt: [...base, ...twice], Polizei: twice });
    expect(b.refinements).toEqual([expect.objectContaining({ from: 0, to: 12 })]);
  });

  it('lists at most five refinements, largest first', () => {
    const offices: Record<string, Row[]> = {};
    [10, 15, 11, 20, 12, 13].forEach((n, i) => {
      offices[`Amt ${i}`] = [...keys(`9907000${i}`, 1, `Leistung ${i}`, 'PDF', 'PDF'), ...keys(`9907000${i}`, n, `Leistung ${i}`, '', 'PDF', 2)];
    });
    const b = bausteinOf(offices);
    expect(b.refinements.map((r) => r.to - r.from)).toEqual([20, 15, 13, 12, 11]);
    expect(sentencesOf(b).filter((s) => s.includes('weiter ausdifferenziert ('))).toHaveLength(5);
  });

  it('says „davon N …“ where the keys fall into several clusters, most first', () => {
    const b = bausteinOf({
      Ordnungsamt: [
        ['99050001000000', 'Waffenschein', 'PDF', 'PDF'],
        ...keys('99050001', 7, 'Waffenschein', '', 'Digital'),
        ...keys('99050001', 4, 'Waffenschein', '', 'PDF', 8),
      ],
    });
    expect(sentencesOf(b)).toContain(
      'So wurde die Verwaltungsleistung „Waffenschein“ im Vergleich zum Vorjahr weiter ausdifferenziert (2023: 1 LeiKa-Leistung, 2024: 12 LeiKa-Leistungen); davon sind 7 dem Cluster „Digital“ und 5 dem Cluster „PDF“ zuzuordnen.',
    );
  });

  it('names a refinement without its own row by its key', () => {
    const b = bausteinOf({ Ordnungsamt: [...keys('99050001', 1, 'Waffenschein', 'PDF', 'PDF'), ...keys('99050001', 10, 'Waffenschein', '', 'PDF', 2)] });
    expect(b.refinements[0]).toMatchObject({ name: 'Leistungsobjekt 99050001', nameSource: 'key' });
  });

  it('names a refinement without its own row after the catalogue, and its own row before the catalogue', () => {
    const entry = (key: string, name: string) => [key, { key, name, typ: '1', ozgId: '', ozgLeistung: '', lebenslage: '', themenfeld: '' }] as const;
    const catalog = { import: { catalog: { source: 'leika.csv', entries: new Map([entry('99050001000000', 'Waffenerlaubnis'), entry('99060002000000', 'Bauvorlage (Katalog)')]) } } };
    const ev = evaluateOffices({
      Ordnungsamt: [...keys('99050001', 1, 'Waffenschein', 'PDF', 'PDF'), ...keys('99050001', 10, 'Waffenschein', '', 'PDF', 2)],
      Bauamt: [['99060002000000', 'Baugenehmigung', 'PDF', 'PDF'], ...keys('99060002', 10, 'Bau', '', 'PDF', 2)],
    });
    const b = buildBaustein({ ...ev, catalog });
    expect(b.refinements.map((r) => [r.name, r.nameSource])).toEqual([
      ['Waffenerlaubnis', 'catalog'],
      ['Baugenehmigung', 'record'],
    ]);
  });

  it('names offices that now offer every service digitally (singular and plural)', () => {
    const one = bausteinOf({
      'Kataster- und Vermessungsamt': [['99001001000000', 'Auskunft', 'PDF', 'Digital'], ['99001002000000', 'Karte', 'Digital', 'Digital']],
      Kreiskasse: [['99002001000000', 'Mahnung', 'Digital', 'Digital']],
      Bauamt: [['99003001000000', 'Bauantrag', 'PDF', 'PDF']],
    });
    expect(sentencesOf(one)).toContain('Inzwischen bietet folgende Organisationseinheit alle erfassten Verwaltungsleistungen digital an: Kataster- und Vermessungsamt.');
    const two = bausteinOf({
      Kataster: [['99001001000000', 'Auskunft', 'PDF', 'Digital']],
      Kreiskasse: [['99002001000000', 'Mahnung', 'Analog', 'Digital']],
      Neu: [['99003001000000', 'Neuer Dienst', '', 'Digital']],
    });
    expect(sentencesOf(two)).toContain('Inzwischen bieten folgende Organisationseinheiten alle erfassten Verwaltungsleistungen digital an: Kataster und Kreiskasse.');
  });

  it('writes no sentence about a change of 0', () => {
    const b = bausteinOf({ Bauamt: [['99003001000000', 'Bauantrag', 'PDF', 'PDF'], ['99003002000000', 'Abriss', 'Digital', 'Digital']] });
    expect(sentencesOf(b)).toEqual(['Im Jahr 2024 wurden 2 Verwaltungsleistungen erfasst.', 'Davon entfallen 1 (50,0 %) auf den Cluster „PDF“ und 1 (50,0 %) auf „Digital“.']);
  });

  it('says fewer, never a minus sign, when the total fell', () => {
    const b = bausteinOf({
      Bauamt: [['99003001000000', 'Bauantrag', 'Digital', 'Digital'], ['99003002000000', 'Abriss', 'Digital', ''], ['99003003000000', 'Umbau', 'PDF', 'Digital']],
    });
    const sentences = sentencesOf(b);
    expect(sentences[0]).toBe('Im Jahr 2024 wurden 2 Verwaltungsleistungen erfasst, 1 weniger als im Vorjahr (2023: 3).');
    // Digital stayed at 2: no sentence about it
    expect(sentences.some((s) => s.startsWith('Die Zahl der digital'))).toBe(false);
    expect(sentences).toContain(
      'Betrachtet man nur die 2 Verwaltungsleistungen, die dasselbe Amt in beiden Jahren erfasst hat, stieg die Zahl im Cluster „Digital“ von 1 auf 2, während sie im Cluster „PDF“ von 1 auf 0 sank.',
    );
    expect(sentences.join(' ')).not.toMatch(/[-−+]\d/);
  });

  it('stays within twelve sentences when everything happened at once', () => {
    const offices: Record<string, Row[]> = {};
    for (let i = 0; i < 7; i++)
      offices[`Amt ${i}`] = [
        ...keys(`9907000${i}`, 1, `Leistung ${i}`, 'PDF', 'Digital'),
        ...keys(`9907000${i}`, 10 + i, `Leistung ${i}`, '', 'Digital', 2),
      ];
    offices['Bauamt'] = [['99003001000000', 'Bauantrag', 'Digital', 'PDF'], ['99003002000000', 'Abriss', '', 'Analog']];
    const b = bausteinOf(offices);
    expect(b.refinements).toHaveLength(5);
    expect(b.milestones).toHaveLength(7);
    expect(sentencesOf(b).length).toBeLessThanOrEqual(MAX_SENTENCES);
  });

  it('formats thousands and shares the German way', () => {
    const many = keys('99080001', 1234, 'Massenleistung', 'PDF', 'PDF');
    const b = bausteinOf({ Amt: [...many, ...keys('99080002', 900, 'Andere', 'Digital', 'Digital')] });
    expect(sentencesOf(b)[0]).toBe('Im Jahr 2024 wurden 2.134 Verwaltungsleistungen erfasst.');
    expect(sentencesOf(b)[1]).toBe('Davon entfallen 1.234 (57,8 %) auf den Cluster „PDF“ und 900 (42,2 %) auf „Digital“.');
  });
});
