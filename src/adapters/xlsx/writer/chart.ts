/**
 * Native clustered column charts, added to the package after ExcelJS has written it (ExcelJS
 * writes no charts): a chart part per chart, one drawing part per sheet that anchors them.
 */
import { columnLetters } from '../../../core/grid';
import type { OutChart, OutTable, OutValue } from '../../../core/output-model';
import { NUMBER_FORMATS } from '../../../core/outputs/style';
import { quoteSheet } from '../../../core/sheet-ref';
import { XlsxPartError } from '../package/errors';
import { addContentTypeOverride, addRelationship, nextPartNumber, requirePart, worksheetPath, writePart } from '../package/parts';
import { groupBySheet, insertIntoWorksheet } from '../package/worksheet';
import { NS, xmlElement, xmlText } from '../package/xml-edit';
import type { XlsxParts } from '../package/zip';

const NS_REL = NS.rel;
const REL_DRAWING = `${NS_REL}/drawing`;
const REL_CHART = `${NS_REL}/chart`;
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

const SERIES_COLOURS = ['A5B8DA', '4472C4', '1F3864', 'ED7D31', '70AD47', 'FFC000'];

// The chart's fixed markup is written as it stands; every value in it goes through xmlElement.
const x = xmlElement;

function richText(s: string, size: number, bold: boolean): string {
  const run = { sz: size, b: bold ? 1 : 0 };
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${x('a:defRPr', run)}</a:pPr>` +
    `<a:r>${x('a:rPr', { lang: 'de-DE', ...run })}${x('a:t', {}, xmlText(s))}</a:r></a:p></c:rich></c:tx>`
  );
}

function textProps(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${x('a:defRPr', { sz: size })}</a:pPr><a:endParaRPr lang="de-DE"/></a:p></c:txPr>`;
}

function points(values: readonly (string | number)[]): string {
  return x('c:ptCount', { val: values.length }) + values.map((v, i) => x('c:pt', { idx: i }, x('c:v', {}, xmlText(String(v))))).join('');
}

function strRef(ref: string, values: readonly string[]): string {
  return x('c:strRef', {}, x('c:f', {}, xmlText(ref)) + x('c:strCache', {}, points(values)));
}

function numRef(ref: string, values: readonly number[]): string {
  return x('c:numRef', {}, x('c:f', {}, xmlText(ref)) + x('c:numCache', {}, `<c:formatCode>${NUMBER_FORMATS.integer}</c:formatCode>` + points(values)));
}

/** The chart part: a clustered column chart with cached values, so viewers render it without recalculating. */
export function columnChartXml(spec: ColumnChartSpec): string {
  // The latest year gets the strongest colour, whatever the number of years.
  const offset = Math.max(0, 3 - spec.series.length);
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser>${x('c:idx', { val: i })}${x('c:order', { val: i })}` +
        `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` +
        `<c:spPr><a:solidFill>${x('a:srgbClr', { val: SERIES_COLOURS[(i + offset) % SERIES_COLOURS.length] ?? '4472C4' })}</a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:dLbls><c:numFmt formatCode="${NUMBER_FORMATS.integer}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(800)}` +
        '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>' +
        '<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
        `<c:cat>${strRef(spec.categoriesRef, spec.categories)}</c:cat>` +
        `<c:val>${numRef(s.valuesRef, s.values)}</c:val>` +
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
    `<c:numFmt formatCode="${NUMBER_FORMATS.integer}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
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
    x(`xdr:${tag}`, {}, `${x('xdr:col', {}, String(p.col))}<xdr:colOff>0</xdr:colOff>${x('xdr:row', {}, String(p.row))}<xdr:rowOff>0</xdr:rowOff>`);
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    cell('from', spec.from) +
    cell('to', spec.to) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>${x('xdr:cNvPr', { id: index + 2, name: `Diagramm ${index + 1}` })}` +
    '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    x('c:chart', { 'xmlns:c': 'http://schemas.openxmlformats.org/drawingml/2006/chart', 'r:id': chartRelId }) +
    '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** The chart spec of an output chart over `tables` of the sheet named `sheet`. */
export function chartSpec(sheet: string, chart: OutChart, tables: readonly OutTable[]): ColumnChartSpec {
  const table = tables.find((t) => t.id === chart.tableId);
  if (table === undefined) throw new Error(`chart refers to unknown table "${chart.tableId}"`);
  const q = quoteSheet(sheet);
  const first = Math.min(...chart.categoryRows);
  const last = Math.max(...chart.categoryRows);
  const bodyRow = (r: number): number => table.row + 2 + r; // 1-based sheet row of body row r
  const col = (c: number): string => columnLetters(table.col + c);
  const label = (v: OutValue | undefined): string => (v === undefined ? '' : v.kind === 'text' || v.kind === 'link' ? v.text : v.kind === 'number' ? String(v.value) : '');
  const rowsInRange = Array.from({ length: last - first + 1 }, (_, i) => table.rows[first + i] ?? []);
  return {
    sheet,
    title: chart.title,
    categoriesRef: `${q}!$${col(0)}$${bodyRow(first)}:$${col(0)}$${bodyRow(last)}`,
    categories: rowsInRange.map((r) => label(r[0])),
    series: chart.seriesColumns.map((c) => ({
      nameRef: `${q}!$${col(c)}$${table.row + 1}`,
      name: table.header[c] ?? '',
      valuesRef: `${q}!$${col(c)}$${bodyRow(first)}:$${col(c)}$${bodyRow(last)}`,
      values: rowsInRange.map((r) => {
        const v = r[c];
        return v?.kind === 'number' ? v.value : 0;
      }),
    })),
    from: chart.from,
    to: chart.to,
  };
}

/** Adds native clustered column charts; one drawing part per sheet that gets charts. */
export function addColumnCharts(parts: XlsxParts, charts: readonly ColumnChartSpec[]): void {
  for (const [sheet, specs] of groupBySheet(charts)) {
    const sheetPath = worksheetPath(parts, sheet);
    const sheetXml = requirePart(parts, sheetPath);
    if (sheetXml.child(sheetXml.root, 'drawing') !== undefined) throw new XlsxPartError(`worksheet "${sheet}" already has a drawing`);
    const drawingPath = `xl/drawings/drawing${nextPartNumber(parts, 'xl/drawings/drawing')}.xml`;
    writePart(parts, drawingPath, ''); // its place in the package, before its charts
    const anchors = specs.map((spec, i) => {
      const chartPath = `xl/charts/chart${nextPartNumber(parts, 'xl/charts/chart')}.xml`;
      writePart(parts, chartPath, columnChartXml(spec));
      addContentTypeOverride(parts, chartPath, CT_CHART);
      return anchorXml(spec, i, addRelationship(parts, drawingPath, REL_CHART, `../charts/${chartPath.split('/').pop() ?? ''}`, false));
    });
    writePart(
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
    insertIntoWorksheet(sheetXml, 'drawing', xmlElement('drawing', { [`${sheetXml.prefixFor(NS.rel, 'r')}:id`]: relId }));
    writePart(parts, sheetPath, sheetXml);
  }
}
