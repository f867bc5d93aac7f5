/**
 * Part-level additions to an xlsx package that ExcelJS cannot write: native clustered
 * column charts (chart + drawing parts) and worksheet hyperlinks with a `location`
 * (a cell of this or another workbook). Works on the unzipped package (fflate).
 */
import { strFromU8, strToU8 } from 'fflate';
import { unzipXlsx, XlsxPartError, zipXlsx, type XlsxParts } from './xlsx-zip';
import { escapeXml } from '../core/markup';

export { XlsxPartError, type XlsxParts } from './xlsx-zip';


const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
const REL_HYPERLINK = `${NS_REL}/hyperlink`;
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

export interface ChartSeriesSpec {
  /** Cell holding the series name, e.g. `'Monitoring'!$B$6`. */
  readonly nameRef: string;
  readonly name: string;
  /** Values range, e.g. `'Monitoring'!$B$7:$B$11`. */
  readonly valuesRef: string;
  readonly values: readonly number[];
}

export interface ColumnChartSpec {
  readonly sheet: string;
  readonly title: string;
  /** Category labels range and its cached labels. */
  readonly categoriesRef: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeriesSpec[];
  /** 0-based anchor cells; `to` is exclusive. */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

export interface HyperlinkSpec {
  readonly sheet: string;
  /** The cell carrying the link, plain A1. */
  readonly ref: string;
  /** Target cell, e.g. `'Gesundheitsamt'!D17`. */
  readonly location: string;
  /** Another workbook (relative file name) the location refers to; absent for this workbook. */
  readonly file?: string;
}

export { escapeXml };

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    if (m[1] !== undefined) attrs.set(m[1], unescapeXml(m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

function text(parts: XlsxParts, path: string): string | undefined {
  const bytes = parts[path];
  return bytes === undefined ? undefined : strFromU8(bytes);
}

function put(parts: XlsxParts, path: string, xml: string): void {
  parts[path] = strToU8(xml);
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = fromPart.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.') segments.push(s);
  }
  return segments.join('/');
}

/** The package path of the worksheet named `sheet` (names compared as Excel does, ignoring case). */
export function worksheetPath(parts: XlsxParts, sheet: string): string {
  const workbook = text(parts, 'xl/workbook.xml');
  const rels = text(parts, 'xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) throw new XlsxPartError('xl/workbook.xml or its relationships are missing');
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const a = attributes(m[0]);
    if ((a.get('name') ?? '').toLowerCase() !== sheet.toLowerCase()) continue;
    const id = a.get('r:id');
    for (const r of rels.matchAll(/<Relationship\s[^>]*>/g)) {
      const ra = attributes(r[0]);
      if (ra.get('Id') === id) return resolveTarget('xl/workbook.xml', ra.get('Target') ?? '');
    }
  }
  throw new XlsxPartError(`worksheet "${sheet}" not found in the package`);
}

interface NewRelationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** Adds relationships to `partPath`'s rels part (in one pass) and returns their ids. */
function addRelationships(parts: XlsxParts, partPath: string, rels: readonly NewRelationship[]): string[] {
  const relsPath = relsPathOf(partPath);
  const xml = text(parts, relsPath) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
  const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = 0;
  const ids: string[] = [];
  // A report links every finding to the same input file: escape each target once.
  const escaped = new Map<string, string>();
  const added = rels.map((r) => {
    let id: string;
    do id = `rIdLkm${++n}`;
    while (used.has(id));
    ids.push(id);
    let target = escaped.get(r.target);
    if (target === undefined) escaped.set(r.target, (target = escapeXml(r.target)));
    return `<Relationship Id="${id}" Type="${r.type}" Target="${target}"${r.external ? ' TargetMode="External"' : ''}/>`;
  });
  put(parts, relsPath, xml.replace(/<\/Relationships>\s*$/, () => `${added.join('')}</Relationships>`));
  return ids;
}

function addRelationship(parts: XlsxParts, partPath: string, type: string, target: string, external: boolean): string {
  return addRelationships(parts, partPath, [{ type, target, external }])[0] ?? '';
}

function addContentTypeOverride(parts: XlsxParts, partName: string, contentType: string): void {
  const xml = text(parts, '[Content_Types].xml');
  if (xml === undefined) throw new XlsxPartError('[Content_Types].xml is missing');
  put(parts, '[Content_Types].xml', xml.replace(/<\/Types>\s*$/, () => `<Override PartName="/${partName}" ContentType="${contentType}"/></Types>`));
}

/**
 * Inserts `element` into a worksheet after `</sheetData>` and before the first of `before`,
 * which keeps the element order CT_Worksheet requires.
 */
function insertIntoWorksheet(xml: string, element: string, before: readonly string[]): string {
  const dataEnd = Math.max(xml.indexOf('</sheetData>'), xml.indexOf('<sheetData/>'));
  if (dataEnd < 0) throw new XlsxPartError('worksheet without sheetData');
  const tail = xml.slice(dataEnd);
  let at = tail.lastIndexOf('</worksheet>');
  for (const tag of before) {
    const m = new RegExp(`<${tag}[\\s/>]`).exec(tail);
    if (m && m.index < at) at = m.index;
  }
  return xml.slice(0, dataEnd) + tail.slice(0, at) + element + tail.slice(at);
}

const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const AFTER_HYPERLINKS = [
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  ...AFTER_DRAWING,
];

function nextPartNumber(parts: XlsxParts, pattern: RegExp): number {
  let max = 0;
  for (const path of Object.keys(parts)) {
    const m = pattern.exec(path);
    if (m?.[1] !== undefined) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

const SERIES_COLOURS = ['A5B8DA', '4472C4', '1F3864', 'ED7D31', '70AD47', 'FFC000'];

function richText(s: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="de-DE" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(s)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function textProps(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="de-DE"/></a:p></c:txPr>`;
}

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: readonly number[]): string {
  return (
    `<c:numCache><c:formatCode>#,##0</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('') +
    '</c:numCache>'
  );
}

/** The chart part: a clustered column chart with cached values, so viewers render it without recalculating. */
export function columnChartXml(spec: ColumnChartSpec): string {
  // The latest year gets the strongest colour, whatever the number of years.
  const offset = Math.max(0, 3 - spec.series.length);
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[(i + offset) % SERIES_COLOURS.length] ?? '4472C4'}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:dLbls><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(800)}` +
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
        `<c:cat><c:strRef><c:f>${escapeXml(spec.categoriesRef)}</c:f>${strCache(spec.categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
        '</c:ser>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
    '<c:date1904 val="0"/><c:lang val="de-DE"/><c:roundedCorners val="0"/>' +
    `<c:chart><c:title>${richText(spec.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series +
    '<c:gapWidth val="80"/><c:overlap val="-5"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${textProps(900)}<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    '<c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    '<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `${textProps(900)}<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea>' +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(900)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>' +
    '</c:chartSpace>'
  );
}

function anchorXml(spec: ColumnChartSpec, index: number, chartRelId: string): string {
  const cell = (tag: string, p: { row: number; col: number }): string =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    cell('from', spec.from) +
    cell('to', spec.to) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Diagramm ${index + 1}"/>` +
    '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${chartRelId}"/>` +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** Items per sheet, in order (linear: a report may carry 100,000 links). */
function groupBySheet<T extends { readonly sheet: string }>(items: readonly T[]): Map<string, T[]> {
  const bySheet = new Map<string, T[]>();
  for (const item of items) {
    const list = bySheet.get(item.sheet);
    if (list === undefined) bySheet.set(item.sheet, [item]);
    else list.push(item);
  }
  return bySheet;
}

/** Adds native clustered column charts; one drawing part per sheet that gets charts. */
export function addColumnCharts(parts: XlsxParts, charts: readonly ColumnChartSpec[]): void {
  const bySheet = groupBySheet(charts);
  for (const [sheet, specs] of bySheet) {
    const sheetPath = worksheetPath(parts, sheet);
    const sheetXml = text(parts, sheetPath) ?? '';
    if (/<drawing[\s/>]/.test(sheetXml)) throw new XlsxPartError(`worksheet "${sheet}" already has a drawing`);
    const drawingPath = `xl/drawings/drawing${nextPartNumber(parts, /^xl\/drawings\/drawing(\d+)\.xml$/)}.xml`;
    put(parts, drawingPath, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr/>');
    const anchors = specs.map((spec, i) => {
      const chartPath = `xl/charts/chart${nextPartNumber(parts, /^xl\/charts\/chart(\d+)\.xml$/)}.xml`;
      put(parts, chartPath, columnChartXml(spec));
      addContentTypeOverride(parts, chartPath, CT_CHART);
      return anchorXml(spec, i, addRelationship(parts, drawingPath, REL_CHART, `../charts/${chartPath.split('/').pop() ?? ''}`, false));
    });
    put(
      parts,
      drawingPath,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
        `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
        anchors.join('') +
        '</xdr:wsDr>',
    );
    addContentTypeOverride(parts, drawingPath, CT_DRAWING);
    const relId = addRelationship(parts, sheetPath, REL_DRAWING, `../drawings/${drawingPath.split('/').pop() ?? ''}`, false);
    put(parts, sheetPath, insertIntoWorksheet(sheetXml, `<drawing r:id="${relId}"/>`, AFTER_DRAWING));
  }
}

/** Adds hyperlinks with a `location` (SpreadsheetML's way to address a cell, here or in another file). */
export function addHyperlinks(parts: XlsxParts, links: readonly HyperlinkSpec[]): void {
  const bySheet = groupBySheet(links);
  for (const [sheet, list] of bySheet) {
    const sheetPath = worksheetPath(parts, sheet);
    let xml = text(parts, sheetPath) ?? '';
    const external = list.filter((l) => l.file !== undefined);
    const ids = addRelationships(
      parts,
      sheetPath,
      external.map((l) => ({ type: REL_HYPERLINK, target: encodeFileTarget(l.file ?? ''), external: true })),
    );
    let next = 0;
    const elements = list.map((l) => {
      const rel = l.file === undefined ? '' : ` r:id="${ids[next++] ?? ''}"`;
      return `<hyperlink ref="${l.ref}"${rel} location="${escapeXml(l.location)}"/>`;
    });
    if (/<hyperlinks>/.test(xml)) xml = xml.replace('</hyperlinks>', () => `${elements.join('')}</hyperlinks>`);
    else xml = insertIntoWorksheet(xml, `<hyperlinks>${elements.join('')}</hyperlinks>`, AFTER_HYPERLINKS);
    put(parts, sheetPath, xml);
  }
}

/** A relative file name as a relationship target (a URI: spaces and `#`, `%` escaped). */
function encodeFileTarget(file: string): string {
  return file.replace(/%/g, '%25').replace(/ /g, '%20').replace(/#/g, '%23');
}

/** Adds charts to xlsx bytes and returns the new bytes. */
export function addColumnChartsToXlsx(bytes: Uint8Array, charts: readonly ColumnChartSpec[]): Uint8Array {
  const parts = unzipXlsx(bytes);
  addColumnCharts(parts, charts);
  return zipXlsx(parts);
}
