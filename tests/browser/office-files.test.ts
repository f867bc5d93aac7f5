/**
 * File mode with several office files (SPEC §10), in Chromium: the demo workbook split into one
 * file per office (scripts/make-office-files.js), picked as files and as a folder, gives the
 * report the pipeline gives for the same files in Node — which equals the demo run apart from
 * file names (tests/office-files.test.ts) — and lists each file with its offices.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { type Cell, cellText } from '../../src/core/grid';
import { evaluateWorkbook } from '../../src/core/report';
import type { WorkbookSource } from '../../src/core/sources';
import { WorkbookError } from '../../src/port/workbook-port';
import { chromiumAvailable, startFileMode, type FileModePage } from '../support/browser';
import { DEMO_ORDER, FOLDER_ORDER, LOCK_FILE, NOT_A_WORKBOOK, demoJson, makeOfficeFileSet } from '../support/office-files';

const maybe = chromiumAvailable('browser test of file mode with several files') ? describe : describe.skip;

maybe('file mode with several office files in Chromium', () => {
  let page: FileModePage;
  let dir: string;

  beforeAll(async () => {
    dir = await makeOfficeFileSet();
    page = await startFileMode();
  }, 600_000);

  afterAll(async () => {
    await page?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The pipeline in Node on the same files, in the same order: the records Gesamtliste must list. */
  function expectedRecords(files: readonly string[]): string[][] {
    const sources = files.map((file): WorkbookSource => {
      try {
        return { kind: 'workbook', file, workbook: readXlsx(fs.readFileSync(path.join(dir, file))) };
      } catch (error) {
        if (error instanceof WorkbookError) return { kind: 'skipped', file, reason: error.message };
        throw error;
      }
    });
    const { analysis } = evaluateWorkbook(sources, { currentYear: new Date().getFullYear() });
    return analysis.records.map((r) => [String(r.year), r.office, r.key, r.name, r.status, r.cluster, r.remark, r.onlineService, `${r.sheet}!${r.cell}`]);
  }

  async function evaluateAndRead(p: Page): Promise<{ rows: (readonly Cell[])[]; sheets: Map<string, (readonly Cell[] | undefined)[]> }> {
    await p.getByRole('button', { name: 'Auswerten', exact: true }).click();
    const button = p.getByRole('button', { name: 'Ergebnis herunterladen', exact: true });
    await button.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([p.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Amtsdateien – Auswertung.xlsx');
    const report = readXlsx(fs.readFileSync((await download.path())!));
    const sheets = new Map(report.sheets.map((s) => [s.name, [...s.rows]]));
    const rows = (sheets.get('Gesamtliste') ?? []).slice(1).filter((r): r is readonly Cell[] => r !== undefined);
    return { rows, sheets };
  }

  const texts = (rows: readonly (readonly Cell[])[]): string[][] => rows.map((r) => Array.from({ length: 9 }, (_, c) => cellText(r[c] ?? null)));

  it('a folder: the workbooks directly in it, sorted; each file listed with its offices; the report the pipeline gives', async () => {
    const p = await page.open();
    await p.getByLabel('Ordner öffnen').setInputFiles(dir);
    const chosen = p.getByRole('list', { name: 'Gewählte Dateien' }).getByRole('listitem');
    await expect(chosen.allTextContents()).resolves.toEqual(FOLDER_ORDER.map((f) => `${f}✕`));
    const { rows, sheets } = await evaluateAndRead(p);
    expect(texts(rows)).toEqual(expectedRecords(FOLDER_ORDER));
    const files = p.getByRole('table', { name: 'Ausgewertete Dateien' }).getByRole('row');
    await expect(files.allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Kreiskasse.xlsmKreiskasse', 'Umweltamt.xlsxUmweltamt, Untere Abfallbehörde, Untere Naturschutzbehörde, Untere Wasserbehörde']),
    );
    await expect(files.filter({ hasText: NOT_A_WORKBOOK }).textContent()).resolves.toMatch(/nicht ausgewertet – Die Datei ist keine Excel-Arbeitsmappe/);
    const findings = (sheets.get('Prüfhinweise') ?? []).map((r) => cellText(r?.[1] ?? null));
    expect(findings).toEqual(expect.arrayContaining(['FILE_SKIPPED', 'OFFICE_IN_SEVERAL_FILES']));
    await p.context().close();
  }, 180_000);

  it('several files: the lock file is left out, the rest sorted; Monitoring equals the demo’s', async () => {
    const p = await page.open();
    await p.getByLabel('Arbeitsmappe öffnen').setInputFiles([...DEMO_ORDER, LOCK_FILE].map((f) => path.join(dir, f)));
    const chosen = p.getByRole('list', { name: 'Gewählte Dateien' }).getByRole('listitem');
    const sorted = FOLDER_ORDER.filter((f) => f !== NOT_A_WORKBOOK);
    await expect(chosen.allTextContents()).resolves.toEqual(sorted.map((f) => `${f}✕`));
    const { rows, sheets } = await evaluateAndRead(p);
    expect(texts(rows)).toEqual(expectedRecords(sorted));
    const total = (sheets.get('Monitoring') ?? []).find((r) => cellText(r?.[0] ?? null) === 'Alle Dienstleistungen');
    const demo = demoJson(DEMO_ORDER).total as Record<string, Record<string, number>>;
    expect(total?.slice(1, 3)).toEqual([demo['2023']!['Alle Dienstleistungen'], demo['2024']!['Alle Dienstleistungen']]);
    await p.context().close();
  }, 180_000);
});
