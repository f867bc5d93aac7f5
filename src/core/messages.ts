/**
 * German finding messages, one function per code: each names the value found and what to do.
 * Tests compare codes, not this prose.
 */
import type { Severity } from './findings';

/** What users read for a severity: one finding („1 Warnung“) and a group („Warnungen“). */
export const SEVERITY_NAMES: Readonly<Record<Severity, { readonly one: string; readonly many: string }>> = {
  error: { one: 'Fehler', many: 'Fehler' },
  warning: { one: 'Warnung', many: 'Warnungen' },
  info: { one: 'Hinweis', many: 'Hinweise' },
};

/** `1 Warnung`, `3 Warnungen`: a number of findings of one severity, its noun in the right number. */
export function severityCount(severity: Severity, n: number): string {
  return `${n} ${n === 1 ? SEVERITY_NAMES[severity].one : SEVERITY_NAMES[severity].many}`;
}

export const MESSAGES = {
  UNKNOWN_STATUS: (value: string, suggestion?: string) =>
    `Der Status „${value}“ ist keinem Cluster zugeordnet und wird als „Nicht zugeordnet“ gezählt.` +
    (suggestion ? ` Meinten Sie „${suggestion}“? ` : ' ') +
    'Bitte korrigieren Sie den Wert oder ergänzen Sie ihn im Blatt „Zuordnung“.',
  INVALID_REIFEGRAD: (value: string) =>
    `Der Reifegrad „${value}“ ist keine ganze Zahl von 0 bis 4 und wird als „Nicht zugeordnet“ gezählt. Bitte tragen Sie 0, 1, 2, 3 oder 4 ein.`,
  INVALID_KEY: (value: string) =>
    `Der LeiKa-Schlüssel „${value}“ ist ungültig (erwartet: 14 Ziffern, beginnend mit 99). Die Leistung wird trotzdem gezählt; bitte korrigieren Sie den Schlüssel.` +
    (/e\+?\d/i.test(value) ? ' Der Wert ist in wissenschaftlicher Schreibweise gespeichert und hat Ziffern verloren: Spalte als Text formatieren und den Schlüssel neu eingeben.' : ''),
  CONFLICTING_DUPLICATE: (key: string, year: number, first: string, firstCluster: string, cluster: string) =>
    `Der LeiKa-Schlüssel ${key} steht für ${year} bereits in ${first} mit Cluster „${firstCluster}“, hier mit „${cluster}“. Gezählt wird nur der erste Eintrag; bitte klären Sie, welcher Status gilt, und löschen Sie die doppelte Zeile.`,
  DUPLICATE_YEAR_COLUMN: (header: string, year: string, first: string) =>
    `Die Spalte „${header}“ gibt wie Spalte ${first} den Status für ${year} an. Es zählt nur die linke Spalte; bitte entfernen oder umbenennen Sie diese Spalte.`,
  DUPLICATE_KEY: (key: string, year: number, first: string) =>
    `Der LeiKa-Schlüssel ${key} steht für ${year} bereits in ${first} mit demselben Cluster. Er wird nur einmal gezählt; bitte löschen Sie die doppelte Zeile.`,
  DUPLICATE_KEY_WITHOUT_STATUS: (key: string, year: number, first: string) =>
    `Der LeiKa-Schlüssel ${key} steht für ${year} bereits in ${first}. Diese Zeile ohne Status wird nicht zusätzlich gezählt; bitte löschen Sie die doppelte Zeile oder tragen Sie den Status dort ein.`,
  NO_STATUS: (service: string, year: number) =>
    `Für „${service}“ ist in keinem Jahr ein Status eingetragen. Die Leistung wird für ${year} als „Nicht zugeordnet“ gezählt; bitte tragen Sie den Umsetzungsstatus ein.`,
  STATUS_WITHOUT_SERVICE: (value: string) =>
    `Die Zeile hat den Status „${value}“, aber weder LeiKa-Schlüssel noch Leistung. Sie wird nicht gezählt; bitte ergänzen Sie die Leistung oder löschen Sie die Zeile.`,
  NO_KEY: (service: string) =>
    `„${service}“ hat keinen LeiKa-Schlüssel. Die Leistung wird gezählt; ergänzen Sie den Schlüssel, sobald es einen gibt.`,
  EXCLUDED: (value: string) => `„${value}“: Die Leistung wird für dieses Jahr nicht gezählt (nicht zuständig).`,
  TOTALS_ROW: (value: string) => `„${value}“ ist eine Summenzeile und wird nicht als Leistung gezählt.`,
  KEY_IN_SEVERAL_OFFICES: (key: string, firstOffice: string) =>
    `Der LeiKa-Schlüssel ${key} kommt auch bei „${firstOffice}“ vor. Er wird bei beiden Ämtern gezählt; das ist richtig, wenn beide die Leistung erbringen.`,
  INVALID_YEAR: (value: string) =>
    `„${value}“ ist kein Jahr zwischen 2000 und 2099. Die Zeile wird nicht gezählt; bitte tragen Sie das Jahr ein (z. B. 2024).`,
  SECTION_HEADING: (value: string) =>
    `„${value}“ steht allein in der Zeile und wird als Zwischenüberschrift gelesen, nicht als Leistung. ` +
    'Ist es eine Leistung, tragen Sie bitte LeiKa-Schlüssel und Umsetzungsstatus daneben ein.',
  INVALID_MAPPING: (value: string) =>
    `„${value}“ ist kein Cluster. Erlaubt sind: Analog, Kein Optimierungspotenzial, PDF, Digital, Projekt in Umsetzung, ausgeschlossen. Die Zeile der Zuordnung wird ignoriert.`,
  INVALID_SETTING: (key: string, value: string) => `Die Einstellung „${key}“ hat den ungültigen Wert „${value}“ und wird ignoriert.`,
  INVALID_SHEET_SETTING: (names: readonly string[], hidden: boolean, ignored: boolean) =>
    `Unter „Ausgewertete Blätter“ steht ${names.map((n) => `„${n}“`).join(', ')}: ` +
    (hidden ? 'kein sichtbares Blatt dieses Namens (ausgeblendete Blätter werden nicht ausgewertet). ' : 'kein Blatt dieses Namens. ') +
    (ignored
      ? 'Da kein aufgeführter Name ein Blatt trifft, wird die Einstellung ignoriert und alle Amtsblätter werden ausgewertet. '
      : 'Dieser Eintrag wird nicht ausgewertet. ') +
    'Bitte tragen Sie je Zelle ab Spalte B einen Blattnamen genau so ein, wie er auf dem Register steht.',
  KEY_NOT_IN_CATALOG: (key: string, service: string, catalog: string, leistungsobjekt?: string) =>
    `Der LeiKa-Schlüssel ${key}${service ? ` („${service}“)` : ''} steht nicht im LeiKa-Katalog „${catalog}“.` +
    (leistungsobjekt ? ` Das Leistungsobjekt „${leistungsobjekt}“ steht im Katalog; vielleicht ist die Verrichtung falsch oder neu.` : '') +
    ' Die Leistung wird gezählt; bitte prüfen Sie den Schlüssel oder laden Sie einen aktuellen Katalog.',
  CATALOG_UNREADABLE: (sheet: string) =>
    `Das Blatt „${sheet}“ ist als LeiKa-Katalog markiert, enthält aber keine Kopfzeile mit LeiKa-Schlüssel und Bezeichnung. ` +
    'Die Auswertung läuft ohne Katalog; bitte laden Sie den LeiKa-Katalog neu.',
  OFFICE_IN_SEVERAL_FILES: (office: string, first: string) =>
    `Das Amt „${office}“ steht auch in ${first}. Beide werden als ein Amt gezählt (derselbe LeiKa-Schlüssel im selben Jahr nur einmal); ` +
    'bitte prüfen Sie, ob eine der Dateien veraltet ist oder doppelt vorliegt.',
  FILE_SKIPPED: (file: string, reason: string) =>
    `Die Datei „${file}“ wurde nicht ausgewertet: ${reason.replace(/[.\s]+$/, '')}. Ihre Leistungen fehlen in allen Zahlen. ` +
    'Bitte öffnen Sie die Datei in Excel und speichern Sie sie als .xlsx – oder nehmen Sie sie aus der Auswertung, wenn sie keine Amtsdatei ist.',
  CONFLICTING_SETTING: (sheet: string, key: string, value: string, used: string, usedValue: string | undefined) =>
    `„${key}“ steht hier mit „${value}“, ${usedValue === undefined ? 'fehlt aber' : `aber mit „${usedValue}“`} im Blatt „${sheet}“ aus ${used}. ` +
    `Es gilt nur das Blatt aus ${used}; bitte gleichen Sie die beiden Blätter „${sheet}“ an oder löschen Sie dieses.`,
} as const;

/** How a file is named in messages: `„Jugendamt.xlsx“`, or the open workbook (task pane). */
export function fileLabel(file: string | undefined): string {
  return file === undefined ? 'der geöffneten Arbeitsmappe' : `„${file}“`;
}

export const SKIP_REASONS = {
  hidden: 'ausgeblendet',
  /** A chart or dialog sheet (`SheetGrid.kind === 'chart'`): no cells to read. */
  chart: 'Diagrammblatt',
  noHeader:
    'keine Kopfzeile gefunden: In den ersten 30 Zeilen fehlt eine Zeile mit LeiKa-Schlüssel oder Leistung und einer Status-Spalte',
  productSheet: (role: string) => `eigenes Blatt von LeiKa-Monitor (${role})`,
  notSelected: 'nicht unter „Ausgewertete Blätter“ in den Einstellungen aufgeführt',
  /** A later file's `Einstellungen` or `Zuordnung` (SPEC §10): the first one found counts. */
  notUsed: (sheet: string, used: string) => `nicht verwendet: es gilt das Blatt „${sheet}“ aus ${used}`,
} as const;
