import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { evaluateWorkbook } from '../src/core/report';
import { evaluateFileInWorker, readCatalogInWorker } from '../src/taskpane/pipeline/file';
import type { WorkerLike } from '../src/taskpane/pipeline/worker-protocol';
import type { ProgressStep } from '../src/taskpane/types';
import { InProcessWorker } from './support/in-process-worker';

/*
 * File mode reads files in a Web Worker (issue 9, SPEC §7). Here the worker's code runs in this
 * process behind the same message protocol (structured clones, transferred buffers); the real
 * Worker in Chromium is tested in tests/browser/file-mode.test.ts.
 */
const DEMO = join(__dirname, '..', 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const PUBLISHED_2024 = { Analog: 126, 'Kein Optimierungspotenzial': 199, PDF: 428, Digital: 283, 'Projekt in Umsetzung': 151, 'Nicht zugeordnet': 0, 'Alle Dienstleistungen': 1187 };

function file(path: string, name = path.split('/').pop()!): File {
  return new File([readFileSync(path)], name);
}

describe('file mode in a Web Worker', () => {
  it('evaluates the demo workbook to the published table and hands back the report workbook', async () => {
    const steps: ProgressStep[] = [];
    const workers: InProcessWorker[] = [];
    const result = await evaluateFileInWorker(
      () => {
        const w = new InProcessWorker();
        workers.push(w);
        return w;
      },
      [file(DEMO)],
      (step) => steps.push(step),
      undefined,
      { now: new Date(2025, 0, 15) },
    );
    expect(result.analysis.total[2024]).toEqual(PUBLISHED_2024);
    expect(result.comparisons.map((c) => [c.from, c.to])).toEqual([[2023, 2024]]);
    expect(result.reportName).toBe('Digitalisierungsuebersicht_Demo – Auswertung.xlsx');
    const parts = unzipSync(new Uint8Array(await (await result.report).arrayBuffer()));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['xl/workbook.xml', 'docProps/core.xml']));
    // the result comes before the report workbook is written: no 'write' step holds it back
    expect([...new Set(steps)]).toEqual(['read', 'analyze', 'done']);
    expect(workers.map((w) => w.terminated)).toEqual([true]);
  });

  it('hands over the result before the report workbook is written, and ends the worker only after the report', async () => {
    const worker = new InProcessWorker();
    const result = await evaluateFileInWorker(() => worker, [file(DEMO)], () => undefined, undefined, { now: new Date(2025, 0, 15) });
    expect(result.analysis.total[2024]).toEqual(PUBLISHED_2024);
    // the records follow the result, packed; the page gets them back as the evaluation made them
    const direct = evaluateWorkbook(readXlsx(new Uint8Array(readFileSync(DEMO))), { currentYear: 2025 });
    await result.recordsArrival;
    expect(result.analysis.records).toEqual(direct.analysis.records);
    expect(worker.terminated).toBe(false);
    expect((await result.report).size).toBeGreaterThan(10_000);
    expect(worker.terminated).toBe(true);
  });

  it('keeps the result when the worker dies while writing the report, and says the report file is missing', async () => {
    const worker = new InProcessWorker('crash-writing');
    const result = await evaluateFileInWorker(() => worker, [file(DEMO)], () => undefined, undefined, { now: new Date(2025, 0, 15) });
    expect(result.analysis.total[2024]).toEqual(PUBLISHED_2024);
    await expect(result.report).rejects.toThrow('Das Ergebnis ist vollständig, aber die Ergebnisdatei konnte nicht erstellt werden: der Browser hat das Schreiben abgebrochen (zu wenig Arbeitsspeicher).');
    expect(worker.terminated).toBe(true);
  });

  it('keeps the result when the worker dies before the records come, and says the Vergleich cannot be shown', async () => {
    const worker = new InProcessWorker('crash-packing');
    const result = await evaluateFileInWorker(() => worker, [file(DEMO)], () => undefined, undefined, { now: new Date(2025, 0, 15) });
    expect(result.analysis.total[2024]).toEqual(PUBLISHED_2024);
    await expect(result.recordsArrival).rejects.toThrow('Der Vergleich kann nicht gezeigt werden: der Browser hat die Auswertung vorher abgebrochen.');
    await expect(result.report).rejects.toThrow(/^Das Ergebnis ist vollständig, aber die Ergebnisdatei konnte nicht erstellt werden/);
    expect(worker.terminated).toBe(true);
  });

  it('shows the reader\'s German line for a file that is no workbook, and ends the worker', async () => {
    const worker = new InProcessWorker();
    await expect(evaluateFileInWorker(() => worker, [new File(['kein zip'], 'notiz.xlsx')], () => undefined)).rejects.toThrow('Die Datei ist keine Excel-Arbeitsmappe (.xlsx oder .xlsm).');
    expect(worker.terminated).toBe(true);
  });

  it('says so when the worker dies (a file that overwhelms the browser)', async () => {
    const worker = new InProcessWorker('crash');
    await expect(evaluateFileInWorker(() => worker, [file(DEMO)], () => undefined)).rejects.toThrow(/„Digitalisierungsuebersicht_Demo\.xlsx“ konnte nicht ausgewertet werden: das Lesen wurde abgebrochen/);
    expect(worker.terminated).toBe(true);
  });

  it('stops a worker that does not answer within five minutes', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const worker = new InProcessWorker('hang');
      const outcome = evaluateFileInWorker(() => worker, [file(DEMO)], () => undefined).catch((error: Error) => error.message);
      await jest.advanceTimersByTimeAsync(5 * 60_000 - 1000);
      expect(worker.terminated).toBe(false);
      await jest.advanceTimersByTimeAsync(1000);
      await expect(outcome).resolves.toMatch(/nach 5 Minuten nicht fertig ausgewertet und abgebrochen/);
      expect(worker.terminated).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says in German when the browser has no Web Workers', async () => {
    const noWorkers = (): WorkerLike => {
      throw new ReferenceError('Worker is not defined');
    };
    await expect(evaluateFileInWorker(noWorkers, [file(DEMO)], () => undefined)).rejects.toThrow(/kann Dateien nicht im Hintergrund lesen/);
  });

  it('reads a LeiKa catalogue in the worker too', async () => {
    const csv = new File(['LeiKa-Schlüssel;Bezeichnung\n99001001000000;Abfallgebühr\n99001002000000;Fundsachen\n'], 'katalog.csv');
    const imported = await readCatalogInWorker(() => new InProcessWorker(), csv);
    expect(imported.stats.entries).toBe(2);
    expect(imported.catalog.entries.get('99001002000000')?.name).toBe('Fundsachen');
  });
});
