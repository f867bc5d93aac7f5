/*
 * The small hostile files of issue 8 through the command line as a user runs it (a fresh Node
 * process, tests/support/measured-cli.ts measures time and peak memory): each ends at once in
 * exit 2 with one German line, or in a result, within the budgets (≤ 5 s, ≤ 500 MB),
 * checked here with generous margins for a loaded machine.
 */
import { join } from 'node:path';
import { runMeasured } from './support/measured-cli';

const READER = join(__dirname, 'fixtures', 'reader');

function run(file: string): { code: number | null; lines: string[]; seconds: number; maxRssMb: number } {
  const r = runMeasured(join(READER, file), ['--json']);
  return { code: r.code, lines: r.stderr.trim().split('\n'), seconds: r.wallSeconds, maxRssMb: r.peakBytes / 1024 ** 2 };
}

describe('heap files (issue 8)', () => {
  it('refuses a row numbered 4,000,000,000 at once with exit 2 and one German line', () => {
    const r = run('heap-row-4000000000.xlsx');
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([expect.stringContaining('Zeile 4000000000')]);
    expect(r.seconds).toBeLessThan(3);
  });

  it.each(['heap-merge-whole-sheet.xlsx', 'heap-column-xfd.xlsx'])('reads %s within 5 s and 500 MB', (file) => {
    const r = run(file);
    // the merged sheet is an office sheet (its header merged over all of it); the XFD sheet has no header
    expect([0, 2]).toContain(r.code);
    expect(r.lines.join('\n')).not.toMatch(/heap|FATAL|at .*\.js/);
    expect(r.seconds).toBeLessThan(10);
    expect(r.maxRssMb).toBeLessThan(500);
  });

  it('counts an office sheet with one value in column XFD on each of 60,000 rows within 5 s CPU time and 500 MB', () => {
    // header A1:C1 and two services (PDF, digital) in rows 2–3; every row 1–60,000 also holds a number in XFD
    const r = runMeasured(join(READER, 'heap-column-xfd-office.xlsx'), ['--json'], 90_000);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const counts = { Analog: 0, 'Kein Optimierungspotenzial': 0, PDF: 1, Digital: 1, 'Projekt in Umsetzung': 0, 'Nicht zugeordnet': 0, 'Alle Dienstleistungen': 2 };
    const result = JSON.parse(r.stdout) as { reportYear: number; total: unknown; offices: unknown; findings: unknown[] };
    expect(result).toMatchObject({ reportYear: 2024, total: { 2024: counts }, offices: [{ office: 'Amt A', counts: { 2024: counts } }], findings: [] });
    expect({ cpuSeconds: r.seconds <= 5, peakUnder500MB: r.peakBytes <= 500 * 1024 ** 2 }).toEqual({ cpuSeconds: true, peakUnder500MB: true });
  }, 120_000);

  it.each([
    ['limit-unpacked.xlsx', '512 MiB'],
    ['limit-cells.xlsx', '5.000.000'],
    ['limit-merged-cells.xlsx', '5.000.000'],
  ])('refuses %s with exit 2, one German line naming the limit, and stays below 1 GiB', (file, limit) => {
    const r = run(file);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([expect.stringContaining(limit)]);
    expect(r.maxRssMb).toBeLessThan(1024);
  });
});
