import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Evaluation, evaluateWorkbook } from '../core/report';
import { readXlsx } from '../adapters/xlsx-reader';
import { readCatalogFile } from '../adapters/catalog-file';
import { type CatalogImport, CatalogFormatError } from '../core/catalog';
import { WorkbookError } from '../port/workbook-port';
import { analysisJson, catalogJson, comparisonJson } from './json';
import { buildBausteinDocx, OutputRefused, writeAtomically } from './baustein';
import { catalogText, reportText } from './text';

export const USAGE =
  'Aufruf: npm run --silent report -- <arbeitsmappe.xlsx> [--out <bericht.xlsx>] [--docx <baustein.docx>] [--year <JJJJ>] [--json] [--catalog <leika.csv|xlsx>] [--force]';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today, for the evaluation date and the calendar-year fallback. */
  now(): Date;
}

/** A failure the user must fix: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Runs the command line of SPEC §6; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkbookError || error instanceof OutputRefused) {
      io.stderr(`Fehler: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`Fehler: unerwarteter Fehler bei der Auswertung (${detail.split('\n')[0]}). Bitte melden Sie diesen Fall dem Amt für Digitalisierung.\n`);
    return 1;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        year: { type: 'string', short: 'y' },
        json: { type: 'boolean' },
        catalog: { type: 'string' },
        docx: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    throw new UsageError(`${cause instanceof Error ? cause.message : String(cause)}. ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? `Keine Arbeitsmappe angegeben. ${USAGE}` : `Bitte genau eine Arbeitsmappe angeben. ${USAGE}`);
  const input = positionals[0]!;
  const year = values.year === undefined ? undefined : parseYear(values.year);

  const bytes = readInput(input);
  const workbook = readXlsx(bytes);
  const catalog = values.catalog === undefined ? undefined : readCatalog(values.catalog);
  const now = io.now();
  const evaluation = evaluateWorkbook(workbook, {
    ...(year !== undefined ? { year } : {}),
    ...(catalog !== undefined ? { catalog } : {}),
    currentYear: now.getFullYear(),
  });
  const { analysis } = evaluation;
  if (analysis.officeSheets.length === 0) {
    const reasons = analysis.skippedSheets.map((s) => `${s.sheet}: ${s.reason}`).join('; ');
    throw new UsageError(`Keine Amtsblätter gefunden (${reasons || 'die Arbeitsmappe hat keine Blätter'}).`);
  }

  if (values.docx !== undefined) checkDocxTarget(values.docx, [input, values.catalog, values.out]);
  let written: string | undefined;
  if (values.out !== undefined) written = await writeReport(input, values.out, evaluation, now);
  let docx: string | undefined;
  if (values.docx !== undefined) docx = writeAtomically(values.docx, await buildBausteinDocx(evaluation), '--docx', values.force === true);

  if (values.json) {
    io.stdout(`${JSON.stringify(analysisJson(analysis, { comparison: comparisonJson(evaluation.comparisons), ...catalogJson(evaluation) }), null, 2)}\n`);
    return;
  }
  io.stdout(`${reportText(analysis)}\n`);
  if (evaluation.catalog) io.stdout(`\n${catalogText(evaluation)}\n`);
  if (written) io.stdout(`\nBericht geschrieben: ${written}\n`);
  if (docx) io.stdout(`Baustein für die Mitteilungsvorlage geschrieben: ${docx}\n`);
}

/** `--catalog`: a LeiKa export (CSV or XLSX); anything that is no catalogue ends the run with one line. */
function readCatalog(path: string): CatalogImport {
  if (!existsSync(path)) throw new UsageError(`LeiKa-Katalog nicht gefunden: ${path}`);
  if (statSync(path).isDirectory()) throw new UsageError(`${path} ist ein Ordner, kein LeiKa-Katalog.`);
  try {
    return readCatalogFile(new Uint8Array(readFileSync(path)), basename(path));
  } catch (error) {
    if (error instanceof CatalogFormatError) throw new UsageError(error.message);
    if (error instanceof WorkbookError) throw new UsageError(`Der LeiKa-Katalog ${basename(path)} kann nicht gelesen werden: ${error.message}`);
    throw error;
  }
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 2000 || year > 2099) throw new UsageError(`--year erwartet ein Jahr von 2000 bis 2099, nicht „${text}“.`);
  return year;
}

function readInput(path: string): Uint8Array {
  if (!existsSync(path)) throw new UsageError(`Datei nicht gefunden: ${path}`);
  if (statSync(path).isDirectory()) throw new UsageError(`${path} ist ein Ordner, keine Arbeitsmappe.`);
  // the reader tells a legacy .xls from a misnamed .xlsx by content, not by extension
  return readFileSync(path);
}

async function writeReport(input: string, out: string, evaluation: Evaluation, now: Date): Promise<string> {
  const target = resolve(out);
  if (samePath(resolve(input), target)) throw new UsageError(`--out darf nicht die Eingabedatei sein (${out}): die Eingabe wird nie verändert.`);
  const { buildReport } = await import('./report');
  const bytes = await buildReport(evaluation, { evaluatedAt: isoDate(now), sourceFileName: basename(input) });
  try {
    writeFileSync(target, bytes);
  } catch (cause) {
    throw new UsageError(`Der Bericht kann nicht nach ${out} geschrieben werden (${cause instanceof Error ? cause.message : String(cause)}).`);
  }
  return target;
}

/** `--docx` never replaces the input, the catalogue or the report workbook. */
function checkDocxTarget(target: string, others: readonly (string | undefined)[]): void {
  const path = resolve(target);
  for (const other of others)
    if (other !== undefined && samePath(resolve(other), path)) throw new UsageError(`--docx darf keine der anderen Dateien sein (${target}): Eingaben werden nie verändert.`);
}

function samePath(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return existsSync(b) && realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function isoDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
