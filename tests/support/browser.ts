/*
 * The page in headless Debian Chromium (playwright-core, never a downloaded browser): dist/
 * served over plain http, office.js answered by a stub that reports no host (file mode) and
 * every other origin refused.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const AXE = require.resolve('axe-core/axe.min.js');
const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** office.js outside Office: loads, reports no host (what the real script does in a plain browser). */
const OFFICE_STUB = 'window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); } };';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

/** True where Chromium is installed; on CI its absence is an error, elsewhere a loud skip. */
export function chromiumAvailable(what: string): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} fehlt: der Browsertest muss in CI laufen.`);
  console.warn(`\n!!! SKIPPED: ${what} — ${CHROMIUM} not found. Install Debian chromium to run it. !!!\n`);
  return false;
}

/** Serves the files of `dir` (`/` is taskpane.html) on a free port of 127.0.0.1. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = path.join(dir, decodeURIComponent(url.pathname === '/' ? '/taskpane.html' : url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface FileModePage {
  readonly browser: Browser;
  /** A new page in file mode, with downloads allowed. */
  open(): Promise<Page>;
  close(): Promise<void>;
}

/** Builds dist/ where missing, serves it and launches Chromium. */
export async function startFileMode(): Promise<FileModePage> {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: ROOT, stdio: 'inherit', timeout: 600_000 });
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  return {
    browser,
    async open() {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 420, height: 900 }, locale: 'de-DE' });
      await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB }));
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${base}/taskpane.html`);
      await page.getByLabel('Arbeitsmappe öffnen').waitFor({ timeout: 3000 });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * axe-core injected into the page, WCAG 2 A/AA rules, colour contrast included. Fluent's focus
 * sentinels (`data-tabster-dummy`: aria-hidden and focusable on purpose, they pass focus on at
 * once) are a documented false positive of aria-hidden-focus (microsoft/tabster#288,
 * microsoft/fluentui#25133) and are left out.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are measured once entrance animations (fades) have ended; spinners run forever and do not count.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
  // evaluated through the DevTools protocol, not as a <script> tag: the page's CSP forbids inline scripts
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    return axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 200)).join(' ')}`);
}
