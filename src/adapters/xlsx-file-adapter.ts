import type { WorkbookGrid } from '../core/grid';
import type { OutputSheet } from '../core/output-model';
import type { WorkbookPort, WriteReport } from '../port/workbook-port';
import { readXlsx } from './xlsx-reader';
import { writeOutputsIntoXlsx } from './xlsx-writer';

/**
 * A workbook held as .xlsx bytes (Node CLI and browser file mode). Reading parses the bytes
 * (fflate + saxes); writing renders the outputs with ExcelJS into a new copy of the bytes,
 * so the caller decides where they go. The CLI and file mode never write into the input:
 * they call `writeReportWorkbook` for a separate report workbook instead.
 */
export class XlsxFileAdapter implements WorkbookPort {
  private constructor(private bytes: Uint8Array) {}

  /** Wraps a file's bytes; throws WorkbookError (one German line) when they are no usable workbook. */
  static open(bytes: Uint8Array): XlsxFileAdapter {
    readXlsx(bytes);
    return new XlsxFileAdapter(bytes);
  }

  async readWorkbook(): Promise<WorkbookGrid> {
    return readXlsx(this.bytes);
  }

  async writeOutputs(sheets: readonly OutputSheet[]): Promise<WriteReport> {
    const { bytes, report } = await writeOutputsIntoXlsx(this.bytes, sheets);
    this.bytes = bytes;
    return report;
  }

  /** The workbook as it is now, including written outputs. */
  toBytes(): Uint8Array {
    return this.bytes;
  }
}
