/**
 * The Baustein chart as a PNG without a browser (CLI): the core's SVG rasterised by resvg, whose
 * prebuilt binary comes inside its npm package. System fonts are used; Calibri's stand-ins follow.
 */
import { Resvg } from '@resvg/resvg-js';
import { type BausteinChart, CHART_SIZE, chartSvg } from '../core/baustein';
import type { ChartPicture } from './baustein-docx';

/** Rendered at twice the display size, so the picture stays sharp when printed. */
export function renderChartPng(chart: BausteinChart): ChartPicture {
  const svg = chartSvg(chart, CHART_SIZE);
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return { png: new Uint8Array(png), width: CHART_SIZE.width, height: CHART_SIZE.height };
}
