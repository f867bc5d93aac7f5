import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeBausteinDocx } from '../adapters/baustein-docx';
import { renderChartPng } from '../adapters/chart-png';
import { buildBaustein } from '../core/baustein';
import type { Evaluation } from '../core/report';

/** The Baustein of SPEC §9 as .docx bytes, the chart rendered without a browser. */
export async function buildBausteinDocx(evaluation: Evaluation): Promise<Uint8Array> {
  const baustein = buildBaustein(evaluation);
  return writeBausteinDocx(baustein, renderChartPng(baustein.chart));
}

/** Refusals the caller turns into one German line (exit 2). */
export class OutputRefused extends Error {
  override name = 'OutputRefused';
}

/**
 * Writes `bytes` to `target` through a temporary file beside it, renamed when complete, so a
 * failed run never leaves half a document. An existing target is replaced only with `force`.
 */
export function writeAtomically(target: string, bytes: Uint8Array, option: string, force: boolean): string {
  const path = resolve(target);
  if (existsSync(path) && !force) throw new OutputRefused(`${target} gibt es schon. Bitte einen anderen Namen für ${option} wählen oder mit --force ersetzen.`);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw new OutputRefused(`${option}: ${target} kann nicht geschrieben werden (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}).`);
  }
  return path;
}
