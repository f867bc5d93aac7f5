import { writeBausteinDocx } from '../adapters/baustein-docx';
import { renderChartPng } from '../adapters/chart-png';
import { buildBaustein } from '../core/baustein';
import type { Evaluation } from '../core/report';

/** The Baustein of SPEC §9 as .docx bytes, the chart rendered without a browser. */
export async function buildBausteinDocx(evaluation: Evaluation): Promise<Uint8Array> {
  const baustein = buildBaustein(evaluation);
  return writeBausteinDocx(baustein, renderChartPng(baustein.chart));
}
