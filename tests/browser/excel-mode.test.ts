/**
 * Excel mode in a real browser (issue 7): `npm run preview`'s page — the task pane on the fake
 * Excel loaded with the demo workbook — in headless Debian Chromium at 350 and 500 px (350 px also
 * in the dark theme), driven by accessible names through Auswerten, Prüfhinweise → Zur Zelle,
 * Vergleich, Einstellungen with the Selbsttest, Vorlagen and Neues Berichtsjahr; the simulated
 * workbook is checked afterwards and axe (axe-core, colour contrast included) runs on every view;
 * no view and no table in it needs sideways scrolling. Screenshots only with
 * LEIKA_SCREENSHOTS=1 (`npm run screenshots`), never as a side effect of `npm test`.
 * Without /usr/bin/chromium the test is skipped loudly, unless CI is set (then it fails).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { axeViolations } from '../support/browser';
import { describeIfAvailable } from '../support/requirements';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist-preview');
const SHOTS = process.env.LEIKA_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : undefined;

/** Light or dark pane, as the screenshot names say it. */
type Theme = 'hell' | 'dunkel';

const chromiumMissing = fs.existsSync(CHROMIUM) ? undefined : `Debian chromium (${CHROMIUM})`;

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };

function serveStatic(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = path.join(dir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The simulated workbook as the test checks it (read inside the page). */
interface BookSummary {
  sheets: { name: string; writes: number; values: unknown[][] }[];
  names: { name: string; sheet: string; cell: string }[];
  tables: string[];
  selection: string | undefined;
}

async function summary(page: Page): Promise<BookSummary> {
  return page.evaluate(() => {
    const book = window.leikaPreview!.book;
    return {
      sheets: book.sheets.map((s) => ({ name: s.name, writes: s.writes, values: book.values(s.name) })),
      names: book.names.map((n) => ({ name: n.name, sheet: n.sheet.name, cell: n.cell })),
      tables: book.tables.map((t) => `${t.name}@${t.sheet.name}`),
      selection: book.selection,
    };
  });
}

describeIfAvailable(chromiumMissing, 'Excel mode in a browser (npm run preview)', () => {
  let browser: Browser;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    execFileSync('npx', ['webpack', '--config', 'webpack.preview.config.js', '--mode', 'development'], { cwd: ROOT, stdio: 'ignore', timeout: 600_000 });
    server = await serveStatic(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The preview at `width` px; the pane follows the browser's colour scheme (in Excel: Office's theme). */
  async function open(width: number, theme: Theme): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE', colorScheme: theme === 'dunkel' ? 'dark' : 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.getByRole('heading', { name: 'Gefundene Amtsblätter' }).waitFor({ timeout: 60_000 });
    expect(errors).toEqual([]);
    return page;
  }

  /** Nothing runs off the side of the pane (a task pane has no horizontal page scrolling). */
  async function fitsWidth(page: Page, width: number): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }

  /** Neither a table nor anything else in the pane needs sideways scrolling; with LEIKA_SCREENSHOTS=1 the whole view is saved. */
  async function shot(page: Page, theme: Theme, view: string): Promise<void> {
    const width = page.viewportSize()!.width;
    await fitsWidth(page, width);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `excelmodus-${width}${theme === 'dunkel' ? '-dunkel' : ''}-${view}.png`), fullPage: true });
  }

  /** The table's scroll container shows it whole: no sideways scrolling inside the pane either. */
  async function tableFits(page: Page, name: string): Promise<void> {
    const overflow = await page.getByRole('table', { name }).evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    expect([name, overflow]).toEqual([name, 0]);
  }

  async function evaluate(page: Page): Promise<void> {
    await page.getByRole('tab', { name: 'Auswerten' }).click();
    await page.getByRole('button', { name: 'Auswerten', exact: true }).click();
    await page.getByText(/^Geschrieben: /).waitFor({ timeout: 120_000 });
  }

  it.each<[number, Theme]>([
    [350, 'hell'],
    [500, 'hell'],
    [350, 'dunkel'],
  ])('clicks through every view at %i px (%s), writes only marked output sheets, and passes axe', async (width, theme) => {
    const page = await open(width, theme);
    const before = await summary(page);
    const userSheets = before.sheets.map((s) => s.name);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, theme, 'uebersicht');

    // Auswerten: the four output sheets, each marked by its defined name at A1; the user's sheets untouched.
    await evaluate(page);
    expect(await page.getByRole('table', { name: 'Monitoring-Tabelle' }).isVisible()).toBe(true);
    // each sentence of the result summary stands on a line of its own, never run together
    const starts = await page
      .locator('[role="status"]:has(p) p')
      .evaluateAll((ps) => ps.map((p) => Math.round((p.getClientRects()[0]?.left ?? -1) - p.parentElement!.getBoundingClientRect().left)));
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts).toEqual(starts.map(() => 0));
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, theme, 'auswerten');
    const first = await summary(page);
    expect(first.sheets.map((s) => s.name)).toEqual([...userSheets, 'Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich']);
    expect(first.names.map((n) => [n.name, n.sheet, n.cell])).toEqual(
      expect.arrayContaining([
        ['LeiKaMonitor_Monitoring', 'Monitoring', 'A1'],
        ['LeiKaMonitor_Pruefhinweise', 'Prüfhinweise', 'A1'],
        ['LeiKaMonitor_Gesamtliste', 'Gesamtliste', 'A1'],
        ['LeiKaMonitor_Vergleich', 'Vergleich', 'A1'],
      ]),
    );
    for (const s of first.sheets.filter((x) => userSheets.includes(x.name))) {
      expect([s.name, s.writes]).toEqual([s.name, 0]);
      expect(s.values).toEqual(before.sheets.find((b) => b.name === s.name)!.values);
    }

    // Prüfhinweise → Zur Zelle selects the finding's cell in its sheet.
    await page.getByRole('tab', { name: 'Prüfhinweise' }).click();
    const goTo = page.getByRole('button', { name: /^Zur Zelle / }).first();
    const target = ((await goTo.getAttribute('aria-label')) ?? '').replace(/^Zur Zelle /, '');
    await goTo.click();
    await page.waitForFunction((want) => window.leikaPreview!.book.selection?.replace(/'/g, '') === want, target.replace(/'/g, ''));
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, theme, 'pruefhinweise');

    // Vergleich of the demo's two years.
    await page.getByRole('tab', { name: 'Vergleich' }).click();
    await page.getByRole('heading', { name: 'Vergleich 2023 → 2024' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // the transition matrix and the refinement list fit the pane as they are (short cluster names, two columns)
    await tableFits(page, 'Übergänge 2023 → 2024');
    await tableFits(page, 'Verfeinerung im LeiKa');
    await shot(page, theme, 'vergleich');

    // A second Auswerten gives the same output sheets (apart from the evaluation date), no new sheets.
    await evaluate(page);
    const second = await summary(page);
    const outputs = (b: BookSummary) => b.sheets.filter((s) => !userSheets.includes(s.name)).map((s) => [s.name, JSON.stringify(s.values).replace(/\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}/g, 'DATUM')]);
    expect(outputs(second)).toEqual(outputs(first));
    expect(second.tables).toEqual(first.tables);

    // Einstellungen → Selbsttest: every step OK, the temporary sheet gone again.
    await page.getByRole('tab', { name: 'Einstellungen' }).click();
    await shot(page, theme, 'einstellungen');
    await page.getByRole('button', { name: 'Selbsttest starten' }).click();
    await page.getByText(/Alle \d+ Schritte OK\./).waitFor({ timeout: 60_000 });
    expect(await page.getByText(/Vorübergehendes Blatt „LeiKa-Selbsttest [a-z0-9]+“ gelöscht\./).first().isVisible()).toBe(true);
    expect((await summary(page)).sheets.map((s) => s.name)).toEqual(second.sheets.map((s) => s.name));
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, theme, 'selbsttest');

    // Vorlagen: a name Excel would refuse is explained; a new office sheet; Neues Berichtsjahr after confirming.
    await page.getByRole('tab', { name: 'Vorlagen' }).click();
    const name = page.getByRole('textbox', { name: /Name des Amtes/ });
    await name.fill(userSheets[1]!.toUpperCase());
    await page.getByText(/gibt es schon/).waitFor();
    await name.fill('Neues Amt');
    await page.getByRole('button', { name: 'Amtsblatt anlegen' }).click();
    await page.getByText('Blatt „Neues Amt“ angelegt.').waitFor();
    await page.getByRole('button', { name: 'Neues Berichtsjahr' }).click();
    await page.getByRole('button', { name: 'Spalten einfügen' }).click();
    // The rest of the page is aria-hidden while the dialog is open, until it has closed.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('aria-hidden'));
    await page.getByText(/Tabellen um das neue Jahr ergänzt\./).waitFor({ timeout: 60_000 });
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, theme, 'vorlagen');
    const after = await summary(page);
    expect(after.sheets.map((s) => s.name)).toContain('Neues Amt');
    const office = after.sheets.find((s) => s.name === userSheets.find((n) => before.sheets.find((b) => b.name === n)!.values.flat().some((v) => /Umsetzungsstatus 2024/.test(String(v)))))!;
    expect(office.values.flat()).toContain('Umsetzungsstatus 2025');
    await page.context().close();
  }, 300_000);
});
