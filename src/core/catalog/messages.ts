/** German messages of the catalogue import (user-facing). */
export const catalogMessages = {
  noHeader: (source: string): string =>
    `„${source}“ ist kein LeiKa-Katalog: In den ersten 30 Zeilen fehlt eine Kopfzeile mit Schlüssel und Bezeichnung ` +
    `(z. B. „LeiKa-Schlüssel“ und „Bezeichnung“; eine Digitalisierungsübersicht mit Status-Spalten ist kein Katalog). ` +
    `Bitte einen Export des Leistungskatalogs als CSV oder XLSX wählen.`,
  invalidKey: (written: string, name: string): string =>
    `Der Schlüssel „${written}“${name ? ` („${name}“)` : ''} ist kein gültiger LeiKa-Schlüssel (14 Ziffern, beginnend mit 99). ` +
    `Die Zeile wird nicht in den Katalog übernommen; bitte den Schlüssel im Katalog prüfen.`,
  duplicateKey: (key: string, firstCell: string): string =>
    `Der Schlüssel ${key} steht mehrfach im Katalog. Es gilt die erste Zeile (Zelle ${firstCell}); diese Zeile wird nicht übernommen.`,
} as const;
