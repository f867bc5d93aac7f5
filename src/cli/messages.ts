/*
 * Every German line the command line prints about files, options and defects (SPEC §6).
 * Findings have their own catalogue (src/core/messages.ts).
 */

export const USAGE =
  'Aufruf: npm run --silent report -- <arbeitsmappe.xlsx|ordner>… [--out <bericht.xlsx>] [--docx <baustein.docx>] [--year <JJJJ>] [--catalog <leika.csv|xlsx>] [--force] [--json]';

/** What a file is to the run, for messages that name it. */
export type FileRole = 'input' | 'catalog' | 'output';

const ROLE: Readonly<Record<FileRole, string>> = {
  input: 'Die Arbeitsmappe',
  catalog: 'Der LeiKa-Katalog',
  output: 'Die Ausgabedatei',
};

/** German words for the errno codes a user can cause; anything else names its code. */
const ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'nicht gefunden',
  ENOTDIR: 'nicht gefunden (ein Teil des Pfads ist kein Ordner)',
  EACCES: 'keine Berechtigung',
  EPERM: 'keine Berechtigung',
  EISDIR: 'ist ein Ordner',
  EBUSY: 'wird von einem anderen Programm verwendet',
  ELOOP: 'zu viele symbolische Verknüpfungen',
  ENAMETOOLONG: 'Pfad zu lang',
  EROFS: 'Datenträger ist schreibgeschützt',
  ENOSPC: 'kein Speicherplatz mehr auf dem Datenträger',
  EDQUOT: 'Speicherkontingent erschöpft',
  EIO: 'Lesefehler des Datenträgers',
  EMFILE: 'zu viele offene Dateien',
  EXDEV: 'Ziel liegt auf einem anderen Datenträger',
  ETXTBSY: 'wird von einem anderen Programm verwendet',
};

/** An errno code as German words (never Node's English text). */
export function errnoText(code: string | undefined): string {
  return (code !== undefined ? ERRNO[code] : undefined) ?? `Systemfehler ${code ?? 'unbekannt'}`;
}

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** 512 MiB, 2 GiB: sizes as a German user reads them. */
export function sizeText(bytes: number): string {
  const fmt = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
  return bytes >= GIB ? `${fmt.format(bytes / GIB)} GiB` : `${fmt.format(bytes / MIB)} MiB`;
}

export const CLI_MESSAGES = {
  noInput: (): string => `Keine Arbeitsmappe angegeben. ${USAGE}`,
  severalInputs: (): string => `Bitte genau eine Arbeitsmappe angeben. ${USAGE}`,
  unknownOption: (option: string): string => `Unbekannte Option ${option}. ${USAGE}`,
  missingValue: (option: string): string => `Die Option ${option} braucht einen Wert. ${USAGE}`,
  noValueAllowed: (option: string): string => `Die Option ${option} nimmt keinen Wert an. ${USAGE}`,
  repeatedOption: (option: string): string => `Die Option ${option} ist mehrfach angegeben; bitte nur einmal. ${USAGE}`,
  badArguments: (): string => `Die Angaben auf der Kommandozeile sind unvollständig oder ungültig. ${USAGE}`,
  badYear: (text: string): string => `--year erwartet ein Jahr von 2000 bis 2099, nicht „${text}“.`,
  missing: (role: FileRole, path: string): string => `${ROLE[role]} wurde nicht gefunden: ${path}`,
  directory: (role: FileRole, path: string): string => `${path} ist ein Ordner, keine Datei. ${ROLE[role]} muss eine Datei sein.`,
  notRegular: (role: FileRole, path: string): string =>
    `${path} ist keine gewöhnliche Datei (z. B. eine Pipe oder ein Gerät). ${ROLE[role]} muss eine gespeicherte Datei sein.`,
  unreadable: (role: FileRole, path: string, code: string | undefined): string => `${ROLE[role]} ${path} kann nicht gelesen werden: ${errnoText(code)}.`,
  tooLarge: (role: FileRole, path: string, size: number, limit: number): string =>
    `${ROLE[role]} ${path} ist mit ${sizeText(size)} zu groß (höchstens ${sizeText(limit)}).`,
  catalogUnreadable: (name: string, detail: string): string => `Der LeiKa-Katalog ${name} kann nicht gelesen werden: ${detail}`,
  emptyFolder: (path: string): string => `${path} ist ein Ordner ohne Arbeitsmappe: direkt darin liegt keine .xlsx- oder .xlsm-Datei (Unterordner werden nicht gelesen).`,
  outIsInput: (option: string, path: string): string => `${option} darf nicht die Eingabedatei sein (${path}): die Eingabe wird nie verändert.`,
  outIsCatalog: (option: string, path: string): string => `${option} darf nicht der LeiKa-Katalog sein (${path}): er wird nie verändert.`,
  outIsOtherOutput: (option: string, path: string): string => `${option} darf nicht dieselbe Datei wie eine andere Ausgabe sein (${path}).`,
  outUncheckable: (option: string, path: string, code: string | undefined): string =>
    `${option} ${path}: es lässt sich nicht prüfen, ob das die Eingabedatei ist (${errnoText(code)}); nichts geschrieben.`,
  outExists: (option: string, path: string): string => `${path} gibt es schon. Bitte einen anderen Namen für ${option} wählen oder mit --force ersetzen.`,
  outNotRegular: (option: string, path: string): string => `${option} ${path} ist keine gewöhnliche Datei und wird nicht ersetzt.`,
  outLocked: (path: string): string => `${path} ist geöffnet – bitte schließen und erneut versuchen.`,
  outFailed: (path: string, code: string | undefined, what = 'Der Bericht'): string => `${what} kann nicht nach ${path} geschrieben werden: ${errnoText(code)}.`,
  defect: (kind: string): string =>
    `Interner Fehler des LeiKa-Monitors (${kind}); die Auswertung wurde abgebrochen. Bitte melden Sie diesen Fall dem Amt für Digitalisierung.`,
  written: (path: string): string => `Bericht geschrieben: ${path}`,
  bausteinWritten: (path: string): string => `Baustein für die Mitteilungsvorlage geschrieben: ${path}`,
} as const;
