import ExcelJS from 'exceljs';
import { finishPackage, renderOutputs } from '../../src/adapters/xlsx/writer';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import type { WorkbookGrid } from '../../src/core/grid';
import type { OutputSheet } from '../../src/core/output-model';
import { WorkbookError, type WorkbookPort, type WriteReport } from '../../src/port/workbook-port';

/**
 * Writes the outputs into an existing workbook given as xlsx bytes and returns the new bytes,
 * following the sheet plan (marked sheets rewritten in place, a user's sheet never touched).
 * Links point into the same workbook. ExcelJS does not keep everything it cannot read (charts,
 * PivotTables, form controls of user sheets), so the product never writes into a user's file
 * this way; tests use it to build workbooks that already hold output sheets.
 */
export async function writeOutputsIntoXlsx(bytes: Uint8Array, sheets: readonly OutputSheet[]): Promise<{ bytes: Uint8Array; report: WriteReport }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new WorkbookError('Die Arbeitsmappe konnte nicht gelesen werden; sie ist beschädigt oder keine .xlsx-Datei.', 'corrupt', { cause });
  }
  const { report, additions } = renderOutputs(wb, sheets);
  return { bytes: await finishPackage(wb, additions), report };
}

/**
 * A workbook held as .xlsx bytes that outputs are written into (ExcelJS writer, fflate/saxes
 * reader). Only tests use it: the CLI and file mode write a separate report workbook
 * (see report-workbook-adapter.ts).
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
}
