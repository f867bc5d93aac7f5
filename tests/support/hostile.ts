import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Runs the CLI on files of the hostile corpus (scripts/make-hostile.js → tests/fixtures/hostile/)
 * as a user runs it, and checks what every hostile input must satisfy (issue 9): at most 10 s
 * CPU time and 1 GiB of memory (SPEC §2; peak resident memory of the child, measured by
 * max-rss.js), no hang (60 s wall-time limit),
 * the input's bytes unchanged, and for a refusal exit 2 with one German line (SPEC §6).
 */
export const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist-node', 'cli', 'main.js');
const MAX_RSS = join(__dirname, 'max-rss.js');
export const CORPUS = join(ROOT, 'tests', 'fixtures', 'hostile');
export const dir = mkdtempSync(join(tmpdir(), 'leika-hostile-'));

const SECONDS = 10;
const GIB = 1024 ** 3;

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

/** Runs the CLI on a copy of the corpus file (the corpus itself is never an input). */
export function run(file: string, ...args: string[]): Run & { input: string } {
  const input = join(dir, file);
  copyFileSync(join(CORPUS, file), input);
  const rssFile = join(dir, `${file}.rss`);
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', MAX_RSS, MAIN, input, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LEIKA_MAX_RSS_FILE: rssFile },
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { peakBytes: number; cpuSeconds: number }) : { peakBytes: Number.NaN, cpuSeconds: Number.NaN };
  rmSync(rssFile, { force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, seconds: usage.cpuSeconds, wallSeconds, peakBytes: usage.peakBytes, input };
}

/** What every hostile input must satisfy, whatever its outcome. */
export function expectWithinBudget(file: string, r: Run & { input: string }): void {
  expect({ file, seconds: r.seconds <= SECONDS, peakUnder1GiB: r.peakBytes <= GIB }).toEqual({ file, seconds: true, peakUnder1GiB: true });
  expect(readFileSync(r.input).equals(readFileSync(join(CORPUS, file)))).toBe(true);
}

export function expectRefused(r: Run, message: RegExp): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: expect.stringMatching(message) });
  expect(r.stderr).toMatch(/^Fehler: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+|\b(the|is|not|error|invalid|unexpected|failed|cannot)\b/i);
  expect(r.stdout).toBe('');
}

