import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileModeUnavailable, timeFileMode } from './file-mode';
import { writeBenchWorkbook } from './generate';
import { reportNodeOptions } from './report-command';

/*
 * `npm run bench`: generates a workbook of 100,000 service rows over 40 sheets and times, as
 * a user runs them (a fresh process each time, median of five runs, peak memory = max RSS):
 * the CLI's plain table, `--json` and `--out`; SheetJS (`xlsx` from npm) and pandas + openpyxl
 * reading and counting the same file (bench/, src/bench/sheetjs-baseline.ts). All tools must
 * agree on the totals. Ends with the budgets of issue 8 and whether each is met.
 */
const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const SHEETS = Number(process.env['BENCH_SHEETS'] ?? 40);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

interface Run {
  seconds: number;
  maxRssMb: number;
  stdout: string;
}

/** One process, timed by the wall clock; peak memory from the kernel's accounting of the child (Linux). */
function timed(command: string, args: readonly string[]): Run {
  const start = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { seconds, maxRssMb: kb / 1024, stdout: r.stdout };
}

interface Measured {
  label: string;
  seconds: number;
  runs: number[];
  maxRssMb: number;
  totals?: string;
}

function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

interface Job {
  label: string;
  command: string;
  args: readonly string[];
  totals?: (stdout: string) => string;
}

/**
 * Runs every job RUNS times, round by round (each job once per round): this machine's speed
 * drifts by up to a fifth from one minute to the next, and tools timed one after the other
 * compared a tool's slow minutes with another's fast ones (docs/performance.md).
 */
function measureAll(jobs: readonly Job[]): Measured[] {
  const runs: Run[][] = jobs.map(() => []);
  for (let round = 0; round < RUNS; round++) jobs.forEach((job, j) => runs[j]!.push(timed(job.command, job.args)));
  return jobs.map(({ label, totals }, j) => {
    const mine = runs[j]!;
    return {
      label,
      seconds: median(mine.map((r) => r.seconds)),
      runs: mine.map((r) => r.seconds),
      maxRssMb: Math.max(...mine.map((r) => r.maxRssMb)),
      ...(totals ? { totals: totals(mine[0]!.stdout) } : {}),
    };
  });
}

/** The CLI's totals without zero and sum entries, keyed like the baselines' output. */
function cliTotals(stdout: string): string {
  const json = JSON.parse(stdout) as { total: Record<string, Record<string, number>> };
  return canonical(
    Object.fromEntries(Object.entries(json.total).map(([year, counts]) => [year, Object.fromEntries(Object.entries(counts).filter(([k, n]) => n !== 0 && k !== 'Alle Dienstleistungen'))])),
  );
}

function canonical(totals: Record<string, Record<string, number>>): string {
  const sortedEntries = <T>(o: Record<string, T>): [string, T][] => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(sortedEntries(totals).map(([y, c]) => [y, sortedEntries(c)]));
}

const fmt = (n: number, digits = 2): string => n.toFixed(digits).replace('.', ',');

async function main(): Promise<void> {
  const hasTime = spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;
  if (!hasTime) throw new Error('/usr/bin/time fehlt (Debian-Paket time)');
  const dir = mkdtempSync(join(tmpdir(), 'leika-bench-'));
  const input = join(dir, 'bench.xlsx');
  const t0 = Date.now();
  await writeBenchWorkbook(input, ROWS, SHEETS);
  console.log(`Benchmark-Arbeitsmappe: ${ROWS} Zeilen in ${SHEETS} Blättern, ${fmt(statSync(input).size / 1e6, 1)} MB (erzeugt in ${fmt((Date.now() - t0) / 1000, 1)} s); ${RUNS} Läufe je Werkzeug, reihum`);
  // the CLI as `npm run report` starts it (its Node options), SheetJS as plain `node`
  const options = reportNodeOptions(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts?: Record<string, string> });
  console.log(`Kommandozeile wie \`npm run report\`: node ${[...options, 'dist-node/cli/main.js'].join(' ')}`);
  const main = [...options, join(__dirname, '..', 'cli', 'main.js')];
  const node = process.execPath;
  const baselineTotals = (out: string): string => canonical(JSON.parse(out) as Record<string, Record<string, number>>);
  const jobs: Job[] = [
    { label: 'report (Tabelle)', command: node, args: [...main, input] },
    { label: 'report --json', command: node, args: [...main, input, '--json'], totals: cliTotals },
    { label: 'report --out', command: node, args: [...main, input, '--out', join(dir, 'bericht.xlsx'), '--force'] },
    { label: 'SheetJS (xlsx)', command: node, args: [join(__dirname, 'sheetjs-baseline.js'), input], totals: baselineTotals },
  ];
  // for comparison only (the budget compares with SheetJS as its users start it)
  if (options.length > 0) jobs.push({ label: `SheetJS mit ${options.join(' ')}`, command: node, args: [...options, join(__dirname, 'sheetjs-baseline.js'), input], totals: baselineTotals });
  const python = '/usr/bin/python3';
  const pandas = spawnSync(python, ['-c', 'import pandas, openpyxl']).status === 0;
  if (pandas) jobs.push({ label: 'pandas+openpyxl', command: python, args: [join(__dirname, '..', '..', 'bench', 'pandas_baseline.py'), input], totals: baselineTotals });
  else console.log('pandas + openpyxl: nicht installiert (apt-get install python3-pandas python3-openpyxl), Vergleich übersprungen.');
  const results = measureAll(jobs);
  const dist = join(__dirname, '..', '..', 'dist');
  const noFileMode = fileModeUnavailable(dist);
  let fileMode: number | undefined;
  if (noFileMode) console.log(`Dateimodus: nicht gemessen (${noFileMode}).`);
  else {
    const runs = await timeFileMode(dist, input, RUNS);
    fileMode = median(runs.map((r) => r.result));
    results.push({ label: 'Dateimodus: Ergebnis (Chromium)', seconds: fileMode, runs: runs.map((r) => r.result), maxRssMb: Number.NaN });
    results.push({ label: 'Dateimodus: Ergebnisdatei', seconds: median(runs.map((r) => r.report)), runs: runs.map((r) => r.report), maxRssMb: Number.NaN });
  }
  console.log('');
  console.log('| Lauf | Median | Läufe | max. Speicher |');
  console.log('|---|---|---|---|');
  for (const r of results) console.log(`| ${r.label} | ${fmt(r.seconds)} s | ${r.runs.map((s) => fmt(s)).join(' / ')} | ${Number.isNaN(r.maxRssMb) ? '–' : `${r.maxRssMb.toFixed(0)} MB`} |`);

  const json = results[1]!;
  const sheetjs = results[3]!;
  const py = results.find((r) => r.label === 'pandas+openpyxl');
  const same = results.filter((r) => r.totals !== undefined).every((r) => r.totals === json.totals);
  const budgets: [string, boolean, string][] = [
    ['--json ≤ 1,2 s (Median)', json.seconds <= 1.2, `${fmt(json.seconds)} s`],
    ['--json ≤ 0,4 × SheetJS', json.seconds <= 0.4 * sheetjs.seconds, `${fmt(json.seconds / sheetjs.seconds)} ×`],
    ['--json ≤ 0,2 × pandas', py ? json.seconds <= 0.2 * py.seconds : false, py ? `${fmt(json.seconds / py.seconds)} ×` : 'nicht gemessen'],
    ['--json ≤ 300 MB Speicher', json.maxRssMb <= 300, `${json.maxRssMb.toFixed(0)} MB`],
    ['Dateimodus ≤ 3 s bis zum Ergebnis', fileMode !== undefined && fileMode <= 3, fileMode !== undefined ? `${fmt(fileMode)} s` : 'nicht gemessen'],
    ['gleiche Summen in allen Werkzeugen', same, same ? 'ja' : 'NEIN'],
  ];
  console.log('');
  console.log('| Vorgabe (Issue 8) | erfüllt | gemessen |');
  console.log('|---|---|---|');
  for (const [what, ok, value] of budgets) console.log(`| ${what} | ${ok ? 'ja' : 'NEIN'} | ${value} |`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
