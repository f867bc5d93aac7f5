import type { Analysis } from './model';

/**
 * The one German line every entry point gives when a workbook has no office sheet (CLI exit 2,
 * file mode and the task pane before anything is written), naming each sheet's reason;
 * undefined when there is at least one office sheet.
 */
export function noOfficeSheetMessage(analysis: Analysis): string | undefined {
  if (analysis.officeSheets.length > 0) return undefined;
  const reasons = analysis.skippedSheets.map((s) => `${s.sheet}: ${s.reason}`).join('; ');
  return `Keine Amtsblätter gefunden (${reasons || 'die Arbeitsmappe hat keine Blätter'}).`;
}
