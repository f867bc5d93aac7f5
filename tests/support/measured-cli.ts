import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportNodeOptions } from '../../src/bench/report-command';

/*
 * Runs the CLI (`dist-node/cli/main.js`) in a fresh Node process as a user runs it (with the
 * Node options of `npm run report`), with max-rss.js preloaded: the child's CPU time and peak resident memory, as the issues' budgets
 * for hostile inputs are stated. CPU time, unlike wall time, does not grow on a busy machine;
 * wall time is only bounded by the spawn time-out (a hang).
 */
const MAIN = join(__dirname, '..', '..', 'dist-node', 'cli', 'main.js');
const MAX_RSS = join(__dirname, 'max-rss.js');
const OPTIONS = reportNodeOptions(JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts?: Record<string, string> });

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** CPU time of the child (user + system): the work it did, whoever else uses the machine. */
  seconds: number;
  /** Wall time; only bounded by the spawn time-out (a hang), since a busy machine stretches it. */
  wallSeconds: number;
  peakBytes: number;
}

export function runMeasured(input: string, args: readonly string[], timeoutMs = 60_000): Run {
  const tmp = mkdtempSync(join(tmpdir(), 'leika-rss-'));
  const rssFile = join(tmp, 'rss.json');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...OPTIONS, '-r', MAX_RSS, MAIN, input, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, LEIKA_MAX_RSS_FILE: rssFile },
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { peakBytes: number; cpuSeconds: number }) : { peakBytes: Number.NaN, cpuSeconds: Number.NaN };
  rmSync(tmp, { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: usage.cpuSeconds, wallSeconds, peakBytes: usage.peakBytes };
}
