/**
 * File mode in a real browser (SPEC §7): headless Debian Chromium via playwright-core serves
 * dist/ over plain http, drives the page by its accessible names, downloads the report and
 * checks its Monitoring table with ExcelJS. Without /usr/bin/chromium the test is skipped
 * loudly, unless CI is set (then it fails).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readDocx } from '../baustein/docx-xml';
import { REFUSED } from '../support/hostile-cases';
import { SHARED_CATALOG } from '../support/requirements';
import { axeViolations, serve } from '../support/browser';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
/** Screenshots for docs/installation.md only with LEIKA_SCREENSHOTS=1 (`npm run screenshots`), never as a side effect of `npm test`. */
const SHOTS = process.env.LEIKA_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : undefined;
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name), fullPage });
}
const DEMO = path.join(ROOT, 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const CATALOG = SHARED_CATALOG;
const HOSTILE = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** office.js outside Office: loads, reports no host (what the real script does in a plain browser). */
const OFFICE_STUB = 'window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); } };';

const available = fs.existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`${CHROMIUM} fehlt: der Browsertest muss in CI laufen.`);
  console.warn(`\n!!! SKIPPED: browser test of file mode — ${CHROMIUM} not found. Install Debian chromium to run it. !!!\n`);
}
const maybe = available ? describe : describe.skip;

/** Two office sheets, a sheet that is not one, a hidden one: 2023 A:3 P:1 D:1, 2024 A:1 P:2 D:3 K:1 PiU:1 … */
async function workbookBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('Anleitung');
  info.addRow(['Bitte je Amt ein Blatt pflegen.']);
  const gesund = wb.addWorksheet('Gesundheitsamt');
  gesund.addRow(['Stand: 31.03.2024']);
  gesund.addRow(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024']);
  gesund.addRow(['99001001000000', 'Impfberatung', 'Analog', 'Digital']);
  gesund.addRow(['99001002000000', 'Belehrung', 'Papier', 'PDF']);
  gesund.addRow(['99001003000000', 'Trinkwasser', 'PDF-Formular', 'Online-Antrag']);
  gesund.addRow(['99001004000000', 'Hygiene', 'online', 'in Umsetzung']);
  const ordnung = wb.addWorksheet('Ordnungsamt');
  ordnung.addRow(['LeiKa-Schlüssel', 'Leistung', 'Status 2023', 'Status 2024']);
  ordnung.addRow(['99002001000000', 'Gewerbe', 'analog', 'Analog']);
  ordnung.addRow(['99002002000000', 'Fundsachen', '', 'kein Optimierungspotenzial']);
  ordnung.addRow(['99002003000000', 'Sondernutzung', '', 'PDF']);
  ordnung.addRow(['99002004000000', 'Jagdschein', '', 'Digital']);
  ordnung.addRow(['Summe', '', '', '']);
  const hidden = wb.addWorksheet('Alt', { state: 'hidden' });
  hidden.addRow(['LeiKa-Schlüssel', 'Leistung', 'Status 2024']);
  hidden.addRow(['99009999000000', 'Alt', 'PDF']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXPECTED: Record<string, [number, number]> = {
  Analog: [3, 1],
  'Kein Optimierungspotenzial': [0, 1],
  PDF: [1, 2],
  Digital: [1, 3],
  'Projekt in Umsetzung': [0, 1],
  'Alle Dienstleistungen': [5, 8],
};

maybe('file mode in Chromium', () => {
  let server: http.Server;
  let base: string;
  let browser: Browser;
  let tmp: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
      execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'inherit', timeout: 600_000 });
    }
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'leika-browser-'));
    fs.writeFileSync(path.join(tmp, 'Digitalisierungsübersicht.xlsx'), await workbookBytes());
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function open(officeJs: 'stub' | 'abort', dark = false, width = 420): Promise<{ page: Page; ms: number }> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width, height: 900 }, colorScheme: dark ? 'dark' : 'light', locale: 'de-DE' });
    // Nothing else may leave the machine. Registered first: Playwright runs the route registered last first.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    await context.route(OFFICE_JS, (route) => (officeJs === 'stub' ? route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB }) : route.abort()));
    // Every Content-Security-Policy violation of the page, for the tests to inspect.
    await context.addInitScript(() => {
      const w = window as unknown as { cspViolations: string[] };
      w.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${base}/taskpane.html`);
    await page.getByLabel('Arbeitsmappe öffnen').waitFor({ timeout: 3000 });
    return { page, ms: Date.now() - started };
  }

  async function evaluateAndDownload(page: Page, workbook = path.join(tmp, 'Digitalisierungsübersicht.xlsx')): Promise<string> {
    await page.getByLabel('Arbeitsmappe öffnen').setInputFiles(workbook);
    await page.getByRole('button', { name: 'Auswerten', exact: true }).click();
    const button = page.getByRole('button', { name: 'Ergebnis herunterladen', exact: true });
    await button.waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const target = path.join(tmp, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(target);
    return target;
  }

  /** The Monitoring year table of a downloaded report: label → one value per year (2023, 2024). */
  async function monitoringTable(file: string): Promise<Record<string, number[]>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Monitoring', 'Prüfhinweise', 'Gesamtliste']));
    const ws = wb.getWorksheet('Monitoring')!;
    const out: Record<string, number[]> = {};
    let header: unknown[] | undefined;
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === 'Umsetzungsstatus' && !header) header = values;
      else if (header && typeof values[0] === 'string' && !(values[0] in out) && typeof values[1] === 'number') out[values[0]] = values.slice(1, 3) as number[];
    });
    expect(header?.slice(0, 3)).toEqual(['Umsetzungsstatus', '2023', '2024']);
    return out;
  }

  async function sheetNames(file: string): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets.map((w) => w.name);
  }

  /**
   * The sheet names LibreOffice sees after opening the download and saving it as .ods
   * (the report must open in LibreOffice). Without soffice: skipped loudly, but never on CI.
   */
  function sheetsInLibreOffice(file: string): string[] | unknown {
    const found = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
    if (!found) {
      if (process.env['CI']) throw new Error('soffice (LibreOffice) is required on CI for the file-mode download check');
      console.warn('\n*** LibreOffice (soffice) not found: the file-mode download is not opened in LibreOffice. ***\n');
      return expect.anything();
    }
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'leika-lo-'));
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'leika-lo-profile-'));
    spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'ods', '--outdir', out, file], { timeout: 120_000 });
    const ods = path.join(out, path.basename(file).replace(/\.xlsx$/, '.ods'));
    if (!fs.existsSync(ods)) throw new Error(`LibreOffice could not open ${file}`);
    const content = strFromU8(unzipSync(fs.readFileSync(ods))['content.xml'] ?? new Uint8Array());
    return [...content.matchAll(/<table:table table:name="([^"]+)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }

  /** `node dist-node/cli/main.js <file> --json` (built by `npm run build:node`, which `npm test` runs first). */
  function cliJson(file: string): { years: number[]; total: Record<string, Record<string, number>> } {
    return JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'dist-node', 'cli', 'main.js'), file, '--json'], { encoding: 'utf8' }));
  }

  const violations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  it('reaches file mode within 3 s when office.js loads but reports no host, and reproduces the Monitoring table', async () => {
    const { page, ms } = await open('stub');
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    expect(ms).toBeLessThan(3000);
    await shot(page, 'dateimodus-start.png');
    const file = await evaluateAndDownload(page);
    await shot(page, 'dateimodus-ergebnis.png');
    // the result view passes axe in Chromium (WCAG 2 A/AA, colour contrast included)
    expect(await axeViolations(page)).toEqual([]);
    const table = await monitoringTable(file);
    for (const [label, values] of Object.entries(EXPECTED)) expect([label, table[label]]).toEqual([label, values]);
    // SPEC §7: nothing requested from any origin but the page's own (chunks, worker) and the Office CDN; no CSP violation on the way
    expect(requested.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('blob:') && u !== OFFICE_JS)).toEqual([]);
    expect(requested.some((u) => /\/leika-file-mode\.[0-9a-f]+\.js$/.test(u))).toBe(true);
    await expect(violations(page)).resolves.toEqual([]);
    await page.context().close();
  }, 120_000);

  it.each(['hell', 'dunkel'])('fits a 350 px pane in the %s theme: start, Monitoring, Vergleich and Prüfhinweise, each passing axe', async (theme) => {
    const width = 350;
    const { page } = await open('stub', theme === 'dunkel', width);
    /** Nothing runs off the side, no table scrolls sideways; with LEIKA_SCREENSHOTS=1 the view is saved. */
    const view = async (name: string): Promise<void> => {
      const sideways = await page.evaluate((w) => Math.max(0, document.documentElement.scrollWidth - w), width);
      expect([name, sideways]).toEqual([name, 0]);
      // the theme's background reaches every edge: no white frame around the dark pane
      const gaps = await page.evaluate(() => {
        // in page coordinates: clicking a button below the fold scrolls the page
        const r = document.querySelector('.fui-FluentProvider')!.getBoundingClientRect();
        return [r.left + window.scrollX, r.top + window.scrollY, document.documentElement.clientWidth - r.right];
      });
      expect([name, gaps]).toEqual([name, [0, 0, 0]]);
      const overflowing = await page.locator('table').evaluateAll((tables) => tables.filter((t) => t.parentElement!.scrollWidth > t.parentElement!.clientWidth).map((t) => t.getAttribute('aria-label')));
      expect([name, overflowing]).toEqual([name, []]);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, `dateimodus-${width}${theme === 'dunkel' ? '-dunkel' : ''}-${name}.png`);
    };
    await view('start');
    await evaluateAndDownload(page, DEMO);
    await view('ergebnis');
    await page.getByRole('tab', { name: 'Vergleich' }).click();
    await page.getByRole('heading', { name: 'Vergleich 2023 → 2024' }).waitFor();
    expect(await page.getByRole('table', { name: 'Verfeinerung im LeiKa' }).isVisible()).toBe(true);
    await view('vergleich');
    await page.getByRole('tab', { name: 'Prüfhinweise' }).click();
    await view('pruefhinweise');
    await page.context().close();
  }, 180_000);

  it('carries a Content-Security-Policy that lets office.js and the page run and nothing else', async () => {
    const { page } = await open('stub');
    const content = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const policy = Object.fromEntries(content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(policy['script-src']).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(policy['worker-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    // office.js, served from the Office CDN's address, ran under the policy
    await expect(page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).resolves.toBe('object');
    // what injected markup could try: an inline handler, a script from elsewhere (no 'unsafe-eval' either: script-src above)
    const pwned = await page.evaluate(async () => {
      const w = window as unknown as { pwned?: boolean };
      document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.pwned = true">');
      const script = document.createElement('script');
      script.src = 'https://angreifer.example/x.js';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 300));
      return w.pwned === true;
    });
    expect(pwned).toBe(false);
    const seen = await violations(page);
    expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-attr /), expect.stringMatching(/^script-src-elem https:\/\/angreifer\.example/)]));
    await page.context().close();
  }, 60_000);


  it('reaches file mode within 3 s when office.js cannot be loaded at all', async () => {
    const { page, ms } = await open('abort', true);
    expect(ms).toBeLessThan(3000);
    await shot(page, 'dateimodus-dunkel.png');
    const table = await monitoringTable(await evaluateAndDownload(page));
    expect(table['Alle Dienstleistungen']).toEqual([5, 8]);
    // the dark theme's result view passes axe too (disabled buttons keep readable contrast)
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('gives the CLI report for the demo workbook: the --json totals and the sheets Monitoring, Prüfhinweise, Gesamtliste, Vergleich', async () => {
    const { page } = await open('stub');
    const file = await evaluateAndDownload(page, DEMO);
    expect(await sheetNames(file)).toEqual(expect.arrayContaining(['Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich']));
    expect(sheetsInLibreOffice(file)).toEqual(expect.arrayContaining(['Monitoring', 'Prüfhinweise', 'Gesamtliste', 'Vergleich']));
    const cli = cliJson(DEMO);
    expect(cli.years).toEqual([2023, 2024]);
    const table = await monitoringTable(file);
    const labels = Object.keys(cli.total['2023']!).filter((k) => k !== 'Nicht zugeordnet' || cli.years.some((y) => cli.total[y]![k] !== 0));
    for (const label of labels) expect([label, table[label]]).toEqual([label, cli.years.map((y) => cli.total[y]![label])]);

    await page.getByRole('tab', { name: 'Vergleich' }).click();
    await page.getByRole('heading', { name: 'Vergleich 2023 → 2024' }).waitFor();
    await expect(page.getByRole('table', { name: 'Übergänge 2023 → 2024' }).getByRole('rowheader').first().textContent()).resolves.toBe('Analog');
    await expect(page.getByText(/die Verwaltungsleistung „Jagdschein“ im Vergleich zum Vorjahr weiter ausdifferenziert \(2023: 7 LeiKa-Leistungen, 2024: 102 LeiKa-Leistungen\)/).count()).resolves.toBe(1);
    // The tab as the user sees it: counts, transition matrix, the start of the refinement list.
    await page.setViewportSize({ width: 420, height: 1200 });
    await page.getByRole('tab', { name: 'Vergleich' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'dateimodus-vergleich.png', false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await page.context().close();
  }, 180_000);

  it('downloads the Baustein für die Mitteilungsvorlage as a Word document with table, chart picture and the §9 text', async () => {
    const { page } = await open('stub');
    await evaluateAndDownload(page, DEMO);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Baustein herunterladen', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('Baustein_Mitteilungsvorlage_2024.docx');
    const target = path.join(tmp, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(target);
    const doc = readDocx(new Uint8Array(fs.readFileSync(target)));
    expect(doc.rows[0]).toEqual({ cells: ['Umsetzungsstatus', '2023', '2024'], header: true });
    expect(doc.pictures).toHaveLength(1);
    expect(doc.parts.some((p) => /^word\/media\/.+\.png$/.test(p))).toBe(true);
    expect(doc.paragraphs.join(' ')).toContain('„Aufenthaltserlaubnis“ im Vergleich zum Vorjahr weiter ausdifferenziert (2023: 6 LeiKa-Leistungen, 2024: 181 LeiKa-Leistungen)');
    await page.context().close();
  }, 180_000);

  it('loads the shared LeiKa catalogue with „LeiKa-Katalog laden“ and uses it for the next Auswerten', async () => {
    // the shared extract: 4,813 services, 436 rows without key, 2 malformed keys (not taken from the product under test)
    const expected = { entries: 4813, withoutKey: 436, unusable: 2 };
    const { page } = await open('stub');
    await page.getByLabel('LeiKa-Katalog laden').setInputFiles(CATALOG);
    const stats = page.getByRole('table', { name: `Katalog „${path.basename(CATALOG)}“` });
    await stats.waitFor({ timeout: 30_000 });
    const value = (name: RegExp): Promise<string | null> => stats.getByRole('row', { name }).getByRole('cell').textContent();
    const de = (n: number): string => n.toLocaleString('de-DE');
    await expect(value(/^Leistungen übernommen/)).resolves.toBe(de(expected.entries));
    await expect(value(/^Zeilen ohne Schlüssel/)).resolves.toBe(de(expected.withoutKey));
    await expect(value(/^Unbrauchbare Zeilen/)).resolves.toBe(de(expected.unusable));
    await shot(page, 'dateimodus-katalog.png');

    const file = await evaluateAndDownload(page, DEMO);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const header = (wb.getWorksheet('Gesamtliste')!.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('LeiKa-Bezeichnung (Katalog)');
    await page.getByRole('tab', { name: 'Vergleich' }).click();
    await expect(page.getByText(/^Mit LeiKa-Katalog „leika_ozg_catalog_nrw_2019\.csv“/).count()).resolves.toBe(1);
    await page.context().close();
  }, 180_000);

  it.each([
    ['bombe-20-ueberlappende-eintraege.xlsx', /Einträge des ZIP-Archivs überlappen sich/],
    // 1 MB that unpacks to 1 GiB: the reader inflates up to the 512 MiB limit, seconds of work off the page's thread
    ['bombe-1gib-leerzeichen.xlsx', /zu groß: Entpackt ergibt sie mehr als 512 MiB/],
  ])('gives a message for the zip bomb %s while the page keeps answering', async (bomb, message) => {
    const { page } = await open('abort');
    await page.getByLabel('Arbeitsmappe öffnen').setInputFiles(path.join(HOSTILE, bomb));
    // A heartbeat on the page's thread: the longest gap between its ticks is how long the page froze.
    await page.evaluate(() => {
      const w = window as unknown as { longestFreeze: number };
      let last = performance.now();
      w.longestFreeze = 0;
      setInterval(() => {
        const now = performance.now();
        w.longestFreeze = Math.max(w.longestFreeze, now - last);
        last = now;
      }, 50);
    });
    await page.getByRole('button', { name: 'Auswerten', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 90_000 });
    await page.waitForTimeout(200);
    const longestFreeze = await page.evaluate(() => (window as unknown as { longestFreeze: number }).longestFreeze);
    expect(longestFreeze).toBeLessThan(1500);
    await expect(alert.textContent()).resolves.toMatch(message);
    // still usable: the next file is evaluated
    await evaluateAndDownload(page);
    await page.context().close();
  }, 180_000);

  it('shows the German message for every refused file of the hostile corpus, and stays usable', async () => {
    const { page } = await open('abort');
    for (const [file, message] of REFUSED) {
      await page.reload();
      await page.getByLabel('Arbeitsmappe öffnen').setInputFiles(path.join(HOSTILE, file));
      await page.getByRole('button', { name: 'Auswerten', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 60_000 });
      expect([file, await alert.textContent()]).toEqual([file, expect.stringMatching(message)]);
    }
    expect(await monitoringTable(await evaluateAndDownload(page))).toHaveProperty('Alle Dienstleistungen', [5, 8]);
    await page.context().close();
  }, 300_000);

  it('shows the reason for a file that is not a workbook', async () => {
    const { page } = await open('abort');
    const bad = path.join(tmp, 'kaputt.xlsx');
    fs.writeFileSync(bad, 'kein zip');
    await page.getByLabel('Arbeitsmappe öffnen').setInputFiles(bad);
    await page.getByRole('button', { name: 'Auswerten', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/\S/);
    await page.context().close();
  }, 60_000);
});
