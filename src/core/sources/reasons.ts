import type { Analysis } from '../model';
import { sheetLabel } from './default-names';
import type { SourcesUse } from './types';

/** Why no office sheet was found: each unreadable file and each skipped sheet with its reason, `; `-separated. */
export function noOfficeSheetReasons(analysis: Analysis, sources: SourcesUse): string {
  const files = sources.files.flatMap((f) => (f.skipped !== undefined ? [`${f.file ?? ''}: ${f.skipped}`] : []));
  const sheets = analysis.skippedSheets.map((s) => `${sheetLabel(s.file, s.sheet)}: ${s.reason}`);
  return [...files, ...sheets].join('; ');
}
