import { WorkbookError } from '../../port/workbook-port';

/**
 * Excel refused writing one output sheet: the sheets in `done` are written (Excel keeps what
 * already ran), those in `notDone` (the refused one first) are not or only partly. The message
 * is one German line naming both, in the shape of Neues Berichtsjahr's report.
 */
export class OutputWriteError extends WorkbookError {
  constructor(
    readonly done: readonly string[],
    readonly failed: { readonly sheet: string; readonly message: string },
    readonly notDone: readonly string[],
    cause: unknown,
  ) {
    const doneText = done.length > 0 ? ` Erledigt: ${done.join(', ')}.` : ' Erledigt: keines.';
    super(
      `Das Ergebnisblatt „${failed.sheet}“ konnte nicht geschrieben werden (Office-Adapter): ${failed.message}.${doneText} Nicht erledigt: ${notDone.join(', ')}. Die eigenen Blätter sind unverändert; bitte erneut auswerten.`,
      'partial-write',
      { cause },
    );
    this.name = 'OutputWriteError';
  }
}
