/**
 * Rendering check (issue 12): Monitoring and Vergleich of the demo report converted to PDF by
 * LibreOffice, each sheet on its own: A4 landscape, fit to width, Monitoring on at most two pages.
 * Needs `soffice`; skipped loudly without it, failing on CI.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import { evaluateWorkbook, reportSheets } from '../src/core/report';

const DEMO = join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) {
  if (process.env.CI) throw new Error('soffice (LibreOffice) is required on CI for tests/rendering.test.ts');
  console.warn('\n*** LibreOffice (soffice) not found: tests/rendering.test.ts is SKIPPED. ***\n');
}
const maybe = hasSoffice ? describe : describe.skip;

/** Page sizes of a PDF in points, read from its page objects' MediaBox (LibreOffice writes them uncompressed). */
function pages(pdf: string): { width: number; height: number }[] {
  return [...pdf.matchAll(/\/Type\s*\/Page[^s][\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

maybe('Monitoring and Vergleich printed by LibreOffice', () => {
  let dir: string;
  let profile: string;
  const pdfOf: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leika-render-'));
    profile = mkdtempSync(join(tmpdir(), 'leika-lo-profile-'));
    const sheets = reportSheets(evaluateWorkbook(readXlsx(readFileSync(DEMO)), { currentYear: 2026 }), { evaluatedAt: '2025-03-05' });
    for (const role of ['Monitoring', 'Vergleich'] as const) {
      writeFileSync(join(dir, `${role}.xlsx`), await writeReportWorkbook(sheets.filter((s) => s.role === role)));
      spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${role}.xlsx`)], {
        timeout: 120_000,
      });
      const pdf = join(dir, `${role}.pdf`);
      if (!existsSync(pdf)) throw new Error(`soffice did not convert ${role}.xlsx`);
      pdfOf[role] = readFileSync(pdf).toString('latin1');
    }
  }, 300_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('prints Monitoring on at most two A4 landscape pages', () => {
    const p = pages(pdfOf['Monitoring']!);
    expect(p.length).toBeGreaterThanOrEqual(1);
    expect(p.length).toBeLessThanOrEqual(2);
    for (const page of p) expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
  });

  it('prints Vergleich on A4 landscape pages, fit to width', () => {
    const p = pages(pdfOf['Vergleich']!);
    expect(p.length).toBeGreaterThanOrEqual(1);
    for (const page of p) expect([Math.round(page.width), Math.round(page.height)]).toEqual([842, 595]);
  });
});
