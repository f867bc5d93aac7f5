import { OfficeWorkbookAdapter } from '../../adapters/office';
import { analyzeWorkbook } from '../../core/analyze';
import { cellText, columnLetters, type WorkbookGrid } from '../../core/grid';
import { buildOutputSheets } from '../../core/outputs';
import { YEAR_TABLE_ROW } from '../../core/outputs/monitoring';
import { MAPPING_SHEET, SETTINGS_SHEET, readMapping, readSettings } from '../../core/settings';
import { previewTable, tableHtml, tableText } from '../monitoring-table';
import type { CopyResult, Evaluation, ExcelServices, Inspection } from '../types';
import { isoDate, nextFrame } from './shared';

function sheetOf(grid: WorkbookGrid, name: string): WorkbookGrid['sheets'][number] | undefined {
  return grid.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

async function copyHtml(html: string, text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  try {
    if (clipboard && typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
      await clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      return true;
    }
    if (clipboard && typeof clipboard.writeText === 'function') {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // The task pane may not be allowed to write the clipboard: the selected range still lets Strg+C work.
  }
  return false;
}

/** The task pane's services on the open workbook (the only place that reaches Office.js). */
export function excelServices(adapter = new OfficeWorkbookAdapter(), now: () => Date = () => new Date()): ExcelServices {
  const inspect = async (): Promise<Inspection> => {
    const grid = await adapter.readWorkbook();
    const analysis = analyzeWorkbook(grid, { currentYear: now().getFullYear() });
    const { settings } = readSettings(sheetOf(grid, SETTINGS_SHEET));
    const { mapping } = readMapping(sheetOf(grid, MAPPING_SHEET));
    return { analysis, sheetNames: grid.sheets.map((s) => s.name), settings, mapping };
  };
  return {
    inspect,
    async evaluate(onProgress) {
      onProgress('read', 0.05);
      const grid = await adapter.readWorkbook();
      onProgress('analyze', 0.4);
      await nextFrame();
      const analysis = analyzeWorkbook(grid, { currentYear: now().getFullYear() });
      onProgress('write', 0.6);
      await nextFrame();
      const report = await adapter.writeOutputs(buildOutputSheets(analysis, { evaluatedAt: isoDate(now()) }));
      onProgress('done', 1);
      return { analysis, report };
    },
    goToCell: (sheet, cell) => adapter.selectCell(sheet, cell),
    async copyTable(evaluation: Evaluation): Promise<CopyResult> {
      const table = previewTable(evaluation.analysis);
      const sheet = evaluation.report.sheets.find((w) => w.role === 'Monitoring')?.sheet ?? 'Monitoring';
      const last = `${columnLetters(table.header.length - 1)}${YEAR_TABLE_ROW + 1 + table.rows.length}`;
      await adapter.selectRange(sheet, `A${YEAR_TABLE_ROW + 1}:${last}`);
      return (await copyHtml(tableHtml(table), tableText(table))) ? 'copied' : 'selected';
    },
    async saveSettings({ reportYear, sheets }) {
      const rows: [string, string][] = [];
      if (reportYear !== undefined) rows.push(['Berichtsjahr', String(reportYear)]);
      if (sheets.length > 0) rows.push(['Ausgewertete Blätter', sheets.join('; ')]);
      await adapter.writeKeyValueSheet(SETTINGS_SHEET, ['Schlüssel', 'Wert'], rows);
    },
    saveMapping: (rows) => adapter.writeKeyValueSheet(MAPPING_SHEET, ['Wert', 'Cluster'], rows.map((r) => [cellText(r.value), r.cluster] as const)),
    newOfficeSheet: (name, year) => adapter.addTemplateSheet(name, year),
    async newReportYear(year) {
      const plan = await adapter.addReportYear(year);
      return { changed: plan.steps.length, skipped: plan.skipped };
    },
  };
}
