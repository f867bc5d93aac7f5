/**
 * The Baustein opens in LibreOffice Writer with its table, picture and text (SPEC §9). Needs
 * `soffice` with Writer; skipped loudly without it, failing on CI.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { SaxesParser } from 'saxes';
import { buildBausteinDocx } from '../../src/cli/baustein';
import { demoEvaluation } from './support';

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSoffice) {
  if (process.env.CI) throw new Error('soffice (LibreOffice) is required on CI for tests/baustein/libreoffice.test.ts');
  console.warn('\n*** LibreOffice (soffice) not found: tests/baustein/libreoffice.test.ts is SKIPPED. ***\n');
}
const maybe = hasSoffice ? describe : describe.skip;

maybe('Baustein in LibreOffice Writer', () => {
  let dir: string;
  let profile: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leika-lo-docx-'));
    profile = mkdtempSync(join(tmpdir(), 'leika-lo-profile-'));
    writeFileSync(join(dir, 'Baustein.docx'), await buildBausteinDocx(demoEvaluation()));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  function convert(format: string, extension = format): string {
    const result = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', format, '--outdir', dir, join(dir, 'Baustein.docx')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const out = join(dir, `Baustein.${extension}`);
    if (!existsSync(out)) throw new Error(`soffice did not convert to ${format}: ${result.stdout} ${result.stderr}`);
    return out;
  }

  it('converts to a one-page PDF with the picture', () => {
    const pdf = readFileSync(convert('pdf')).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    expect(pdf).toMatch(/\/Subtype\s*\/Image/);
  });

  it('reads the table, the picture and the text', () => {
    const html = readFileSync(convert('xhtml'), 'utf8');
    const cells: string[] = [];
    const images: Record<string, string>[] = [];
    let text = '';
    let cell: string | undefined;
    let skip = 0;
    const parser = new SaxesParser({ xmlns: false });
    parser.on('opentag', (t) => {
      if (t.name === 'td' || t.name === 'th') cell = '';
      if (t.name === 'img') images.push(t.attributes as Record<string, string>);
      if (t.name === 'style' || t.name === 'head') skip++;
    });
    parser.on('closetag', (t) => {
      if ((t.name === 'td' || t.name === 'th') && cell !== undefined) {
        cells.push(cell.replace(/\s+/g, ' ').trim());
        cell = undefined;
      }
      if (t.name === 'style' || t.name === 'head') skip--;
    });
    parser.on('text', (t) => {
      if (skip > 0) return;
      if (cell !== undefined) cell += t;
      text += t;
    });
    parser.write(html.replace(/^<!DOCTYPE[^>]*>/i, '')).close();
    expect(cells).toEqual(expect.arrayContaining(['Umsetzungsstatus', '2023', '2024', 'Alle Dienstleistungen', '835', '1.187']));
    expect(images).toHaveLength(1);
    expect(text.replace(/\s+/g, ' ')).toContain('(2023: 7 LeiKa-Leistungen, 2024: 102 LeiKa-Leistungen); alle sind dem Cluster „PDF“ zuzuordnen.');
  });
});
