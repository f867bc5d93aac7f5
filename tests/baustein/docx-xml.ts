import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** What a reader of the document sees, read from word/document.xml with an XML parser. */
export interface DocxContent {
  /** Text of each body paragraph outside tables. */
  readonly paragraphs: string[];
  /** Each table row's cell texts, and whether the row is marked as header row. */
  readonly rows: { cells: string[]; header: boolean }[];
  /** Alternative text (`wp:docPr/@descr`) of each picture. */
  readonly pictures: string[];
  /** Every `w:lang/@w:val` and `w:rFonts/@w:asciiTheme`, in document and styles. */
  readonly languages: Set<string>;
  readonly themeFonts: Set<string>;
  readonly parts: string[];
}

export function readDocx(bytes: Uint8Array): DocxContent {
  const zip = unzipSync(bytes);
  const content: DocxContent = { paragraphs: [], rows: [], pictures: [], languages: new Set(), themeFonts: new Set(), parts: Object.keys(zip) };
  for (const part of ['word/document.xml', 'word/styles.xml']) {
    const xml = zip[part];
    if (xml) parse(strFromU8(xml), content, part === 'word/document.xml');
  }
  return content;
}

function parse(xml: string, out: DocxContent, body: boolean): void {
  const parser = new SaxesParser({ xmlns: false });
  let depthInTable = 0;
  let paragraph: string | undefined;
  let row: { cells: string[]; header: boolean } | undefined;
  let cell: string | undefined;
  let inText = false;
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'w:lang' && a['w:val']) out.languages.add(a['w:val']);
    if (tag.name === 'w:rFonts' && a['w:asciiTheme']) out.themeFonts.add(a['w:asciiTheme']);
    if (!body) return;
    if (tag.name === 'w:tbl') depthInTable++;
    if (tag.name === 'w:tr') row = { cells: [], header: false };
    if (tag.name === 'w:tblHeader' && row) row.header = a['w:val'] === undefined || a['w:val'] === 'true' || a['w:val'] === '1';
    if (tag.name === 'w:tc') cell = '';
    if (tag.name === 'w:p' && depthInTable === 0) paragraph = '';
    if (tag.name === 'w:t') inText = true;
    if (tag.name === 'wp:docPr') out.pictures.push(a['descr'] ?? '');
  });
  parser.on('text', (t) => {
    if (!inText) return;
    if (cell !== undefined) cell += t;
    else if (paragraph !== undefined) paragraph += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    if (tag.name === 'w:tc' && row && cell !== undefined) {
      row.cells.push(cell);
      cell = undefined;
    }
    if (tag.name === 'w:tr' && row) {
      out.rows.push(row);
      row = undefined;
    }
    if (tag.name === 'w:tbl') depthInTable--;
    if (tag.name === 'w:p' && paragraph !== undefined && depthInTable === 0) {
      if (paragraph !== '') out.paragraphs.push(paragraph);
      paragraph = undefined;
    }
  });
  parser.write(xml).close();
}
