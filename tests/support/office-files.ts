/*
 * The office files of scripts/make-office-files.js (the demo workbook split into one file per
 * office) and how to compare their evaluation with the demo's: equal apart from file names,
 * FILE_SKIPPED and OFFICE_IN_SEVERAL_FILES.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { analysisJson, comparisonJson } from '../../src/cli/json';
import type { WorkbookGrid } from '../../src/core/grid';
import { evaluateWorkbook, type Evaluation } from '../../src/core/report';

interface FileSpec {
  readonly file: string;
  readonly sheets: readonly { readonly from: string; readonly name?: string }[];
}

interface OfficeFilesScript {
  makeOfficeFiles(dir: string): Promise<{ dir: string }>;
  readonly FILES: readonly FileSpec[];
  readonly DEMO_ORDER: readonly string[];
  readonly NOT_A_WORKBOOK: string;
  readonly LOCK_FILE: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require('../../scripts/make-office-files.js') as OfficeFilesScript;
export const { FILES, DEMO_ORDER, NOT_A_WORKBOOK, LOCK_FILE } = script;

export const DEMO = join(__dirname, '..', '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');

/** Generates the office files into a new folder under the system's temp directory. */
export async function makeOfficeFileSet(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'leika-amtsdateien-'));
  await script.makeOfficeFiles(dir);
  return dir;
}

/** The office files as a folder call lists them: .xlsx/.xlsm directly inside, no lock file, sorted as a German user sorts. */
export const FOLDER_ORDER: readonly string[] = [...DEMO_ORDER, NOT_A_WORKBOOK].sort(new Intl.Collator('de', { numeric: true }).compare);

/** The demo sheet a sheet of an office file was made from. */
function demoSheet(file: string, sheet: string): string {
  const spec = FILES.find((f) => f.file === file)?.sheets.find((s) => (s.name ?? s.from) === sheet);
  if (!spec) throw new Error(`${file} › ${sheet} is no sheet of the office files`);
  return spec.from;
}

/** The demo workbook with its sheets in the order the given files hold them: the single-workbook run to compare with. */
export function demoInFileOrder(files: readonly string[]): WorkbookGrid {
  const demo = readXlsx(readFileSync(DEMO));
  const order: string[] = [];
  for (const file of files) for (const s of FILES.find((f) => f.file === file)?.sheets ?? []) if (!order.includes(s.from)) order.push(s.from);
  return { ...demo, sheets: order.map((name) => demo.sheets.find((s) => s.name === name)!) };
}

/** The JSON document of SPEC §6 (with `comparison`) of an evaluation, as the CLI prints it. */
export function jsonOf(evaluation: Pick<Evaluation, 'analysis' | 'comparisons'>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(analysisJson(evaluation.analysis, { comparison: comparisonJson(evaluation.comparisons) }))) as Record<string, unknown>;
}

/** The single-workbook run of the demo's sheets in the order of `files`. */
export function demoJson(files: readonly string[]): Record<string, unknown> {
  return jsonOf(evaluateWorkbook(demoInFileOrder(files), { currentYear: 2026 }));
}

interface Located {
  sheet: string;
  file?: string;
  code?: string;
  message?: string;
}

/**
 * A JSON document of the office files as the demo's would read: every `file › sheet` becomes the
 * demo sheet it was made from, `file` and `files` go, and so do the findings only several files
 * have (FILE_SKIPPED, OFFICE_IN_SEVERAL_FILES).
 */
export function asDemo(doc: Record<string, unknown>): Record<string, unknown> {
  const labels: [string, string][] = FILES.flatMap((f) => f.sheets.map((s): [string, string] => [`${f.file} › ${s.name ?? s.from}`, s.from]));
  const unlabel = (text: string): string => labels.reduce((t, [label, sheet]) => t.split(label).join(sheet), text);
  const place = <T extends Located>(item: T): T => {
    const { file, ...rest } = item;
    const placed = { ...rest, sheet: file === undefined ? item.sheet : demoSheet(file, item.sheet) } as T;
    return placed.message === undefined ? placed : { ...placed, message: unlabel(placed.message) };
  };
  const { files: _files, ...rest } = doc;
  return {
    ...rest,
    findings: (doc.findings as Located[]).filter((f) => f.code !== 'FILE_SKIPPED' && f.code !== 'OFFICE_IN_SEVERAL_FILES').map(place),
    skippedSheets: (doc.skippedSheets as Located[]).map(place),
  };
}

/** The findings only several files have, as `CODE file › sheet!cell`. */
export function severalFileFindings(doc: Record<string, unknown>): string[] {
  return (doc.findings as (Located & { cell: string })[])
    .filter((f) => f.code === 'FILE_SKIPPED' || f.code === 'OFFICE_IN_SEVERAL_FILES')
    .map((f) => `${f.code} ${f.file ?? ''} › ${f.sheet}!${f.cell}`);
}
