import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { reportNodeOptions } from '../src/bench/report-command';

/*
 * The CLI users run is one bundled file, dist-node/cli/main.js (webpack.cli.config.js; npm test
 * builds it first), with the writers as chunks beside it: what a run loads, what a missing chunk
 * does, the source map that `node --enable-source-maps` reads, and the Node options of
 * `npm run report` (which the benchmark starts the CLI with).
 */
const ROOT = join(__dirname, '..');
const CLI_DIR = join(ROOT, 'dist-node', 'cli');
const MAIN = join(CLI_DIR, 'main.js');
const DEMO = join(ROOT, 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');

let tmp: string;
let preload: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'leika-cli-bundle-'));
  preload = join(tmp, 'loaded.js');
  // on exit, the module files the run loaded (Node's CommonJS cache), without this file itself
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(process.env.LEIKA_LOADED_FILE, JSON.stringify(Object.keys(require.cache).filter((f) => f !== __filename))));\n`,
  );
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(main: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string; loaded: string[] } {
  const loadedFile = join(tmp, 'loaded.json');
  rmSync(loadedFile, { force: true });
  const r = spawnSync(process.execPath, ['-r', preload, main, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LEIKA_LOADED_FILE: loadedFile } });
  const loaded = existsSync(loadedFile) ? (JSON.parse(readFileSync(loadedFile, 'utf8')) as string[]) : [];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

test('--json loads the one bundled file and nothing else: no writer, no package from node_modules', () => {
  const r = run(MAIN, [DEMO, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toHaveProperty('total');
  expect(r.loaded).toEqual([MAIN]);
});

test('--out loads the report chunk beside it, with ExcelJS inside, and writes the report', () => {
  const out = join(tmp, 'Bericht.xlsx');
  const r = run(MAIN, [DEMO, '--out', out]);
  expect(r.code).toBe(0);
  expect(r.loaded).toEqual([MAIN, join(CLI_DIR, 'chunk-report.js')]);
  expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
});

test('--out with a part over 1 MiB, compressed in a worker thread whose code fflate builds from its own source text, writes every row', async () => {
  const SERVICES = 4000;
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Bauamt');
  sheet.addRow(['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2023', 'Umsetzungsstatus 2024']);
  for (let i = 0; i < SERVICES; i++) sheet.addRow([String(99_001_000_000_000 + i), `Leistung ${i}`, 'Papier', 'online']);
  const input = join(tmp, 'gross.xlsx');
  await wb.xlsx.writeFile(input);
  const out = join(tmp, 'gross-bericht.xlsx');
  const r = run(MAIN, [input, '--out', out]);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  const bytes = readFileSync(out);
  // from 1 MiB on, src/adapters/xlsx/package/zip.ts deflates a part in a worker thread (in Node)
  expect(Math.max(...Object.values(unzipSync(bytes)).map((part) => part.length))).toBeGreaterThan(1 << 20);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const names = (back.getWorksheet('Gesamtliste')!.getSheetValues() as unknown[][]).slice(2).map((row) => row[4]);
  const expected = Array.from({ length: SERVICES }, (_, i) => `Leistung ${i}`);
  expect(names).toHaveLength(2 * SERVICES);
  expect(new Set(names)).toEqual(new Set(expected));
}, 120_000);

test('a writer chunk missing from the installation ends in the German defect line (exit 1) and writes nothing', () => {
  const dir = mkdtempSync(join(tmp, 'no-chunk-'));
  copyFileSync(MAIN, join(dir, 'main.js'));
  const out = join(dir, 'Bericht.xlsx');
  const r = run(join(dir, 'main.js'), [DEMO, '--out', out]);
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 1, stdout: '' });
  expect(r.stderr).toBe('Fehler: Interner Fehler des LeiKa-Monitors (Error); die Auswertung wurde abgebrochen. Bitte melden Sie diesen Fall dem Amt für Digitalisierung.\n');
  expect(readdirSync(dir)).toEqual(['main.js']);
});

test('with --enable-source-maps a place in the bundle maps back to its TypeScript source', () => {
  // where the bundle defines defectLine, and where src/cli/run.ts does
  const source = readFileSync(join(ROOT, 'src', 'cli', 'run.ts'), 'utf8').split('\n');
  const sourceLine = source.findIndex((l) => l.startsWith('export function defectLine('));
  const script = `
    const main = ${JSON.stringify(MAIN)};
    process.argv = [process.argv[0], main, '--help'];
    require(main);
    const lines = require('node:fs').readFileSync(main, 'utf8').split('\\n');
    const line = lines.findIndex((l) => l.includes('function defectLine('));
    const entry = require('node:module').findSourceMap(main).findEntry(line, lines[line].indexOf('defectLine'));
    process.stderr.write(JSON.stringify(entry));`;
  const r = spawnSync(process.execPath, ['--enable-source-maps', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status).toBe(0);
  expect(sourceLine).toBeGreaterThan(0);
  expect(JSON.parse(r.stderr)).toMatchObject({ originalSource: pathToFileURL(join(ROOT, 'src', 'cli', 'run.ts')).href, originalLine: sourceLine });
});

test('npm run report starts the bundle with Node options this Node accepts, the same result, and the benchmark starts it alike', () => {
  const options = reportNodeOptions(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> });
  // a young generation of 2 MB: fewer fresh pages, which cost much on the benchmark machine; a
  // smaller inlining budget: smaller optimising compiles in a run of one second (docs/performance.md)
  expect(options).toEqual(['--max-semi-space-size=2', '--max-inlined-bytecode-size-cumulative=300']);
  const withOptions = spawnSync(process.execPath, [...options, MAIN, DEMO, '--json'], { encoding: 'utf8', timeout: 60_000 });
  const plain = spawnSync(process.execPath, [MAIN, DEMO, '--json'], { encoding: 'utf8', timeout: 60_000 });
  expect({ code: withOptions.status, stderr: withOptions.stderr }).toEqual({ code: 0, stderr: '' });
  expect(withOptions.stdout).toBe(plain.stdout);
  // a script of another form would have the benchmark time another command
  expect(reportNodeOptions({ scripts: { report: 'node dist-node/cli/main.js' } })).toEqual([]);
  for (const report of ['node dist-node/cli/demo.js', 'npx tsx src/cli/main.ts', 'node --x dist-node/cli/main.js --json', undefined]) {
    expect(() => reportNodeOptions({ scripts: report === undefined ? {} : { report } })).toThrow(/"report"/);
  }
});
