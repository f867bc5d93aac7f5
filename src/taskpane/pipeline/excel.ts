import { OfficeWorkbookAdapter } from '../../adapters/office';
import { analyzeWorkbook } from '../../core/analyze';
import { buildCatalogSheet } from '../../core/catalog';
import { isoDay } from '../../core/dates';
import { cellText, columnLetters } from '../../core/grid';
import { YEAR_TABLE_ROW } from '../../core/outputs/monitoring';
import { yearTable } from '../../core/outputs/year-table';
import { noOfficeSheetMessage } from '../../core/no-office-sheet';
import { evaluateWorkbook, reportSheets } from '../../core/report';
import { MAPPING_SHEET, SETTINGS_SHEET } from '../../core/settings';
import type { WorkbookSource } from '../../core/sources';
import { bausteinServices } from '../baustein-services';
import { copyToClipboard } from '../clipboard';
import { tableHtml, tableText } from '../monitoring-table';
import type { CatalogLoaded, CopyResult, Evaluation, ExcelServices, Inspection } from '../types';
import { nextFrame } from './shared';

/** The task pane's services on the open workbook (the only place that reaches Office.js). */
/** Reads picked office files into sources (SPEC §10); the page passes its Web Worker (pipeline/file.ts). */
export type ReadFiles = (files: readonly File[]) => Promise<WorkbookSource[]>;

/** The same reading on the calling thread, where no worker is given. */
const readHere: ReadFiles = async (files) => {
  const { readSource } = await import(/* webpackChunkName: "office-files" */ './file-evaluate');
  return Promise.all(files.map(async (f) => readSource(new Uint8Array(await f.arrayBuffer()), f.name)));
};

export function excelServices(adapter = new OfficeWorkbookAdapter(), now: () => Date = () => new Date(), readFiles: ReadFiles = readHere): ExcelServices {
  const inspect = async (): Promise<Inspection> => {
    const grid = await adapter.readWorkbook();
    const analysis = analyzeWorkbook(grid, { currentYear: now().getFullYear() });
    return { analysis, sheetNames: grid.sheets.map((s) => s.name), settings: analysis.settings, mapping: analysis.mapping };
  };
  return {
    features: { pivotTable: adapter.features.pivotTable },
    inspect,
    // The CLI's pipeline: the same evaluation and the same output sheets, written into this workbook.
    async evaluate(onProgress, options = {}) {
      onProgress('read', 0.05);
      const grid = await adapter.readWorkbook();
      // „Amtsdateien hinzunehmen“ (SPEC §10): office files read in the browser, after the open workbook's sheets
      const files = options.files ?? [];
      const added = files.length === 0 ? [] : await readFiles(files);
      onProgress('analyze', 0.4);
      await nextFrame();
      const evaluation = evaluateWorkbook([{ kind: 'workbook', workbook: grid }, ...added], { currentYear: now().getFullYear() });
      // Like the CLI and file mode: no office sheet, no output sheets, one clear line.
      const none = noOfficeSheetMessage(evaluation.analysis, evaluation.sources);
      if (none !== undefined) throw new Error(none);
      onProgress('write', 0.6);
      await nextFrame();
      const sheets = reportSheets(evaluation, { evaluatedAt: isoDay(now()), existingNames: grid.definedNames });
      const report = await adapter.writeOutputs(sheets, { pivot: options.pivot === true && adapter.features.pivotTable });
      onProgress('done', 1);
      return { ...evaluation, report };
    },
    goToCell: (sheet, cell) => adapter.selectCell(sheet, cell),
    copyTable(evaluation: Evaluation): Promise<CopyResult> {
      const table = yearTable(evaluation.analysis);
      // The clipboard first, synchronously inside the click (SPEC §7); Excel is asked afterwards.
      const copying = copyToClipboard(tableText(table), tableHtml(table));
      const sheet = evaluation.report.sheets.find((w) => w.role === 'Monitoring')?.sheet ?? 'Monitoring';
      const last = `${columnLetters(table.header.length - 1)}${YEAR_TABLE_ROW + 1 + table.rows.length}`;
      // Selected either way: where the host refused the clipboard, Strg+C in the sheet copies it.
      return copying.then(async (copied) => {
        await adapter.selectRange(sheet, `A${YEAR_TABLE_ROW + 1}:${last}`);
        return copied ? 'copied' : 'selected';
      });
    },
    copyText: (text) => copyToClipboard(text),
    baustein: bausteinServices(),
    async loadCatalog(file: File): Promise<CatalogLoaded> {
      const { readCatalog } = await import(/* webpackChunkName: "catalog" */ './catalog');
      const imported = await readCatalog(file);
      const report = await adapter.writeOutputs([buildCatalogSheet(imported.catalog, { importedAt: isoDay(now()) })]);
      const storedIn = report.sheets.find((w) => w.role === 'Katalog')?.sheet;
      return { fileName: file.name, stats: imported.stats, findings: imported.findings, catalog: imported, ...(storedIn !== undefined ? { storedIn } : {}) };
    },
    async saveSettings({ reportYear, sheets }) {
      const rows: [string, string][] = [];
      if (reportYear !== undefined) rows.push(['Berichtsjahr', String(reportYear)]);
      if (sheets.length > 0) rows.push(['Ausgewertete Blätter', sheets.join('; ')]);
      await adapter.writeKeyValueSheet(SETTINGS_SHEET, ['Schlüssel', 'Wert'], rows);
    },
    saveMapping: (rows) => adapter.writeKeyValueSheet(MAPPING_SHEET, ['Wert', 'Cluster'], rows.map((r) => [cellText(r.value), r.cluster] as const)),
    newOfficeSheet: (name, year) => adapter.addTemplateSheet(name, year),
    newReportYear: (year) => adapter.addReportYear(year),
    selfTest: () => adapter.selfTest(),
  };
}
