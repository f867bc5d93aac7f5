import type { Analysis } from './model';
import { type SourcesUse, sheetLabel } from './sources';

/**
 * The one German line every entry point gives when no office sheet was found (CLI exit 2, file
 * mode and the task pane before anything is written), naming each unreadable file and each
 * sheet with its reason; undefined when there is at least one office sheet.
 */
export function noOfficeSheetMessage(analysis: Analysis, sources?: SourcesUse): string | undefined {
  if (analysis.officeSheets.length > 0) return undefined;
  const files = (sources?.files ?? []).flatMap((f) => (f.skipped !== undefined ? [`${f.file ?? ''}: ${f.skipped}`] : []));
  const sheets = analysis.skippedSheets.map((s) => `${sheetLabel(s.file, s.sheet)}: ${s.reason}`);
  const reasons = [...files, ...sheets].join('; ');
  return `Keine Amtsblätter gefunden (${reasons || 'die Arbeitsmappe hat keine Blätter'}).`;
}
