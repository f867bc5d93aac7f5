/**
 * The files of the hostile corpus (tests/fixtures/hostile/, made by scripts/make-hostile.js) that
 * must be refused, with what the one German line says: zip bombs by the SPEC §2 limits, the
 * rest as not a workbook, corrupt, encrypted, legacy or without office sheet (SPEC §6). The CLI
 * test and the browser test of file mode both go through this list.
 */
export const REFUSED: readonly (readonly [file: string, message: RegExp])[] = [
  ['bombe-1gib-leerzeichen.xlsx', /zu groß: Entpackt ergibt sie mehr als 512 MiB/],
  ['bombe-17-mio-zeilen.xlsx', /nennt die Zeile 1048577, Excel erlaubt höchstens 1\.048\.576 Zeilen/],
  ['bombe-zip64-4-5gib.xlsx', /zu groß: Entpackt ergibt sie mehr als 512 MiB/],
  ['bombe-20-ueberlappende-eintraege.xlsx', /Einträge des ZIP-Archivs überlappen sich/],
  ['doppelte-eintraege.xlsx', /beschädigt oder manipuliert/],
  ['billion-laughs.xlsx', /beschädigt/],
  ['externe-entitaet.xlsx', /beschädigt/],
  ['fehlende-arbeitsmappe.xlsx', /keine Excel-Arbeitsmappe/],
  ['fehlendes-blatt.xlsx', /Keine Amtsblätter gefunden/],
  ['verschluesselt.xlsx', /mit einem Kennwort verschlüsselt/],
  ['altes-format.xls', /alte Excel-Format \.xls/],
  ['libreoffice.ods', /keine Excel-Arbeitsmappe/],
  ['binaer.xlsb', /\.xlsb/],
  ['csv-umbenannt.xlsx', /keine Excel-Arbeitsmappe/],
  ['abgeschnitten.xlsx', /beschädigt oder unvollständig/],
  ['leer.xlsx', /keine Excel-Arbeitsmappe/],
];
