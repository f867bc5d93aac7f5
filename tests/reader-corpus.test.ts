/*
 * The reader corpus (tests/fixtures/reader, made by scripts/make-reader-fixtures.js): every
 * package form, cell form and limit of SPEC §2, each against the grid or refusal written by
 * hand in `<name>.expected.json`; the files LibreOffice re-saved (`lo-<name>.xlsx`) against the
 * expectation of the file they came from.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readXlsx, readXlsxAsync } from '../src/adapters/xlsx/reader';
import type { Cell } from '../src/core/grid';
import { WorkbookError } from '../src/port/workbook-port';
import { areaText, filledCells } from './support/grid-cells';

const DIR = join(__dirname, 'fixtures', 'reader');

interface ExpectedSheet {
  name: string;
  visibility: string;
  kind?: string;
  cells: Record<string, Cell>;
  merges: string[];
  /** When set, `cells` is a sample and the sheet holds exactly this many filled cells. */
  cellCount?: number;
}
interface Expected {
  sheets?: ExpectedSheet[];
  definedNames?: unknown[];
  refused?: { reason: string; messageIncludes: string };
}

const expectedOf = (name: string): Expected => JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => f.replace(/\.xlsx$/, ''));

function read(name: string): ReturnType<typeof readXlsx> {
  return readXlsx(new Uint8Array(readFileSync(join(DIR, `${name}.xlsx`))));
}

function refusal(name: string): WorkbookError | undefined {
  try {
    read(name);
  } catch (error) {
    if (error instanceof WorkbookError) return error;
    throw error;
  }
  return undefined;
}

describe('reader corpus', () => {
  it('holds every form, limit and LibreOffice copy the generator writes', () => {
    expect(corpus.filter((n) => n.startsWith('lo-')).length).toBeGreaterThanOrEqual(5);
    expect(corpus.filter((n) => n.startsWith('limit-') || n.startsWith('heap-')).length).toBeGreaterThanOrEqual(12);
  });

  it.each(corpus)('%s', (name) => {
    const expected = expectedOf(name.replace(/^lo-/, ''));
    if (expected.refused) {
      const error = refusal(name);
      expect(error?.reason).toBe(expected.refused.reason);
      expect(error?.message).toContain(expected.refused.messageIncludes);
      expect(error?.message.split('\n')).toHaveLength(1);
      return;
    }
    const wb = read(name);
    const sheets = expected.sheets ?? [];
    expect(wb.sheets.map((s) => [s.name, s.visibility, s.kind ?? 'worksheet'])).toEqual(sheets.map((s) => [s.name, s.visibility, s.kind ?? 'worksheet']));
    sheets.forEach((want, i) => {
      const got = wb.sheets[i]!;
      const cells = filledCells(got);
      if (want.cellCount !== undefined) {
        expect(Object.keys(cells)).toHaveLength(want.cellCount);
        for (const [ref, value] of Object.entries(want.cells)) expect([ref, cells[ref]]).toEqual([ref, value]);
      } else {
        expect(cells).toEqual(want.cells);
      }
      // LibreOffice writes no merged areas beyond the cells it keeps; the generated files keep theirs
      if (!name.startsWith('lo-')) expect(got.merges.map(areaText)).toEqual(want.merges);
    });
    expect(wb.definedNames).toEqual(expect.arrayContaining(expected.definedNames ?? []));
    if (!name.startsWith('lo-')) expect(wb.definedNames).toEqual(expected.definedNames ?? []);
  });
});

async function outcome(read: () => unknown): Promise<unknown> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof WorkbookError) return { refused: error.reason, message: error.message };
    throw error;
  }
}

describe('reader corpus, read as file mode reads it (XML parts inflated ahead by DecompressionStream)', () => {
  // limit-unpacked (over 512 MiB) is read this way in the browser test (bombe-1gib-leerzeichen.xlsx,
  // file mode); here it would only repeat the slowest synchronous read of the corpus
  it.each(corpus.filter((n) => n !== 'limit-unpacked'))('%s: the same grid or the same refusal', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, `${name}.xlsx`)));
    const { refused } = expectedOf(name.replace(/^lo-/, ''));
    const got = await outcome(() => readXlsxAsync(bytes));
    // a refusal against the expectation (the synchronous read of the limit files is slow, and tested above)
    if (refused) expect(got).toEqual({ refused: refused.reason, message: expect.stringContaining(refused.messageIncludes) });
    else expect(got).toEqual(await outcome(() => readXlsx(bytes)));
  });
});
