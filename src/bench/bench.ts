import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchWorkbook } from './generate';

/*
 * `npm run bench`: generates a workbook of 100,000 service rows over 40 sheets and times the
 * CLI on it, as a user runs it (a fresh Node process each time): the plain table (counting
 * only), --json (with the year comparison) and --out (the report workbook); then pandas +
 * openpyxl doing the same counting, where Debian's python3-pandas and python3-openpyxl are installed.
 * Prints the median of three runs and the peak memory (max RSS).
 */
const ROWS = Number(process.env['BENCH_ROWS'] ?? 100_000);
const SHEETS = Number(process.env['BENCH_SHEETS'] ?? 40);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

interface Run {
  seconds: number;
  maxRssMb: number;
}

function runOnce(args: string[]): Run {
  const script = join(__dirname, 'run-once.js');
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`CLI failed (${result.status}): ${result.stderr}`);
  const line = result.stderr.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Run;
}

/** pandas + openpyxl on the same workbook (Debian: python3-pandas, python3-openpyxl), or undefined without them. */
function pandasBaseline(input: string): { seconds: number[]; totals: Record<string, Record<string, number>> } | undefined {
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import pandas, openpyxl']).status !== 0) return undefined;
  const script = join(__dirname, '..', '..', 'bench', 'pandas_baseline.py');
  const seconds: number[] = [];
  let totals: Record<string, Record<string, number>> = {};
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(python, [script, input], { encoding: 'utf8' });
    seconds.push((performance.now() - start) / 1000);
    if (result.status !== 0) throw new Error(`pandas baseline failed: ${result.stderr}`);
    totals = JSON.parse(result.stdout) as Record<string, Record<string, number>>;
  }
  return { seconds, totals };
}

/** The CLI's totals without the zero and sum entries, keyed like the pandas output. */
function cliTotals(input: string): Record<string, Record<string, number>> {
  const result = spawnSync(process.execPath, [join(__dirname, '..', 'cli', 'main.js'), input, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const json = JSON.parse(result.stdout) as { total: Record<string, Record<string, number>> };
  return Object.fromEntries(
    Object.entries(json.total).map(([year, counts]) => [
      year,
      Object.fromEntries(Object.entries(counts).filter(([k, n]) => n !== 0 && k !== 'Alle Dienstleistungen').sort(([a], [b]) => a.localeCompare(b))),
    ]),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leika-bench-'));
  const input = join(dir, 'bench.xlsx');
  const t0 = Date.now();
  await writeBenchWorkbook(input, ROWS, SHEETS);
  console.log(`Benchmark-Arbeitsmappe: ${ROWS} Zeilen in ${SHEETS} Blättern, ${(statSync(input).size / 1e6).toFixed(1)} MB (erzeugt in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  for (const [label, args] of [
    ['report', [input]],
    ['report --json', [input, '--json']],
    ['report --out', [input, '--out', join(dir, 'bericht.xlsx')]],
  ] as const) {
    const runs = Array.from({ length: RUNS }, () => runOnce([...args]));
    const seconds = median(runs.map((r) => r.seconds));
    const rss = Math.max(...runs.map((r) => r.maxRssMb));
    console.log(`${label.padEnd(14)} Median ${seconds.toFixed(2)} s über ${RUNS} Läufe (${runs.map((r) => r.seconds.toFixed(2)).join(', ')}), max. Speicher ${rss.toFixed(0)} MB`);
  }
  const pandas = pandasBaseline(input);
  if (!pandas) {
    console.log('pandas + openpyxl: nicht installiert (apt-get install python3-pandas python3-openpyxl), Vergleich übersprungen.');
    return;
  }
  const same = JSON.stringify(pandas.totals) === JSON.stringify(cliTotals(input));
  console.log(
    `${'pandas+openpyxl'.padEnd(14)} Median ${median(pandas.seconds).toFixed(2)} s über ${RUNS} Läufe (${pandas.seconds.map((s) => s.toFixed(2)).join(', ')}), ` +
      `gleiche Summen wie die Kommandozeile: ${same ? 'ja' : 'NEIN'}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
