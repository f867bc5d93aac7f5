/*
 * SPEC §10: the demo workbook split into one file per office (scripts/make-office-files.js)
 * evaluates exactly like the demo workbook — counts, comparison, findings and skipped sheets —
 * apart from file names, FILE_SKIPPED and OFFICE_IN_SEVERAL_FILES.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx } from '../src/adapters/xlsx/reader';
import { a1, cellText } from '../src/core/grid';
import { evaluateWorkbook } from '../src/core/report';
import type { WorkbookSource } from '../src/core/sources';
import { WorkbookError } from '../src/port/workbook-port';
import { DEMO_ORDER, FOLDER_ORDER, NOT_A_WORKBOOK, asDemo, demoJson, jsonOf, makeOfficeFileSet, severalFileFindings } from './support/office-files';

let dir: string;
beforeAll(async () => {
  dir = await makeOfficeFileSet();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sources(files: readonly string[]): WorkbookSource[] {
  return files.map((file) => {
    try {
      return { kind: 'workbook', file, workbook: readXlsx(readFileSync(join(dir, file))) };
    } catch (error) {
      if (error instanceof WorkbookError) return { kind: 'skipped', file, reason: error.message };
      throw error;
    }
  });
}

const evaluate = (files: readonly string[]) => evaluateWorkbook(sources(files), { currentYear: 2026 });

/** `A137`: the first row of the second part of the Ausländerbehörde, found in the file itself. */
function firstRowOfSecondPart(): string {
  const sheet = readXlsx(readFileSync(join(dir, 'Ausländerbehörde 2.xlsx'))).sheets[0]!;
  const header = sheet.rows.findIndex((row) => (row ?? []).some((c) => /leika/i.test(cellText(c))));
  const first = sheet.rows.findIndex((row, r) => r > header && (row ?? []).some((c) => cellText(c).trim() !== ''));
  return a1(first, 0);
}

describe('office files whose union is the demo workbook (SPEC §10)', () => {
  it('in the demo’s sheet order: everything as the demo run, apart from file names', () => {
    const files = [...DEMO_ORDER.slice(0, 3), NOT_A_WORKBOOK, ...DEMO_ORDER.slice(3)];
    const doc = jsonOf(evaluate(files));
    const demo = demoJson(DEMO_ORDER);
    expect(asDemo(doc)).toEqual(demo);
    expect((demo.total as Record<string, Record<string, number>>)['2024']?.['Alle Dienstleistungen']).toBe(1187);
    expect(severalFileFindings(doc)).toEqual([
      `FILE_SKIPPED ${NOT_A_WORKBOOK} › !A1`,
      `OFFICE_IN_SEVERAL_FILES Ausländerbehörde 2.xlsx › Ausländerbehörde!${firstRowOfSecondPart()}`,
    ]);
  });

  it('in folder order: the demo run of its sheets in that order, the same totals and comparison', () => {
    const doc = asDemo(jsonOf(evaluate(FOLDER_ORDER)));
    expect(doc).toEqual(demoJson(FOLDER_ORDER));
    const demo = demoJson(DEMO_ORDER);
    expect([doc.total, doc.comparison]).toEqual([demo.total, demo.comparison]);
  });

  it('names each office after its file where the file’s only office sheet has a default name', () => {
    const evaluation = evaluate(FOLDER_ORDER);
    const offices = Object.fromEntries(evaluation.sources.files.map((f) => [f.file, f.offices.join(', ')]));
    expect(offices).toMatchObject({
      'Straßenverkehrsamt.xlsx': 'Straßenverkehrsamt',
      'Kreiskasse.xlsm': 'Kreiskasse',
      'Kataster- und Vermessungsamt.xlsx': 'Kataster- und Vermessungsamt',
      'Umweltamt.xlsx': 'Umweltamt, Untere Abfallbehörde, Untere Naturschutzbehörde, Untere Wasserbehörde',
      [NOT_A_WORKBOOK]: '',
    });
    expect(evaluation.sources.files.find((f) => f.file === NOT_A_WORKBOOK)?.skipped).toMatch(/keine Excel-Arbeitsmappe/);
  });
});
