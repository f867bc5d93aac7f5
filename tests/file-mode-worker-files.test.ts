/**
 * File mode with several office files (SPEC §10) behind the worker protocol: each file read in a
 * worker of its own, then evaluated together in one more (the worker's code runs in this
 * process; the real Worker in Chromium is tested in tests/browser/office-files.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluateFileInWorker } from '../src/taskpane/pipeline/file';
import { InProcessWorker } from './support/in-process-worker';
import { FOLDER_ORDER, NOT_A_WORKBOOK, asDemo, demoJson, jsonOf, makeOfficeFileSet, severalFileFindings } from './support/office-files';

let dir: string;
beforeAll(async () => {
  dir = await makeOfficeFileSet();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const picked = (names: readonly string[]): File[] => names.map((n) => new File([fs.readFileSync(path.join(dir, n))], n));

describe('file mode with several office files in workers', () => {
  it('reads each file in a worker of its own and evaluates them together like the demo workbook, apart from file names', async () => {
    const workers: InProcessWorker[] = [];
    const make = (): InProcessWorker => {
      const w = new InProcessWorker();
      workers.push(w);
      return w;
    };
    const result = await evaluateFileInWorker(make, picked(FOLDER_ORDER), () => undefined, undefined, { now: new Date(2026, 0, 15) });
    expect(asDemo(jsonOf(result))).toEqual(demoJson(FOLDER_ORDER));
    expect(result.reportName).toBe('Amtsdateien – Auswertung.xlsx');
    expect(result.sources?.files.map((f) => f.file)).toEqual(FOLDER_ORDER);
    await result.report;
    expect(workers.map((w) => w.terminated)).toEqual(FOLDER_ORDER.map(() => true).concat(true));
  });

  it('evaluates the rest when a file brings its worker down, and lists that file as skipped', async () => {
    const crashOn = FOLDER_ORDER.indexOf('Jugendamt.xlsx');
    let n = 0;
    const make = (): InProcessWorker => new InProcessWorker(n++ === crashOn ? 'crash' : 'run');
    const result = await evaluateFileInWorker(make, picked(FOLDER_ORDER), () => undefined);
    expect(severalFileFindings(jsonOf(result))).toEqual([
      'FILE_SKIPPED Jugendamt.xlsx › !A1',
      `FILE_SKIPPED ${NOT_A_WORKBOOK} › !A1`,
      expect.stringMatching(/^OFFICE_IN_SEVERAL_FILES Ausländerbehörde 2\.xlsx/),
    ]);
    expect(result.sources?.files[crashOn]?.skipped).toMatch(/„Jugendamt\.xlsx“ konnte nicht ausgewertet werden: das Lesen wurde abgebrochen/);
    expect(result.analysis.offices.map((o) => o.office)).not.toContain('Jugendamt');
    const demo = demoJson(FOLDER_ORDER).offices as { office: string }[];
    expect(result.analysis.offices.map((o) => o.office)).toEqual(demo.map((o) => o.office).filter((o) => o !== 'Jugendamt'));
    expect((await result.report).size).toBeGreaterThan(10_000);
  });
});
