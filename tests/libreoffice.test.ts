/**
 * The report workbook opens in LibreOffice and its chart is a real chart there (SPEC §5:
 * "LibreOffice must render it"). Needs `soffice`: without it the suite fails on CI and is
 * skipped elsewhere, with the reason in its title.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { strFromU8, unzipSync } from 'fflate';
import { buildOutputSheets } from '../src/core/outputs';
import { writeReportWorkbook } from '../src/adapters/xlsx/writer';
import { publishedAnalysis } from './contract/fixtures';
import { describeIfAvailable, sofficeMissing } from './support/requirements';

describeIfAvailable(sofficeMissing(), 'report workbook in LibreOffice', () => {
  let dir: string;
  let profile: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leika-lo-'));
    // A private profile, so a LibreOffice already running (or a parallel test) does not swallow the call.
    profile = mkdtempSync(join(tmpdir(), 'leika-lo-profile-'));
    const bytes = await writeReportWorkbook(buildOutputSheets(publishedAnalysis(), { evaluatedAt: '2025-03-05' }), {
      sourceFileName: 'Digitalisierung 2024.xlsx',
    });
    writeFileSync(join(dir, 'bericht.xlsx'), bytes);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  function convert(format: string): string {
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', format, '--outdir', dir, join(dir, 'bericht.xlsx')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    const out = join(dir, `bericht.${format}`);
    if (!existsSync(out)) throw new Error(`soffice did not convert to ${format}: ${result.stdout} ${result.stderr}`);
    return out;
  }

  it('converts to PDF', () => {
    const pdf = readFileSync(convert('pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('reads the chart as a bar chart over the Monitoring year table', () => {
    const ods = unzipSync(readFileSync(convert('ods')));
    const content = strFromU8(ods['content.xml'] ?? new Uint8Array());
    expect(content).toMatch(/<draw:object[^>]*Monitoring\.A7:Monitoring\.A11/);
    const objects = Object.keys(ods).filter((p) => /^Object \d+\/content\.xml$/.test(p));
    expect(objects).toHaveLength(1);
    const chart = strFromU8(ods[objects[0] ?? ''] ?? new Uint8Array());
    expect(chart).toContain('chart:class="chart:bar"');
    expect(chart).toContain('Dienstleistungen nach Umsetzungsstatus');
    expect(content).toContain('Alle Dienstleistungen');
  });
});
