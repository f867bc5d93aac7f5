import { readXlsx } from '../../adapters/xlsx-reader';
import type { WorkbookSource } from '../../core/sources';
import { WorkbookError } from '../../port/workbook-port';
import { de } from '../../i18n/de';
import { nextFrame } from './shared';

/**
 * Office files picked in the browser (SPEC §10), read one after the other: a file that cannot
 * be read becomes a skipped source with the reader's German reason, the rest is evaluated. The
 * files never leave the browser.
 */
export async function readFileSources(files: readonly File[], onFile: (done: number) => void = () => {}): Promise<WorkbookSource[]> {
  const sources: WorkbookSource[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      // moved, deleted or locked since it was picked
      sources.push({ kind: 'skipped', file: file.name, reason: de.file.unreadable });
      onFile(sources.length);
      continue;
    }
    try {
      sources.push({ kind: 'workbook', file: file.name, workbook: readXlsx(bytes) });
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      sources.push({ kind: 'skipped', file: file.name, reason: error.message });
    }
    onFile(sources.length);
    await nextFrame();
  }
  return sources;
}
