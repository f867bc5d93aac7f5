#!/usr/bin/env node
/*
 * Generates the integration-test fixtures in tests/fixtures/:
 *  - one small workbook per layout of SPEC §2, plus skipped sheets, settings/mapping and a
 *    "messy" workbook with a finding of every code of SPEC §4;
 *  - for each, `<name>.expected.json`: the expected CLI result (years, reportYear, total,
 *    per-office counts, findings as {code, sheet, cell}, skipped sheet names), WRITTEN BY HAND
 *    below from the SPEC (the script only expands the compact count notation);
 *  - copies re-saved by LibreOffice headless in tests/fixtures/libreoffice/ (files written by a
 *    real spreadsheet application), an .xlsm, a legacy .xls, a truncated .xlsx, a file that is
 *    no workbook and a workbook without office sheet, for the CLI's error paths.
 *
 * Deterministic (fixed dates, fixed zip timestamps). LibreOffice output is not byte-stable;
 * pass --no-libreoffice to keep the committed LibreOffice files.
 *
 * Usage: node scripts/make-fixtures.js [--no-libreoffice]
 */
'use strict';

process.env.TZ = 'UTC';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const ExcelJS = require('exceljs');
const { unzipSync, zipSync } = require('fflate');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'tests/fixtures');
const FIXED_DATE = new Date(Date.UTC(2024, 3, 15, 8, 0, 0));
const WITH_LIBREOFFICE = !process.argv.includes('--no-libreoffice');

function normalizeZip(buffer) {
  const entries = unzipSync(new Uint8Array(buffer));
  const out = {};
  for (const name of Object.keys(entries)) out[name] = [entries[name], { mtime: FIXED_DATE, level: 6 }];
  return Buffer.from(zipSync(out));
}

// ---------------------------------------------------------------------------------------
// Expectation notation: counts per year as [Analog, KeinOpt, PDF, Digital, Projekt, NichtZugeordnet, Alle]
const KEYS7 = ['Analog', 'Kein Optimierungspotenzial', 'PDF', 'Digital', 'Projekt in Umsetzung', 'Nicht zugeordnet', 'Alle Dienstleistungen'];
function counts(byYear) {
  const out = {};
  for (const [year, arr] of Object.entries(byYear)) {
    if (arr.length !== 7) throw new Error(`counts ${year}: need 7 numbers`);
    const sum = arr.slice(0, 6).reduce((s, v) => s + v, 0);
    if (sum !== arr[6]) throw new Error(`counts ${year}: Alle ${arr[6]} != ${sum}`);
    out[year] = Object.fromEntries(KEYS7.map((k, i) => [k, arr[i]]));
  }
  return out;
}
const f = (code, sheet, cell) => ({ code, sheet, cell });

// ---------------------------------------------------------------------------------------
// Fixtures. Sheet rows are 1:1 what lands in the sheet (row 1 first); null = empty cell.
const FIXTURES = [];

// 1 — title rows above the header, "Umsetzungsstatus <Jahr>"
FIXTURES.push({
  name: 'layout-title-rows',
  about: 'Titelzeilen und Datumsnotiz über der Kopfzeile; Kopf „Umsetzungsstatus 2023 | Umsetzungsstatus 2024“',
  sheets: [
    {
      name: 'Ordnungsamt',
      rows: [
        ['Digitalisierungsübersicht Ordnungsamt'],
        ['Stand: 31.03.2024'],
        [],
        ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024', 'Bemerkung'],
        ['99050042169000', 'Veranstaltung eines Wanderlagers Anzeige', 'Analog', 'PDF'],
        ['99012001001000', 'Abbruchgenehmigung Erteilung', 'PDF', 'Digital', 'über Serviceportal'],
        ['99089070109000', 'Akten im Bußgeldverfahren Einsicht gewähren', 'Digital', 'Digital'],
        ['99001036000000', 'Sachverständiger nach Deponieverordnung', 'Kein Optimierungspotenzial', 'Kein Optimierungspotenzial'],
        ['99108011153000', 'Parkplatzabsperrung für Umzug Halteverbotszone Einrichtung', null, 'Projekt in Umsetzung'],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    //                 A  K  P  D  U  NZ Alle
    total: counts({ 2023: [1, 1, 1, 1, 0, 0, 4], 2024: [0, 1, 1, 2, 1, 0, 5] }),
    offices: [{ office: 'Ordnungsamt', counts: counts({ 2023: [1, 1, 1, 1, 0, 0, 4], 2024: [0, 1, 1, 2, 1, 0, 5] }) }],
    findings: [],
    skippedSheets: [],
  },
});

// 2 — line breaks in headers, "Status\n(2023)", keys with spaces and dots, messy spellings
FIXTURES.push({
  name: 'layout-linebreak-headers',
  about: 'Zeilenumbrüche im Kopf („LeiKa-\\nSchlüssel“, „Status\\n(2023)“), Schlüssel mit Leerzeichen/Punkten, Schreibvarianten',
  sheets: [
    {
      name: 'Straßenverkehrsamt',
      rows: [
        ['LeiKa-\nSchlüssel', 'Leistung', 'Status\n(2023)', 'Status\n(2024)'],
        ['99108019000000', 'Ausnahme von der Kennzeichnungspflicht in Umweltzonen', 'pdf-Formular', 'Online - Antrag'],
        ['99 108 011 153 000', 'Parkplatzabsperrung für Umzug Halteverbotszone Einrichtung', 'Papierform', 'in Planung'],
        ['99.108.008.252.000', 'abgeschleppte Fahrzeuge Begutachtung', 'Kein Optimierungspotential', 'kein Potenzial'],
        ['99108008152000', 'abgeschleppte Fahrzeuge Herausgabe', 'ONLINE', 'EfA-Dienst'],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [1, 1, 1, 1, 0, 0, 4], 2024: [0, 1, 0, 2, 1, 0, 4] }),
    offices: [{ office: 'Straßenverkehrsamt', counts: counts({ 2023: [1, 1, 1, 1, 0, 0, 4], 2024: [0, 1, 0, 2, 1, 0, 4] }) }],
    findings: [],
    skippedSheets: [],
  },
});

// 3 — numeric year headers (2023, 2024 as numbers; keys as numbers) and text year headers
FIXTURES.push({
  name: 'layout-numeric-years',
  about: 'Jahreszahlen als Kopf (Zahl bzw. Text), Schlüssel als Zahlen',
  sheets: [
    {
      name: 'Bauordnungsamt',
      rows: [
        ['LeiKa-Nr.', 'Bezeichnung', 2023, 2024],
        [99012001000000, 'Abbruchgenehmigung', 'Analog', 'Analog'],
        [99012001001000, 'Abbruchgenehmigung Erteilung', 'PDF', 'Digital'],
        [99012002000000, 'Abgeschlossenheitsbescheinigung', 'PDF', 'PDF'],
      ],
    },
    {
      name: 'Jugendamt',
      rows: [
        ['Schlüssel', 'Dienstleistung', '2023', '2024'],
        ['99013002024000', 'Adoption eines ausländischen Kindes Beschluss', 'Analog', 'PDF'],
        ['99013007000000', 'Erklärung, durch die der Vater auf die Übertragung der Sorge verzichtet', 'Digital', 'digital'],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [2, 0, 2, 1, 0, 0, 5], 2024: [1, 0, 2, 2, 0, 0, 5] }),
    offices: [
      { office: 'Bauordnungsamt', counts: counts({ 2023: [1, 0, 2, 0, 0, 0, 3], 2024: [1, 0, 1, 1, 0, 0, 3] }) },
      { office: 'Jugendamt', counts: counts({ 2023: [1, 0, 0, 1, 0, 0, 2], 2024: [0, 0, 1, 1, 0, 0, 2] }) },
    ],
    findings: [],
    skippedSheets: [],
  },
});

// 4 — "Status (2023)", "Stand 2024", and a status column without year (= report year)
FIXTURES.push({
  name: 'layout-status-variants',
  about: '„Status (2023)“, „Stand 2024“; Statusspalte ohne Jahr gehört zum Berichtsjahr (2024, spätestes Jahr im Kopf)',
  sheets: [
    {
      name: 'Jugendamt',
      rows: [
        ['Schlüssel', 'Dienstleistung', 'Status (2023)', 'Stand 2024'],
        ['99013002024000', 'Adoption eines ausländischen Kindes Beschluss', 'Analog', 'Analog'],
        ['99013007000000', 'Erklärung, durch die der Vater auf die Übertragung der Sorge verzichtet', 'geplant', 'Projekt'],
      ],
    },
    {
      name: 'Sozialamt',
      rows: [
        ['Leistungsschlüssel', 'Verwaltungsleistung', 'Umsetzungsstatus'],
        ['99003031000000', 'Impfschaden', 'Digital'],
        ['99114021131000', 'Witwenrente für gesetzlich Rentenversicherte Zahlung', 'persönliche Vorsprache'],
        ['nicht im LeiKa', 'Förderung von Arbeitsgelegenheiten', 'PDF'],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [1, 0, 0, 0, 1, 0, 2], 2024: [2, 0, 1, 1, 1, 0, 5] }),
    offices: [
      { office: 'Jugendamt', counts: counts({ 2023: [1, 0, 0, 0, 1, 0, 2], 2024: [1, 0, 0, 0, 1, 0, 2] }) },
      { office: 'Sozialamt', counts: counts({ 2023: [0, 0, 0, 0, 0, 0, 0], 2024: [1, 0, 1, 1, 0, 0, 3] }) },
    ],
    findings: [f('NO_KEY', 'Sozialamt', 'A4')],
    skippedSheets: [],
  },
});

// 5 — two-row header: "Umsetzungsstatus" merged over 2023 | 2024
FIXTURES.push({
  name: 'layout-two-row-header',
  about: 'Zweizeiliger Kopf: „Umsetzungsstatus“ verbunden über 2023 | 2024, Schlüssel/Leistung senkrecht verbunden',
  sheets: [
    {
      name: 'Gesundheitsamt',
      rows: [
        ['Gesundheitsamt – Übersicht'],
        ['LeiKa-Schlüssel', 'Leistungsbezeichnung', 'Umsetzungsstatus', null, 'Bemerkung'],
        [null, null, 2023, 2024, null],
        ['99003039000000', 'Apothekennotdienst', 'Analog', 'Digital'],
        ['99134003000000', 'Ärztliche Behandlung für Krankenversicherte', 'PDF', 'PDF'],
        ['99003021000000', 'Tätigkeiten mit Krankheitserregern', null, 'Projekt in Umsetzung'],
      ],
      merges: ['A2:A3', 'B2:B3', 'C2:D2', 'E2:E3'],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [1, 0, 1, 0, 0, 0, 2], 2024: [0, 0, 1, 1, 1, 0, 3] }),
    offices: [{ office: 'Gesundheitsamt', counts: counts({ 2023: [1, 0, 1, 0, 0, 0, 2], 2024: [0, 0, 1, 1, 1, 0, 3] }) }],
    findings: [],
    skippedSheets: [],
  },
});

// 6 — long format: one row per service and year ("Jahr")
FIXTURES.push({
  name: 'layout-long-format',
  about: 'Langformat: eine Zeile je Leistung und Jahr (Spalte „Jahr“)',
  sheets: [
    {
      name: 'Ausländerbehörde',
      rows: [
        ['LeiKa-Schlüssel', 'Leistung', 'Jahr', 'Umsetzungsstatus'],
        ['99010001000000', 'Aufenthaltserlaubnis', 2023, 'PDF'],
        ['99010001001000', 'Aufenthaltserlaubnis Erteilung', 2023, 'PDF'],
        ['99010001000000', 'Aufenthaltserlaubnis', 2024, 'Digital'],
        ['99010001001000', 'Aufenthaltserlaubnis Erteilung', 2024, 'PDF'],
        ['99010001001009', 'Aufenthaltserlaubnis Erteilung zum Zweck der Beschäftigung', 2024, 'PDF-Formular'],
        ['99011001000000', 'Arbeitsgenehmigung', 2024, 'Analog'],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [0, 0, 2, 0, 0, 0, 2], 2024: [1, 0, 2, 1, 0, 0, 4] }),
    offices: [{ office: 'Ausländerbehörde', counts: counts({ 2023: [0, 0, 2, 0, 0, 0, 2], 2024: [1, 0, 2, 1, 0, 0, 4] }) }],
    findings: [],
    skippedSheets: [],
  },
});

// 7 — office column with vertically merged office names; empty → sheet name; whitespace collapsed
FIXTURES.push({
  name: 'layout-office-column',
  about: 'Amtsspalte mit senkrecht verbundenen Amtsnamen; leer = Blattname; Leerraum wird zusammengefasst',
  sheets: [
    {
      name: 'Umweltamt',
      rows: [
        ['Amt', 'LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
        ['Untere Wasserbehörde', '99020001000000', 'Altlastenkataster', 'Analog'],
        [null, '99020003000000', 'Bodenschutzkataster', 'PDF'],
        [null, '99020003023000', 'Bodenschutzkataster Auskunft', 'Digital'],
        ['Untere Naturschutzbehörde', '99001001000000', 'Naturschutzrechtliche Genehmigung', 'PDF'],
        [null, '99001001002000', null, 'PDF'],
        [null, '99001002000000', 'Altpapier', 'Digital'],
        ['  Untere   Wasserbehörde ', '99001003000000', 'Bioabfall', 'Projekt in Umsetzung'],
      ],
      // B5 and B6 share a vertically merged name
      merges: ['A2:A4', 'A5:A6', 'C5:C6'],
    },
  ],
  expected: {
    years: [2024],
    reportYear: 2024,
    total: counts({ 2024: [1, 0, 3, 2, 1, 0, 7] }),
    offices: [
      { office: 'Untere Wasserbehörde', counts: counts({ 2024: [1, 0, 1, 1, 1, 0, 4] }) },
      { office: 'Untere Naturschutzbehörde', counts: counts({ 2024: [0, 0, 2, 0, 0, 0, 2] }) },
      { office: 'Umweltamt', counts: counts({ 2024: [0, 0, 0, 1, 0, 0, 1] }) },
    ],
    findings: [],
    skippedSheets: [],
  },
});

// 8 — Reifegrad per year (status wins; Reifegrad where status is empty)
FIXTURES.push({
  name: 'layout-reifegrad',
  about: 'OZG-Reifegrad je Jahr: 0–1 Analog, 2 PDF, 3–4 Digital; der Status hat Vorrang',
  sheets: [
    {
      name: 'Kreiskasse',
      rows: [
        ['LeiKa-Schlüssel', 'Leistung', 'OZG-Reifegrad 2023', 'Umsetzungsstatus 2024', 'Reifegrad 2024'],
        ['99102033119000', 'Steueransprüche Stundung', 0, 'Analog', null],
        ['99046050228000', 'Pfändungs- und Überweisungsbeschluss Zustellung', 1, null, 2],
        ['99089072017000', 'Zahlungserleichterungen bei Ordnungswidrigkeiten Bewilligung', 2, 'Digital', 4],
        ['99020006000000', 'Feldes- und Förderabgabe', 3, 'Kein Optimierungspotenzial', null],
        ['99043008080000', 'Grundbucheinsicht Gewährung', 4, null, 3],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [2, 0, 1, 2, 0, 0, 5], 2024: [1, 1, 1, 2, 0, 0, 5] }),
    offices: [{ office: 'Kreiskasse', counts: counts({ 2023: [2, 0, 1, 2, 0, 0, 5], 2024: [1, 1, 1, 2, 0, 0, 5] }) }],
    findings: [],
    skippedSheets: [],
  },
});

// 9 — two tables on one sheet (second header row further down, other column order)
FIXTURES.push({
  name: 'layout-multi-table',
  about: 'Zweite Kopfzeile weiter unten beginnt eine weitere Tabelle desselben Amts (andere Spaltenfolge)',
  sheets: [
    {
      name: 'Kataster- und Vermessungsamt',
      rows: [
        ['Liegenschaftskataster'],
        ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024'],
        ['99123006058000', 'Gebäudeeinmessung Durchführung', 'PDF', 'Digital'],
        ['99043001062000', 'Eintragung eines Berechtigten im Grundbuch Berichtigung', 'Analog', 'Analog'],
        [],
        [],
        ['Leistung', 'LeiKa-Schlüssel', 'Umsetzungsstatus 2024', 'Umsetzungsstatus 2023'],
        ['Grundbucheinsicht Gewährung', '99043008080000', 'Digital', 'PDF'],
        ['Altlastenkataster', '99020001000000', 'Projekt in Umsetzung', null],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [1, 0, 2, 0, 0, 0, 3], 2024: [1, 0, 0, 2, 1, 0, 4] }),
    offices: [{ office: 'Kataster- und Vermessungsamt', counts: counts({ 2023: [1, 0, 2, 0, 0, 0, 3], 2024: [1, 0, 0, 2, 1, 0, 4] }) }],
    findings: [],
    skippedSheets: [],
  },
});

// 10 — skipped sheets: no header row, hidden, very hidden, header without status column
FIXTURES.push({
  name: 'skipped-sheets',
  about: 'Übersprungene Blätter: Anleitung ohne Kopfzeile, ausgeblendet, sehr ausgeblendet, Kopf ohne Statusspalte; Filter und ausgeblendete Zeilen zählen mit',
  sheets: [
    { name: 'Anleitung', rows: [['Bitte je Amt ein Blatt pflegen.'], ['Zulässige Werte: Analog, PDF, Digital …']] },
    {
      name: 'Ordnungsamt',
      rows: [
        ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
        ['99050042169000', 'Veranstaltung eines Wanderlagers Anzeige', 'Analog'],
        ['99089070109000', 'Akten im Bußgeldverfahren Einsicht gewähren', 'PDF'],
        ['99012001001000', 'Abbruchgenehmigung Erteilung', 'Digital'],
      ],
      hiddenRows: [3],
      autoFilter: 'A1:C1',
    },
    {
      name: 'Versteckt',
      state: 'hidden',
      rows: [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2022'], ['99001001000000', 'Abfallgebühr', 'Analog']],
    },
    {
      name: 'Sehr versteckt',
      state: 'veryHidden',
      rows: [['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2022'], ['99001002000000', 'Altpapier', 'PDF']],
    },
    {
      name: 'Notizen',
      rows: [['Leistung', 'Ansprechpartner'], ['Abfallgebühr', 'Frau Muster']],
    },
  ],
  expected: {
    years: [2024],
    reportYear: 2024,
    total: counts({ 2024: [1, 0, 1, 1, 0, 0, 3] }),
    offices: [{ office: 'Ordnungsamt', counts: counts({ 2024: [1, 0, 1, 1, 0, 0, 3] }) }],
    findings: [],
    skippedSheets: ['Anleitung', 'Versteckt', 'Sehr versteckt', 'Notizen'],
  },
});

// 11 — settings (Berichtsjahr) and user mapping (Zuordnung)
FIXTURES.push({
  name: 'settings-mapping',
  about: '„Einstellungen“ mit Berichtsjahr 2024 (Statusspalte ohne Jahr = 2024) und „Zuordnung“ (Nutzerwerte vor eingebauten)',
  sheets: [
    {
      name: 'Sozialamt',
      rows: [
        ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus', 'Status 2023'],
        ['99003031000000', 'Impfschaden', 'E-Akte', 'Analog'],
        ['99114021131000', 'Witwenrente für gesetzlich Rentenversicherte Zahlung', 'Fax', 'Fax'],
        ['99003039000000', 'Apothekennotdienst', 'Formular zum Download', 'PDF'],
        ['99134003000000', 'Ärztliche Behandlung für Krankenversicherte', 'entfällt', 'Digital'],
      ],
    },
    {
      name: 'Einstellungen',
      rows: [['Schlüssel', 'Wert'], ['Berichtsjahr', 2024]],
    },
    {
      name: 'Zuordnung',
      rows: [['Wert', 'Cluster'], ['E-Akte', 'Digital'], ['Fax', 'Analog'], ['Formular zum Download', 'Analog']],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    total: counts({ 2023: [2, 0, 1, 1, 0, 0, 4], 2024: [2, 0, 0, 1, 0, 0, 3] }),
    offices: [{ office: 'Sozialamt', counts: counts({ 2023: [2, 0, 1, 1, 0, 0, 4], 2024: [2, 0, 0, 1, 0, 0, 3] }) }],
    findings: [f('EXCLUDED', 'Sozialamt', 'C5')],
    skippedSheets: ['Einstellungen', 'Zuordnung'],
  },
});

// 12 — messy: a finding of every code of SPEC §4
FIXTURES.push({
  name: 'messy',
  about: 'Unordentliche Arbeitsmappe mit je einem Prüfhinweis jedes Codes aus SPEC §4',
  sheets: [
    {
      name: 'Ordnungsamt',
      rows: [
        /* 1 */ ['Ordnungsamt – Digitalisierungsübersicht'],
        /* 2 */ ['Stand: 31.03.2024'],
        /* 3 */ ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024', 'Status 2024', 'OZG-Reifegrad 2023', 'Bemerkung'],
        /* 4 */ ['99001001000000', 'Abfallgebühr', 'Analog', 'PDF', 'Digital', null, 'E4 liegt in der doppelten Jahresspalte'],
        /* 5 */ ['99001001002000', 'Abfallgebühr Festsetzung', 'Onlien-Antrag', 'Digital'],
        /* 6 */ ['99001002000000', 'Altpapier', null, 'PDF', null, 7],
        /* 7 */ ['9,9067E+13', 'Jagdschein', 'Analog', 'Analog'],
        /* 8 */ ['99001001000000', 'Abfallgebühr', 'Analog', 'PDF'],
        /* 9 */ ['99001003000000', 'Bioabfall', 'PDF', 'PDF'],
        /* 10 */ ['99001003000000', 'Bioabfall', 'Digital', 'PDF'],
        /* 11 */ ['99001003004000', 'Bioabfall Entsorgung'],
        /* 12 */ [null, null, 'PDF'],
        /* 13 */ [null, 'Fundsachen', 'Analog', 'Analog'],
        /* 14 */ ['nicht im LeiKa', 'Hundesteuer', 'PDF', 'Digital'],
        /* 15 */ ['99001036000000', 'Sachverständiger nach Deponieverordnung', 'nicht zuständig', 'Analog'],
        /* 16 */ ['Summe', null, { formula: 'COUNTA(C4:C15)', result: 11 }, { formula: 'COUNTA(D4:D15)', result: 11 }],
        /* 17 */ ['99108011153000', 'Parkplatzabsperrung für Umzug Halteverbotszone Einrichtung', 'Digital', 'Digital'],
      ],
    },
    {
      name: 'Straßenverkehrsamt',
      rows: [
        ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024'],
        ['99108011153000', 'Parkplatzabsperrung für Umzug Halteverbotszone Einrichtung', 'PDF', 'Digital'],
        ['99108019000000', 'Ausnahme von der Kennzeichnungspflicht in Umweltzonen', 'Analog', 'Kein Optimierungspotenzial'],
      ],
    },
  ],
  expected: {
    years: [2023, 2024],
    reportYear: 2024,
    // 2023: A rows 4, 7, 13 | P rows 9, 14 | D row 17 | NZ rows 5 (unknown), 6 (bad Reifegrad)
    // 2024: A rows 7, 13, 15 | P rows 4, 6, 9 | D rows 5, 14, 17 | NZ row 11 (no status at all)
    total: counts({ 2023: [4, 0, 3, 1, 0, 2, 10], 2024: [3, 1, 3, 4, 0, 1, 12] }),
    offices: [
      { office: 'Ordnungsamt', counts: counts({ 2023: [3, 0, 2, 1, 0, 2, 8], 2024: [3, 0, 3, 3, 0, 1, 10] }) },
      { office: 'Straßenverkehrsamt', counts: counts({ 2023: [1, 0, 1, 0, 0, 0, 2], 2024: [0, 1, 0, 1, 0, 0, 2] }) },
    ],
    findings: [
      f('DUPLICATE_YEAR_COLUMN', 'Ordnungsamt', 'E3'),
      f('UNKNOWN_STATUS', 'Ordnungsamt', 'C5'),
      f('INVALID_REIFEGRAD', 'Ordnungsamt', 'F6'),
      f('INVALID_KEY', 'Ordnungsamt', 'A7'),
      f('DUPLICATE_KEY', 'Ordnungsamt', 'A8'), // 2023: Analog = Analog
      f('DUPLICATE_KEY', 'Ordnungsamt', 'A8'), // 2024: PDF = PDF
      f('CONFLICTING_DUPLICATE', 'Ordnungsamt', 'A10'), // 2023: PDF (row 9) vs Digital
      f('DUPLICATE_KEY', 'Ordnungsamt', 'A10'), // 2024: PDF = PDF
      f('NO_STATUS', 'Ordnungsamt', 'C11'),
      f('STATUS_WITHOUT_SERVICE', 'Ordnungsamt', 'C12'),
      f('NO_KEY', 'Ordnungsamt', 'A13'),
      f('NO_KEY', 'Ordnungsamt', 'A14'),
      f('EXCLUDED', 'Ordnungsamt', 'C15'),
      f('TOTALS_ROW', 'Ordnungsamt', 'A16'),
      f('KEY_IN_SEVERAL_OFFICES', 'Straßenverkehrsamt', 'A2'),
    ],
    skippedSheets: [],
  },
});

// 13 — SPEC v3 rules (issue 8): what hand-made sheets hold in the field
FIXTURES.push({
  name: 'rules-v3',
  about:
    'SPEC v3: gepolsterte Kopfzellen mit Anmerkung, „Stand: 2023“, leere Vorjahresspalte 2025, verbundene Zwischenüberschrift, ' +
    '„Summe Analog“/„Ergebnis“, Zeile ohne Status vor derselben Leistung mit Status, Langformat, Blattliste mit Komma im Namen',
  sheets: [
    {
      name: 'Ordnungsamt',
      rows: [
        /* 1 */ ['Ordnungsamt – Digitalisierungsübersicht'],
        /* 2 */ ['Stand: 31.03.2024'],
        /* 3 */ [`  LeiKa-Schlüssel (14-stellig)${' '.repeat(20)}`, 'Leistung\u00a0', 'Stand: 2023', 'Umsetzungsstatus – 2024', 'Umsetzungsstatus 2025', 'Reifegrad (0–4)', 'Bemerkung'],
        /* 4 */ ['Jagdwesen'],
        /* 5 */ ['99001001000000', 'Jagdschein Erteilung', 'PDF', 'PDF\u2011Formular'],
        /* 6 */ ['99001002000000', 'Fischereischein', '-', null, null, 3],
        /* 7 */ ['99001003000000', 'Waffenschein', null, null, null, null, 'Zeile ohne Status'],
        /* 8 */ ['99001003000000', 'Waffenschein', null, 'Analog'],
        /* 9 */ [null, 'Hundesteuer'],
        /* 10 */ ['Summe Analog', null, 1, 1],
        /* 11 */ [null, 'Ergebnis', 4, 4],
        /* 12 */ ['99001004000000', 'Ergebnis der Wahl öffentliche Bekanntmachung', 'Digital', 'Digital'],
        /* 13 */ [`Summe${' '.repeat(25)}`, null, 5, 5],
      ],
      merges: ['A4:G4'],
    },
    {
      name: 'Bauen, Wohnen',
      rows: [
        ['LeiKa', 'Leistung', 'Jahr', 'Status'],
        ['99002001000000', 'Baugenehmigung', 2023, 'Analog'],
        ['99002001000000', 'Baugenehmigung', 2024, 'Online-Antrag'],
        ['99002002000000', 'Abbruchanzeige', 2023, null],
        ['99002003000000', 'Bauvorbescheid', 2025, null],
      ],
    },
    { name: 'Notizen', rows: [['Leistung', 'Status'], ['Merkposten', 'PDF']] },
    { name: 'Einstellungen', rows: [['Schlüssel', 'Wert'], ['Ausgewertete Blätter', 'Ordnungsamt', 'Bauen, Wohnen', 'Archiv']] },
  ],
  expected: {
    years: [2023, 2024],
    // the empty column „Umsetzungsstatus 2025“ and the long-format row of 2025 without status name no year
    reportYear: 2024,
    // Ordnungsamt 2023: P row 5 | D row 12 (row 6 holds only „-“)
    // Ordnungsamt 2024: A row 8 (row 7 without status does not count beside it) | P row 5 | D rows 6 (Reifegrad 3), 12
    // Bauen, Wohnen 2023: A Baugenehmigung | NZ Abbruchanzeige (no status, in its Jahr); 2024: D Baugenehmigung
    total: counts({ 2023: [1, 0, 1, 1, 0, 1, 4], 2024: [1, 0, 1, 3, 0, 0, 5] }),
    offices: [
      { office: 'Ordnungsamt', counts: counts({ 2023: [0, 0, 1, 1, 0, 0, 2], 2024: [1, 0, 1, 2, 0, 0, 4] }) },
      { office: 'Bauen, Wohnen', counts: counts({ 2023: [1, 0, 0, 0, 0, 1, 2], 2024: [0, 0, 0, 1, 0, 0, 1] }) },
    ],
    findings: [
      f('INVALID_SETTING', 'Einstellungen', 'D2'), // „Archiv“ names no sheet
      f('SECTION_HEADING', 'Ordnungsamt', 'A4'),
      f('NO_STATUS', 'Ordnungsamt', 'C7'),
      f('DUPLICATE_KEY', 'Ordnungsamt', 'A7'), // row 8 has a status for the same key and year
      f('SECTION_HEADING', 'Ordnungsamt', 'B9'),
      f('TOTALS_ROW', 'Ordnungsamt', 'A10'),
      f('TOTALS_ROW', 'Ordnungsamt', 'B11'),
      f('TOTALS_ROW', 'Ordnungsamt', 'A13'),
      f('NO_STATUS', 'Bauen, Wohnen', 'D4'),
    ],
    skippedSheets: ['Notizen', 'Einstellungen'],
  },
});

// Error paths (no expectation JSON; the test expects exit 2 and one line on stderr)
const NO_OFFICE_SHEET = {
  name: 'error-no-office-sheet',
  sheets: [
    { name: 'Anleitung', rows: [['Diese Mappe enthält noch keine Amtsblätter.']] },
    { name: 'Notizen', rows: [['Leistung', 'Ansprechpartner'], ['Abfallgebühr', 'Frau Muster']] },
  ],
};

// ---------------------------------------------------------------------------------------
async function writeWorkbook(fixture, file) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'LeiKa-Monitor Testdaten';
  wb.lastModifiedBy = 'LeiKa-Monitor Testdaten';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of fixture.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state || 'visible' });
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of s.merges || []) ws.mergeCells(m);
    for (const r of s.hiddenRows || []) ws.getRow(r).hidden = true;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
    ws.columns.forEach((col, i) => (col.width = i === 1 ? 50 : 20));
  }
  const buffer = await wb.xlsx.writeBuffer();
  fs.writeFileSync(file, normalizeZip(Buffer.from(buffer)));
}

function soffice(args, outDir) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-home-'));
  try {
    execFileSync('soffice', ['-env:UserInstallation=file://' + home, '--headless', ...args, '--outdir', outDir], {
      env: { ...process.env, HOME: home },
      stdio: 'pipe',
      timeout: 120000,
    });
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/** Converts `file` with LibreOffice into `format` (e.g. `xlsx`, `xls`) and returns the new file's bytes. */
function convert(file, format) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-out-'));
  try {
    soffice(['--convert-to', format, file], tmp);
    const base = path.basename(file).replace(/\.[^.]+$/, '');
    const ext = format.split(':')[0];
    return fs.readFileSync(path.join(tmp, `${base}.${ext}`));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The same package as a macro-enabled workbook (.xlsm): only the workbook part's content type differs. */
function toXlsm(bytes) {
  const entries = unzipSync(new Uint8Array(bytes));
  const ct = Buffer.from(entries['[Content_Types].xml']).toString('utf8');
  const patched = ct.replace(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  );
  if (patched === ct) throw new Error('workbook content type not found');
  entries['[Content_Types].xml'] = new Uint8Array(Buffer.from(patched, 'utf8'));
  const out = {};
  for (const name of Object.keys(entries)) out[name] = [entries[name], { mtime: FIXED_DATE, level: 6 }];
  return Buffer.from(zipSync(out));
}

// Fixtures re-saved through LibreOffice: the layouts most likely to change on the way
const LIBREOFFICE = ['layout-title-rows', 'layout-two-row-header', 'layout-long-format', 'layout-office-column', 'skipped-sheets', 'messy', 'rules-v3'];

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const index = [];
  for (const fx of FIXTURES) {
    const file = path.join(OUT, `${fx.name}.xlsx`);
    await writeWorkbook(fx, file);
    const expected = { about: fx.about, ...fx.expected };
    fs.writeFileSync(path.join(OUT, `${fx.name}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
    index.push(fx.name);
  }
  console.log(`${index.length} Fixtures mit Erwartung geschrieben`);

  const errors = path.join(OUT, 'errors');
  fs.mkdirSync(errors, { recursive: true });
  await writeWorkbook(NO_OFFICE_SHEET, path.join(errors, 'no-office-sheet.xlsx'));
  const base = fs.readFileSync(path.join(OUT, 'layout-title-rows.xlsx'));
  // .xlsm: read like .xlsx (expectation: layout-title-rows.expected.json)
  fs.writeFileSync(path.join(OUT, 'layout-title-rows.xlsm'), toXlsm(base));
  // truncated zip and a file that is no workbook
  fs.writeFileSync(path.join(errors, 'truncated.xlsx'), base.subarray(0, Math.floor(base.length / 2)));
  fs.writeFileSync(path.join(errors, 'not-a-workbook.xlsx'), 'LeiKa-Schlüssel;Leistung;Umsetzungsstatus 2024\n99001001000000;Abfallgebühr;PDF\n');

  if (WITH_LIBREOFFICE) {
    const lo = path.join(OUT, 'libreoffice');
    fs.mkdirSync(lo, { recursive: true });
    for (const name of LIBREOFFICE) {
      fs.writeFileSync(path.join(lo, `${name}.xlsx`), convert(path.join(OUT, `${name}.xlsx`), 'xlsx:Calc MS Excel 2007 XML'));
    }
    // legacy .xls written by LibreOffice: refused with the advice to save as .xlsx
    fs.writeFileSync(path.join(errors, 'legacy.xls'), convert(path.join(OUT, 'layout-title-rows.xlsx'), 'xls:MS Excel 97'));
    console.log(`${LIBREOFFICE.length} Fixtures über LibreOffice neu gespeichert, legacy.xls erzeugt`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
