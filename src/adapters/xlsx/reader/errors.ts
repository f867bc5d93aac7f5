import { WorkbookError } from '../../../port/workbook-port';
import { formatInt } from '../../../core/format';

/** Excel's sheet size (Excel specifications and limits). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** SPEC §2: at most this many bytes unpacked in total, counted while inflating. */
export const MAX_INFLATED = 512 * 1024 * 1024;
/** SPEC §2: at most this many non-empty cells (merged areas applied) in the workbook. */
export const MAX_CELLS = 5_000_000;

/** Excel's limit of characters in one cell. */
export const MAX_TEXT = 32_767;


/** The reader's German one-line messages, one home for all of them. */
export const READ_ERRORS = {
  notAWorkbook: 'Die Datei ist keine Excel-Arbeitsmappe (.xlsx oder .xlsm).',
  xlsb: 'Binäre Arbeitsmappen (.xlsb) werden nicht unterstützt: bitte in Excel als .xlsx speichern.',
  legacyXls: 'Das alte Excel-Format .xls wird nicht unterstützt: bitte in Excel als .xlsx speichern (Datei > Speichern unter).',
  encrypted: 'Die Arbeitsmappe ist mit einem Kennwort verschlüsselt: bitte ohne Kennwort speichern und erneut versuchen.',
  corruptZip: 'Die Datei ist beschädigt oder unvollständig (ZIP-Archiv nicht lesbar).',
  corruptXml: 'Die Arbeitsmappe ist beschädigt: ihr Inhalt ist kein gültiges Excel-XML.',
  overlapping: 'Die Datei ist beschädigt oder manipuliert: Einträge des ZIP-Archivs überlappen sich.',
  compression: 'Die Datei ist beschädigt oder nutzt ein unbekanntes ZIP-Verfahren.',
  tooLargeUnpacked: `Die Arbeitsmappe ist zu groß: Entpackt ergibt sie mehr als ${formatInt(MAX_INFLATED / 1024 / 1024)} MiB (Grenze von LeiKa-Monitor).`,
  tooManyCells: `Die Arbeitsmappe ist zu groß: Sie enthält mehr als ${formatInt(MAX_CELLS)} gefüllte Zellen (verbundene Bereiche mitgezählt; Grenze von LeiKa-Monitor).`,
  rowBeyond: (sheet: string, row: string) =>
    `Die Arbeitsmappe ist beschädigt: Blatt „${sheet}“ nennt die Zeile ${row}, Excel erlaubt höchstens ${formatInt(MAX_ROWS)} Zeilen.`,
  cellBeyond: (sheet: string, ref: string) =>
    `Die Arbeitsmappe ist beschädigt: Blatt „${sheet}“ nennt die Zelle ${ref} außerhalb von Excels Grenzen (${formatInt(MAX_ROWS)} Zeilen × ${formatInt(MAX_COLS)} Spalten, A1:XFD1048576).`,
  textTooLong: (sheet: string) =>
    `Die Arbeitsmappe ist beschädigt: ${sheet} enthält einen Text mit mehr als ${formatInt(MAX_TEXT)} Zeichen (Excels Grenze für eine Zelle).`,
  badRef: (sheet: string, ref: string) => `Die Arbeitsmappe ist beschädigt: Blatt „${sheet}“ nennt die ungültige Zelladresse „${ref}“.`,
} as const;

export function tooLarge(message: string): WorkbookError {
  return new WorkbookError(message, 'too-large');
}

export function corrupt(message: string = READ_ERRORS.corruptXml, cause?: unknown): WorkbookError {
  return new WorkbookError(message, 'corrupt', cause === undefined ? undefined : { cause });
}

/** What one read may still use: bytes to inflate and cells to keep, over the whole workbook. */
export class ReadBudget {
  private inflated = 0;
  private cells = 0;

  /** Unpacked bytes still allowed. */
  get inflatedLeft(): number {
    return MAX_INFLATED - this.inflated;
  }

  addInflated(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > MAX_INFLATED) throw tooLarge(READ_ERRORS.tooLargeUnpacked);
  }

  addCells(n: number): void {
    this.cells += n;
    if (this.cells > MAX_CELLS) throw tooLarge(READ_ERRORS.tooManyCells);
  }
}
