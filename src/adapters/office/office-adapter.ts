import type { WorkbookGrid } from '../../core/grid';
import type { OutputSheet } from '../../core/output-model';
import { WorkbookError, type WorkbookPort } from '../../port/workbook-port';
import type { RolloverResult } from '../../core/rollover';
import { addReportYear, addTemplateSheet, officeErrorText, selectCell, selectRange, writeKeyValueSheet } from './actions';
import { type ExcelRun, officeExcelRun, RUN_OPTIONS } from './payload';
import { readWorkbookGrid } from './read';
import { type HostInfo, type OfficeFeatures, officeFeatures, officeHostInfo, officeSupportsApi, type SupportsApi } from './requirements';
import { runSelfTest, type SelfTestReport } from './selftest';
import { type OfficeWriteReport, writeOutputSheets } from './write';

/**
 * The workbook port on the open Excel workbook (Office.js, ExcelApi 1.13). Every Excel.run
 * goes through `run` and every requirement-set check through `supports`, so tests can hand in
 * a fake and a stub. Failures become a WorkbookError naming the Office adapter, with the Office
 * error kept as `cause`.
 */
export class OfficeWorkbookAdapter implements WorkbookPort {
  /** Optional features of this host, asked once. */
  readonly features: OfficeFeatures;

  constructor(
    private readonly run: ExcelRun = officeExcelRun,
    private readonly supports: SupportsApi = officeSupportsApi,
    private readonly hostInfo: () => HostInfo = officeHostInfo,
  ) {
    this.features = officeFeatures(supports);
  }

  /** Selbsttest (SPEC §11): never throws; every failure is in the report. */
  selfTest(): Promise<SelfTestReport> {
    return runSelfTest(this.run, this.supports, this.features, this.hostInfo());
  }

  readWorkbook(): Promise<WorkbookGrid> {
    return this.call('Die Arbeitsmappe konnte nicht gelesen werden', (c) => readWorkbookGrid(c));
  }

  /** With `pivot`, adds the PivotTable beside the Gesamtliste table where the host supports it. */
  writeOutputs(sheets: readonly OutputSheet[], opts: { pivot?: boolean } = {}): Promise<OfficeWriteReport> {
    const pivot = opts.pivot === true;
    return this.call('Die Ergebnisblätter konnten nicht geschrieben werden', (c) => writeOutputSheets(c, sheets, { features: this.features, pivot }));
  }

  /** Zur Zelle: activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void> {
    return this.call(`Die Zelle ${sheet}!${cell} konnte nicht ausgewählt werden`, (c) => selectCell(c, sheet, cell));
  }

  /** Tabelle kopieren: selects the range so Strg+C copies it. */
  selectRange(sheet: string, address: string): Promise<void> {
    return this.call(`Der Bereich ${sheet}!${address} konnte nicht ausgewählt werden`, (c) => selectRange(c, sheet, address));
  }

  /** Writes the `Einstellungen` or `Zuordnung` sheet (SPEC §8). */
  writeKeyValueSheet(name: string, header: readonly [string, string], rows: readonly (readonly [string, string])[]): Promise<void> {
    return this.call(`Das Blatt „${name}“ konnte nicht gespeichert werden`, (c) => writeKeyValueSheet(c, name, header, rows));
  }

  addTemplateSheet(name: string, year: number): Promise<string> {
    return this.call('Das neue Amtsblatt konnte nicht angelegt werden', (c) => addTemplateSheet(c, name, year));
  }

  addReportYear(year: number): Promise<RolloverResult> {
    return this.call(`Die Spalten für ${year} konnten nicht angelegt werden`, (c) => addReportYear(c, year));
  }

  private async call<T>(what: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(RUN_OPTIONS, batch);
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      const detail = officeErrorText(error);
      throw new WorkbookError(`${what} (Office-Adapter): ${detail}`, 'host', { cause: error });
    }
  }
}
