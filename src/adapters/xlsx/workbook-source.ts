import type { WorkbookSource } from '../../core/sources';
import { WorkbookError } from '../../port/workbook-port';
import { readXlsxAsync } from './reader';

/**
 * One office file of an evaluation (SPEC §10) as a source: its sheets, or — where the reader
 * refuses it — a skipped source with the reader's German reason, so the rest is still evaluated.
 * The CLI, file mode's worker and „Amtsdateien hinzunehmen“ read files through this.
 */
export async function readWorkbookSource(bytes: Uint8Array, fileName: string): Promise<WorkbookSource> {
  try {
    return { kind: 'workbook', file: fileName, workbook: await readXlsxAsync(bytes) };
  } catch (error) {
    if (error instanceof WorkbookError) return { kind: 'skipped', file: fileName, reason: error.message };
    throw error;
  }
}
