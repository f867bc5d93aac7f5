#!/usr/bin/env node
/**
 * Writes the printed pages of Monitoring and Vergleich for the demo workbook (as LibreOffice
 * prints them: A4 landscape, fit to width) to docs/screenshots/, for review of the look.
 * Needs `soffice` and `pdftoppm` (Debian: libreoffice-calc, poppler-utils), and `npm run build:node`.
 *   node scripts/sheet-screenshots.js
 */
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const { readXlsx } = require(path.join(ROOT, 'dist-node', 'adapters', 'xlsx', 'reader'));
const { evaluateWorkbook, reportSheets } = require(path.join(ROOT, 'dist-node', 'core', 'report'));
const { writeReportWorkbook } = require(path.join(ROOT, 'dist-node', 'adapters', 'xlsx', 'writer'));

async function main() {
  const demo = path.join(ROOT, 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
  const sheets = reportSheets(evaluateWorkbook(readXlsx(fs.readFileSync(demo)), { currentYear: 2026 }), { evaluatedAt: '2025-03-05' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leika-shots-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'leika-shots-profile-'));
  try {
    for (const [role, name] of [['Monitoring', 'blatt-monitoring'], ['Vergleich', 'blatt-vergleich']]) {
      const xlsx = path.join(tmp, `${name}.xlsx`);
      fs.writeFileSync(xlsx, await writeReportWorkbook(sheets.filter((s) => s.role === role)));
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, xlsx], { stdio: 'ignore', timeout: 120_000 });
      for (const old of fs.readdirSync(SHOTS).filter((f) => f.startsWith(`${name}-`))) fs.rmSync(path.join(SHOTS, old));
      execFileSync('pdftoppm', ['-r', '90', '-png', path.join(tmp, `${name}.pdf`), path.join(SHOTS, name)]);
      console.log(`${role}: ${fs.readdirSync(SHOTS).filter((f) => f.startsWith(`${name}-`)).join(', ')}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
