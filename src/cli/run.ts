import { basename } from 'node:path';
import { type Evaluation, evaluateWorkbook } from '../core/report';
import { readXlsx } from '../adapters/xlsx-reader';
import { isoDay as isoDate } from '../core/dates';
import { readCatalogFile } from '../adapters/catalog-file';
import { type CatalogImport, CatalogFormatError } from '../core/catalog';
import { WorkbookError } from '../port/workbook-port';
import { parseCli, UsageError } from './args';
import { readRegularFile, type ReadFile } from './files';
import { analysisJson, catalogJson, comparisonJson } from './json';
import { CLI_MESSAGES, USAGE } from './messages';
import { type ProtectedFile, writeOutputSafely } from './safe-output';
import { terminalSafe, terminalSafeLines } from './terminal';
import { catalogText, reportText } from './text';

export { USAGE } from './messages';
export { UsageError } from './args';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today, for the evaluation date and the calendar-year fallback. */
  now(): Date;
}

/** The one line printed for a defect of the product (exit 1): German, naming only the error's kind. */
export function defectLine(error: unknown): string {
  const kind = error instanceof Error ? error.name : typeof error;
  return `Fehler: ${CLI_MESSAGES.defect(terminalSafe(kind))}\n`;
}

/**
 * Runs the command line of SPEC §6; resolves to the exit code: 0 done, 2 misuse or unusable
 * input (one German line on stderr), 1 a defect of the product (one German line too).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkbookError) {
      io.stderr(`Fehler: ${terminalSafe(error.message)}\n`);
      return 2;
    }
    io.stderr(defectLine(error));
    return 1;
  }
}

async function run(argv: readonly string[], io: CliIo): Promise<void> {
  const options = parseCli(argv);
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return;
  }
  const inputs = readInputs(options.inputs);
  const input = inputs[0]!;
  const year = options.year === undefined ? undefined : parseYear(options.year);
  const workbook = readXlsx(input.bytes);
  const catalogFile = options.catalog === undefined ? undefined : readRegularFile(options.catalog, 'catalog');
  const catalog = catalogFile === undefined ? undefined : readCatalog(catalogFile);
  const now = io.now();
  const evaluation = evaluateWorkbook(workbook, {
    ...(year !== undefined ? { year } : {}),
    ...(catalog !== undefined ? { catalog } : {}),
    currentYear: now.getFullYear(),
  });
  const { analysis } = evaluation;
  if (analysis.officeSheets.length === 0) {
    throw new UsageError(CLI_MESSAGES.noOfficeSheet(analysis.skippedSheets.map((s) => `${s.sheet}: ${s.reason}`).join('; ')));
  }

  let written: string | undefined;
  if (options.out !== undefined) {
    const protect: ProtectedFile[] = [
      ...inputs.map((f) => ({ path: f.path, role: 'input' as const, id: f.id })),
      ...(catalogFile ? [{ path: catalogFile.path, role: 'catalog' as const, id: catalogFile.id }] : []),
    ];
    written = await writeOutputSafely(options.out, () => buildReportBytes(evaluation, input.path, now), { option: '--out', protect, force: options.force });
  }

  if (options.json) {
    io.stdout(`${JSON.stringify(analysisJson(analysis, { comparison: comparisonJson(evaluation.comparisons), ...catalogJson(evaluation) }), null, 2)}\n`);
    return;
  }
  const out = (text: string): void => io.stdout(terminalSafeLines(text));
  out(`${reportText(analysis)}\n`);
  if (evaluation.catalog) out(`\n${catalogText(evaluation)}\n`);
  if (written) out(`\n${CLI_MESSAGES.written(written)}\n`);
}

/**
 * The input files, each read once as a regular file. One file today; a list so that several
 * files and folders (SPEC §10) extend this function, not its callers.
 */
export function readInputs(paths: readonly string[]): ReadFile[] {
  if (paths.length === 0) throw new UsageError(CLI_MESSAGES.noInput());
  if (paths.length > 1) throw new UsageError(CLI_MESSAGES.severalInputs());
  // the reader tells a legacy .xls from a misnamed .xlsx by content, not by extension
  return paths.map((p) => readRegularFile(p, 'input'));
}

/** `--catalog`: a LeiKa export (CSV or XLSX); anything that is no catalogue ends the run with one line. */
function readCatalog(file: ReadFile): CatalogImport {
  try {
    return readCatalogFile(file.bytes, basename(file.path));
  } catch (error) {
    if (error instanceof CatalogFormatError) throw new UsageError(error.message);
    if (error instanceof WorkbookError) throw new UsageError(CLI_MESSAGES.catalogUnreadable(basename(file.path), error.message));
    throw error;
  }
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 2000 || year > 2099) throw new UsageError(CLI_MESSAGES.badYear(text));
  return year;
}

async function buildReportBytes(evaluation: Evaluation, input: string, now: Date): Promise<Uint8Array> {
  const { buildReport } = await import('./report');
  return buildReport(evaluation, { evaluatedAt: isoDate(now), sourceFileName: basename(input) });
}

