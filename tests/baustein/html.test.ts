import { SaxesParser } from 'saxes';
import { bausteinHtml, bausteinText, buildBaustein } from '../../src/core/baustein';
import { bausteinOf, demoEvaluation } from './support';

/** Elements of the clipboard HTML, read with an XML parser (the fragment is well-formed). */
function elements(html: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const out: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (t) => {
    const e = { name: t.name, attributes: t.attributes as Record<string, string>, text: '' };
    out.push(e);
    if (!t.isSelfClosing) open.push(e);
  });
  parser.on('text', (t) => open.forEach((e) => (e.text += t)));
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) open.pop();
  });
  parser.write(html.replace(/<img([^>]*[^/])>/g, '<img$1/>')).close();
  return out;
}

describe('Baustein as clipboard HTML', () => {
  const baustein = buildBaustein(demoEvaluation());
  const html = bausteinHtml(baustein, { src: 'data:image/png;base64,AAAA', width: 605, height: 340 });
  const els = elements(html);

  it('is a real table with its header row in thead, German numbers and the total row bold', () => {
    expect(els.filter((e) => e.name === 'th').map((e) => e.text)).toEqual(['Umsetzungsstatus', '2023', '2024']);
    const lastRow = els.filter((e) => e.name === 'tr').pop()!;
    expect(lastRow.text).toBe('Alle Dienstleistungen8351.187');
    expect(els.filter((e) => e.name === 'td').slice(-1)[0]!.attributes['style']).toContain('font-weight:bold');
  });

  it('carries the chart with its alternative text, and the text as paragraphs, in German', () => {
    const img = els.find((e) => e.name === 'img')!;
    expect(img.attributes['alt']).toBe(baustein.chart.altText);
    expect(els[0]!.attributes['lang']).toBe('de-DE');
    expect(els.filter((e) => e.name === 'p').map((e) => e.text)).toContain(baustein.paragraphs[1]!.join(' '));
  });

  it('escapes names from the workbook', () => {
    const b = bausteinOf({ 'Amt <script>&': [['99001001000000', 'A', 'PDF', 'Digital']] });
    expect(bausteinHtml(b)).toContain('Amt &lt;script&gt;&amp;');
    expect(bausteinHtml(b)).not.toContain('<script>');
  });

  it('has a plain-text flavour with the table tab-separated', () => {
    expect(bausteinText(baustein)).toContain('Umsetzungsstatus\t2023\t2024\nAnalog\t125\t126');
  });
});
