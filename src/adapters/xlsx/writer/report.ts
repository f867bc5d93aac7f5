/**
 * Renders output sheets (SPEC §5) with ExcelJS: into a new report workbook, or into an
 * existing workbook following the sheet plan. Table bodies, charts and cell hyperlinks are
 * then added to the package (table-body.ts, chart.ts, links.ts), since ExcelJS cannot write
 * them as needed.
 */
import { planOutputSheets } from '../../../port/sheet-plan';
import type { WriteReport, WrittenSheet } from '../../../port/workbook-port';
import type { OutputSheet } from '../../../core/output-model';
import { unzipXlsx, zipXlsxStreamed } from '../package/zip';
import { addColumnCharts } from './chart';
import { readDefinedNames, setDefinedName } from './defined-names';
import { newWorkbook, setWorksheetOrder, worksheetOrder, writeStoredPackage, type Workbook, type Worksheet } from './exceljs';
import { addHyperlinks, linkMode } from './links';
import { renderSheet, type PackageAdditions } from './sheet';
import { prepareTableBodies } from './table-body';

export interface ReportWorkbookOptions {
  /** File name of the evaluated workbook; Prüfhinweise links then open its cells. */
  readonly sourceFileName?: string;
  /** ISO date of the evaluation: the package's created/modified date (no time of day, so a rerun that day is byte-identical). */
  readonly evaluatedAt?: string;
}

/** Package date when none is given: the zip epoch, as fixed as the zip entries' timestamps. */
const NO_DATE = '1980-01-01';

/**
 * Renders the outputs into an ExcelJS workbook following the sheet plan: marked sheets are
 * replaced by a fresh sheet of the same name, position and visibility; others are added at
 * the end; marker names are set. Returns where each output went and what must be added
 * to the package after ExcelJS has written it (see finishPackage).
 */
export function renderOutputs(
  wb: Workbook,
  outputs: readonly OutputSheet[],
  opts: ReportWorkbookOptions = {},
): { report: WriteReport; additions: PackageAdditions } {
  const plan = planOutputSheets(
    outputs.map((o) => o.role),
    { sheetNames: wb.worksheets.map((ws) => ws.name), definedNames: readDefinedNames(wb) },
  );
  const mode = linkMode(opts.sourceFileName);
  const additions: PackageAdditions = { charts: [], links: [], bodies: [] };
  const written: WrittenSheet[] = [];
  outputs.forEach((output, i) => {
    const planned = plan.sheets[i];
    if (planned === undefined) return;
    let ws: Worksheet;
    const old = planned.rewrite ? wb.worksheets.find((s) => s.name.toLowerCase() === planned.sheet.toLowerCase()) : undefined;
    if (old !== undefined) {
      const { state, name } = old;
      const order = worksheetOrder(old);
      wb.removeWorksheet(old.id);
      ws = wb.addWorksheet(name);
      setWorksheetOrder(ws, order);
      ws.state = state;
    } else {
      ws = wb.addWorksheet(planned.sheet);
    }
    renderSheet(wb, ws, output, mode, additions);
    written.push(
      planned.displacedBy === undefined
        ? { role: planned.role, sheet: ws.name, rewritten: planned.rewrite }
        : { role: planned.role, sheet: ws.name, rewritten: planned.rewrite, displacedBy: planned.displacedBy },
    );
  });
  for (const d of plan.definedNames) setDefinedName(wb, d);
  return { report: { sheets: written }, additions };
}

/** Writes the workbook with ExcelJS, then adds table bodies, charts and hyperlinks to the package. */
export async function finishPackage(wb: Workbook, additions: PackageAdditions): Promise<Uint8Array> {
  const parts = unzipXlsx(await writeStoredPackage(wb));
  const bodies = prepareTableBodies(parts, additions.bodies);
  addColumnCharts(parts, additions.charts);
  addHyperlinks(parts, additions.links);
  return zipXlsxStreamed(parts, bodies);
}

/**
 * A new report workbook holding only the output sheets (SPEC §5, CLI and file mode).
 * With `sourceFileName`, Prüfhinweise links open the cell in that file (expected beside the report).
 */
export async function writeReportWorkbook(sheets: readonly OutputSheet[], opts: ReportWorkbookOptions = {}): Promise<Uint8Array> {
  return (await renderReportWorkbook(sheets, opts)).bytes;
}

/** `writeReportWorkbook` with the sheet plan it followed: where each output went. */
export async function renderReportWorkbook(
  sheets: readonly OutputSheet[],
  opts: ReportWorkbookOptions = {},
): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  const wb = newWorkbook();
  wb.creator = 'LeiKa-Monitor';
  wb.lastModifiedBy = 'LeiKa-Monitor';
  const date = new Date(`${(opts.evaluatedAt ?? NO_DATE).slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`evaluatedAt is not an ISO date: ${opts.evaluatedAt ?? ''}`);
  wb.created = date;
  wb.modified = date;
  const { report, additions } = renderOutputs(wb, sheets, opts);
  return { bytes: await finishPackage(wb, additions), report };
}
