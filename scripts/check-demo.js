#!/usr/bin/env node
// Checks that the CLI reproduces the published 2023/2024 table of SPEC §1 on the demo workbook.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const PUBLISHED = {
  2023: { Analog: 125, 'Kein Optimierungspotenzial': 180, PDF: 218, Digital: 258, 'Projekt in Umsetzung': 54, 'Nicht zugeordnet': 0, 'Alle Dienstleistungen': 835 },
  2024: { Analog: 126, 'Kein Optimierungspotenzial': 199, PDF: 428, Digital: 283, 'Projekt in Umsetzung': 151, 'Nicht zugeordnet': 0, 'Alle Dienstleistungen': 1187 },
};
const root = path.join(__dirname, '..');
const demo = path.join(root, 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const json = JSON.parse(execFileSync(process.execPath, [path.join(root, 'dist-node', 'cli', 'main.js'), demo, '--json'], { encoding: 'utf8' }));
const got = JSON.stringify({ years: json.years, total: json.total });
const want = JSON.stringify({ years: [2023, 2024], total: PUBLISHED });
if (got !== want) {
  console.error(`Demo weicht von der veröffentlichten Tabelle ab:\n  erwartet ${want}\n  erhalten ${got}`);
  process.exit(1);
}
console.log('Demo reproduziert die veröffentlichte Tabelle 2023/2024 (SPEC §1): 1 passed, 0 failed');
