import { formatInt } from '../format';
import { escapeXml } from '../markup';
import type { BausteinChart } from './types';

/** Size of the chart picture in CSS pixels (96 per inch): 16 × 9 cm. */
export const CHART_SIZE = { width: 605, height: 340 } as const;

/** Fonts the renderers try in order; Carlito and Liberation Sans are metric-compatible stand-ins. */
export const CHART_FONT = "Calibri, Carlito, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** One colour per series: earlier year lighter, report year darker (the Office blue). */
const SERIES_COLOURS = ['#9DC3E6', '#2E75B6', '#1F4E79', '#BDD7EE'];

/** A „nice“ axis maximum and step: 1, 2 or 5 × 10^n, four to eight steps. */
function axis(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

/** Splits a category label into at most two lines at the space nearest its middle. */
function labelLines(label: string): string[] {
  if (label.length <= 12 || !label.includes(' ')) return [label];
  const middle = label.length / 2;
  let best = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  return [label.slice(0, best), label.slice(best + 1)];
}

/**
 * The section's clustered column chart as a self-contained SVG document (no scripts, no external
 * references), for a renderer without a browser (CLI) or a canvas (task pane) to turn into a PNG.
 */
export function chartSvg(chart: BausteinChart, size: { width: number; height: number } = CHART_SIZE): string {
  const { width, height } = size;
  const margin = { top: 40, right: 16, bottom: 64, left: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const { top, step } = axis(max);
  const y = (v: number): number => margin.top + plotH - (v / top) * plotH;
  const groupW = plotW / Math.max(1, chart.categories.length);
  const barW = (groupW * 0.7) / Math.max(1, chart.series.length);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(CHART_FONT)}">`,
    `<title>${escapeXml(chart.altText)}</title>`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="${width / 2}" y="22" font-size="14" font-weight="bold" text-anchor="middle" fill="#262626">${escapeXml(chart.title)}</text>`,
  ];
  for (let v = 0; v <= top; v += step) {
    const yy = y(v).toFixed(1);
    out.push(`<line x1="${margin.left}" y1="${yy}" x2="${width - margin.right}" y2="${yy}" stroke="#D9D9D9" stroke-width="1"/>`);
    out.push(`<text x="${margin.left - 6}" y="${yy}" dy="4" font-size="10" text-anchor="end" fill="#595959">${formatInt(v)}</text>`);
  }
  chart.categories.forEach((category, j) => {
    const groupX = margin.left + j * groupW + groupW * 0.15;
    chart.series.forEach((s, i) => {
      const v = s.values[j] ?? 0;
      const x = groupX + i * barW;
      out.push(`<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]!}"/>`);
      out.push(`<text x="${(x + (barW - 2) / 2).toFixed(1)}" y="${(y(v) - 3).toFixed(1)}" font-size="9" text-anchor="middle" fill="#404040">${formatInt(v)}</text>`);
    });
    labelLines(category).forEach((line, k) => {
      out.push(`<text x="${(margin.left + (j + 0.5) * groupW).toFixed(1)}" y="${margin.top + plotH + 15 + k * 12}" font-size="10" text-anchor="middle" fill="#404040">${escapeXml(line)}</text>`);
    });
  });
  out.push(`<line x1="${margin.left}" y1="${y(0).toFixed(1)}" x2="${width - margin.right}" y2="${y(0).toFixed(1)}" stroke="#808080" stroke-width="1"/>`);
  const legendY = height - 14;
  const legendX = width / 2 - (chart.series.length * 70) / 2;
  chart.series.forEach((s, i) => {
    const x = legendX + i * 70;
    out.push(`<rect x="${x}" y="${legendY - 9}" width="10" height="10" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]!}"/>`);
    out.push(`<text x="${x + 14}" y="${legendY}" font-size="10" fill="#404040">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
