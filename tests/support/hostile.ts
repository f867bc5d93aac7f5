import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Run, runMeasured } from './measured-cli';

export type { Run } from './measured-cli';

/*
 * Runs the CLI on files of the hostile corpus (scripts/make-hostile.js → tests/fixtures/hostile/)
 * as a user runs it, and checks what every hostile input must satisfy (issue 9): at most 10 s
 * CPU time and 1 GiB of memory (SPEC §2; peak resident memory of the child, measured by
 * max-rss.js), no hang (60 s wall-time limit),
 * the input's bytes unchanged, and for a refusal exit 2 with one German line (SPEC §6).
 */
export const ROOT = join(__dirname, '..', '..');
export const CORPUS = join(ROOT, 'tests', 'fixtures', 'hostile');
export const dir = mkdtempSync(join(tmpdir(), 'leika-hostile-'));

const SECONDS = 10;
const GIB = 1024 ** 3;

/** Runs the CLI on a copy of the corpus file (the corpus itself is never an input). */
export function run(file: string, ...args: string[]): Run & { input: string } {
  const input = join(dir, file);
  copyFileSync(join(CORPUS, file), input);
  return { ...runMeasured(input, args), input };
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

