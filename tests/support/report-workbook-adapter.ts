import { readXlsx } from '../../src/adapters/xlsx/reader';
import { renderReportWorkbook, type ReportWorkbookOptions } from '../../src/adapters/xlsx/writer';
import type { WorkbookGrid } from '../../src/core/grid';
import type { OutputSheet } from '../../src/core/output-model';
import type { WorkbookPort, WriteReport } from '../../src/port/workbook-port';

/**
 * The xlsx path users run, as a WorkbookPort: the CLI and file mode read the input with
 * `readXlsx` and write the outputs into a new report workbook with `writeReportWorkbook`
 * (`renderReportWorkbook` is that function plus the sheet plan it followed). Each write makes
 * a fresh report; the input bytes are never written.
 */
export class ReportWorkbookAdapter implements WorkbookPort {
  private report: Uint8Array | undefined;

  constructor(
    private readonly input: Uint8Array,
    private readonly opts: ReportWorkbookOptions = {},
  ) {}

  async readWorkbook(): Promise<WorkbookGrid> {
    return readXlsx(this.input);
  }

  async writeOutputs(sheets: readonly OutputSheet[]): Promise<WriteReport> {
    const { bytes, report } = await renderReportWorkbook(sheets, this.opts);
    this.report = bytes;
    return report;
  }

  /** The report workbook of the last write, read back as the user would open it. */
  async readReport(): Promise<WorkbookGrid> {
    if (this.report === undefined) throw new Error('no report written yet');
    return readXlsx(this.report);
  }
}
