import { existsSync, createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

/*
 * File mode in Chromium on the benchmark workbook, as a user runs it: the built task pane
 * (dist/, `npm run build`) served locally, office.js answering "no host", the file chosen,
 * „Auswerten“ clicked; timed until the result is on screen (the Monitoring table) and until its
 * report workbook can be downloaded („Ergebnis herunterladen“ enabled).
 */
const CHROMIUM = '/usr/bin/chromium';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_STUB = 'window.Office = { HostType: { Excel: "Excel" }, onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); } };';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml' };

/** Why file mode cannot be measured here, or undefined when it can. */
export function fileModeUnavailable(dist: string): string | undefined {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} fehlt`;
  if (!existsSync(join(dist, 'taskpane.html'))) return 'dist/ fehlt (npm run build)';
  return undefined;
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface FileModeRun {
  /** Seconds from „Auswerten“ to the result on screen. */
  readonly result: number;
  /** Seconds from „Auswerten“ to the report workbook ready for download. */
  readonly report: number;
}

/** One timing per run. */
export async function timeFileMode(dist: string, workbook: string, runs: number): Promise<FileModeRun[]> {
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const seconds: FileModeRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'de-DE' });
      await context.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB }));
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`);
      await page.getByLabel('Arbeitsmappe öffnen').setInputFiles(workbook);
      const start = performance.now();
      await page.getByRole('button', { name: 'Auswerten', exact: true }).click();
      await page.getByRole('table', { name: 'Monitoring-Tabelle' }).waitFor({ timeout: 300_000 });
      const result = (performance.now() - start) / 1000;
      await page.getByRole('button', { name: 'Ergebnis herunterladen', exact: true, disabled: false }).waitFor({ timeout: 300_000 });
      seconds.push({ result, report: (performance.now() - start) / 1000 });
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return seconds;
}
