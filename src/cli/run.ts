import { basename } from 'node:path';
import { type Evaluation, evaluateWorkbook } from '../core/report';
import { isoDay } from '../core/dates';
import { type CatalogImport, CatalogFormatError } from '../core/catalog';
import { noOfficeSheetMessage } from '../core/no-office-sheet';
import { WorkbookError } from '../port/workbook-port';
import { parseCli, UsageError } from './args';
import { readRegularFile, type ReadFile } from './files';
import { type InputFile, readInputs } from './inputs';
import { analysisJson, catalogJson, comparisonJson, sourcesJson } from './json';
import { CLI_MESSAGES, USAGE } from './messages';
import { checkOutputTarget, type ProtectedFile, writeOutputSafely } from './safe-output';
import { terminalSafe, terminalSafeLines } from './terminal';
import { catalogText, reportText, sourcesText } from './text';

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
  const year = options.year === undefined ? undefined : parseYear(options.year);
  const inputs = readInputs(options.inputs);
  const catalogFile = options.catalog === undefined ? undefined : readRegularFile(options.catalog, 'catalog');
  const catalog = catalogFile === undefined ? undefined : await readCatalog(catalogFile);
  const now = io.now();
  const evaluation = evaluateWorkbook(inputs.files.map((f) => f.source), {
    ...(year !== undefined ? { year } : {}),
    ...(catalog !== undefined ? { catalog } : {}),
    currentYear: now.getFullYear(),
  });
  const { analysis } = evaluation;
  const none = noOfficeSheetMessage(analysis, evaluation.sources);
  if (none !== undefined) throw new UsageError(none);

  const given: ProtectedFile[] = [
    // every input, also one that could not be read (its path is looked up then)
    ...inputs.files.map((f) => ({ path: f.path, role: 'input' as const, ...(f.id ? { id: f.id } : {}) })),
    ...(catalogFile ? [{ path: catalogFile.path, role: 'catalog' as const, id: catalogFile.id }] : []),
  ];
  // each output is protected from the other, and both are checked before either is written
  const protect = (other: string | undefined): ProtectedFile[] => [...given, ...(other !== undefined ? [{ path: other, role: 'output' as const }] : [])];
  const outOpts = { option: '--out', protect: protect(options.docx), force: options.force };
  const docxOpts = { option: '--docx', what: 'Der Baustein', protect: protect(options.out), force: options.force };
  if (options.out !== undefined) checkOutputTarget(options.out, outOpts);
  if (options.docx !== undefined) checkOutputTarget(options.docx, docxOpts);
  let written: string | undefined;
  if (options.out !== undefined) {
    const out = options.out;
    written = await writeOutputSafely(out, () => buildReportBytes(evaluation, inputs.files, out, now), outOpts);
  }
  let docx: string | undefined;
  if (options.docx !== undefined) docx = await writeOutputSafely(options.docx, () => buildBausteinBytes(evaluation), docxOpts);

  if (options.json) {
    const files = inputs.several ? sourcesJson(evaluation.sources) : {};
    io.stdout(`${JSON.stringify(analysisJson(analysis, { comparison: comparisonJson(evaluation.comparisons), ...catalogJson(evaluation), ...files }), null, 2)}\n`);
    return;
  }
  const out = (text: string): void => io.stdout(terminalSafeLines(text));
  out(`${reportText(analysis)}\n`);
  if (inputs.several) out(`\n${sourcesText(evaluation.sources)}\n`);
  if (evaluation.catalog) out(`\n${catalogText(evaluation)}\n`);
  if (written) out(`\n${CLI_MESSAGES.written(written)}\n`);
  if (docx) out(`${written ? '' : '\n'}${CLI_MESSAGES.bausteinWritten(docx)}\n`);
}

/**
 * `--catalog`: a LeiKa export (CSV or XLSX); anything that is no catalogue ends the run with one
 * line. Its reader (with the CSV parser) is loaded only here: loading it took 50 ms of every run.
 */
async function readCatalog(file: ReadFile): Promise<CatalogImport> {
  const { readCatalogFile } = await import('../adapters/catalog-file');
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

/*
 * The writers (ExcelJS, docx, resvg) are loaded only when a file is written: loading them costs
 * more than a third of a plain run's time (docs/performance.md).
 */
async function buildReportBytes(evaluation: Evaluation, files: readonly InputFile[], out: string, now: Date): Promise<Uint8Array> {
  const { buildReport, relativeFileLinks } = await import('./report');
  // findings name their file only where several files are evaluated (a folder may hold just one)
  const links = files.length > 1 ? { fileLink: relativeFileLinks(files, out) } : { sourceFileName: basename(files[0]!.path) };
  return buildReport(evaluation, { evaluatedAt: isoDay(now), ...links });
}

async function buildBausteinBytes(evaluation: Evaluation): Promise<Uint8Array> {
  const { buildBausteinDocx } = await import('./baustein');
  return buildBausteinDocx(evaluation);
}
