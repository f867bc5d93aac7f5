/**
 * The Baustein (SPEC §9) in the browser: the chart's SVG drawn on a canvas into a PNG, then the
 * .docx (docx package) or the clipboard HTML. Loaded as its own chunk on first use.
 */
import type { ChartPicture } from '../adapters/baustein-docx';
import { bausteinHtml, type BausteinChart, bausteinText, buildBaustein, CHART_SIZE, chartSvg } from '../core/baustein';
import type { EvaluatedWorkbook } from './types';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Thrown where the browser cannot draw the chart (no canvas): the caller shows the message. */
export class ChartRenderError extends Error {
  override name = 'ChartRenderError';
}

/** The chart as PNG bytes at twice its size, drawn by the browser from the core's SVG. */
export async function chartPng(chart: BausteinChart): Promise<ChartPicture> {
  const { width, height } = CHART_SIZE;
  const url = URL.createObjectURL(new Blob([chartSvg(chart, CHART_SIZE)], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new ChartRenderError('Das Diagramm konnte nicht gezeichnet werden.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ChartRenderError('Der Browser kann das Diagramm nicht zeichnen.');
    ctx.drawImage(image, 0, 0, width * 2, height * 2);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new ChartRenderError('Der Browser kann das Diagramm nicht als Bild speichern.');
    return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The .docx as a Blob, with its file name. */
export async function bausteinDocx(evaluation: EvaluatedWorkbook): Promise<{ blob: Blob; name: string }> {
  const baustein = buildBaustein(evaluation);
  const { writeBausteinDocx } = await import(/* webpackChunkName: "docx" */ '../adapters/baustein-docx');
  const bytes = await writeBausteinDocx(baustein, await chartPng(baustein.chart));
  return { blob: new Blob([bytes as BlobPart], { type: DOCX_TYPE }), name: `Baustein_Mitteilungsvorlage_${baustein.years[baustein.years.length - 1] ?? ''}.docx` };
}

function dataUrl(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}

/** Clipboard flavours: HTML with the chart as a data URL (Word pastes table, text and picture), and plain text. */
export async function bausteinClipboard(evaluation: EvaluatedWorkbook): Promise<{ html: string; text: string }> {
  const baustein = buildBaustein(evaluation);
  let html: string;
  try {
    const picture = await chartPng(baustein.chart);
    html = bausteinHtml(baustein, { src: dataUrl(picture.png), width: picture.width, height: picture.height });
  } catch {
    // Without a canvas the table and text still go to the clipboard; the .docx carries the chart.
    html = bausteinHtml(baustein);
  }
  return { html, text: bausteinText(baustein) };
}
