/**
 * The one contract every WorkbookPort adapter must meet (STYLE habit 5). Register it per
 * adapter: `describeWorkbookAdapter('memory', async (initial) => …)`.
 *
 * Two kinds of adapter meet it. One writes into the workbook it read (Excel, memory): output
 * sheets join the user's sheets and are rewritten in place later. The other writes a new report
 * workbook (the CLI and file mode, SPEC §5): the input stays as it was, and each write makes a
 * fresh report holding only the output sheets.
 */
import type { Cell, DefinedName, SheetGrid, WorkbookGrid } from '../../src/core/grid';
import { markerName } from '../../src/core/output-model';
import { buildOutputSheets, buildRecordsSheets, emptiedContinuations, RECORDS_HEADER } from '../../src/core/outputs';
import { YEAR_TABLE_ROW } from '../../src/core/outputs/monitoring';
import type { WorkbookPort } from '../../src/port/workbook-port';
import { counts, publishedAnalysis, record } from './fixtures';

export interface AdapterUnderTest {
  readonly port: WorkbookPort;
  /** The workbook the outputs went into, as a reader sees it now. */
  readonly reread: () => Promise<WorkbookGrid>;
  /** The workbook that was read, as it is now; needed for a report adapter (its input), else `reread`. */
  readonly rereadInput?: () => Promise<WorkbookGrid>;
}

export type MakeAdapter = (initial: WorkbookGrid) => Promise<AdapterUnderTest>;

/** Where an adapter writes the outputs: into the workbook it read, or into a new report workbook. */
export type WriteTarget = 'same workbook' | 'report workbook';

/** A workbook with the things a reader must give back as they are. */
export const INITIAL: WorkbookGrid = {
  sheets: [
    {
      name: 'Gesundheitsamt',
      visibility: 'visible',
      rows: [
        ['Digitalisierungsübersicht Gesundheitsamt', null, null],
        ['LeiKa-Schlüssel', 'Leistung', 'Umsetzungsstatus 2024'],
        ['99001234567890', 'Impfberatung', 'online'],
        ['0099123', '=1+1', '-PDF'],
        [99050012000000, 'Belehrung nach § 43 IfSG', 'Papier'],
        [null, 'Zählung', 1187],
        [null, 'Geprüft', true],
        [null, 'Anteil', -0.125],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    },
    { name: 'Versteckt', visibility: 'hidden', rows: [['geheim']], merges: [] },
    { name: 'Intern', visibility: 'veryHidden', rows: [[null, 'x']], merges: [] },
  ],
  definedNames: [{ name: 'Berichtsjahr', sheet: 'Gesundheitsamt', cell: 'C2' }],
};

const EVALUATED = { evaluatedAt: '2025-03-05' };

/** Trailing empty cells and rows are not content, and a hole is an empty cell; readers may or may not report them. */
function trimRows(rows: SheetGrid['rows']): Cell[][] {
  const out = Array.from(rows, (r) => {
    const row = Array.from(r ?? [], (c) => c ?? null);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length > 0 && (out[out.length - 1]?.length ?? 0) === 0) out.pop();
  return out;
}

function normalSheet(s: SheetGrid): { name: string; visibility: string; rows: Cell[][]; merges: unknown[] } {
  const merges = s.merges.slice().sort((a, b) => a.top - b.top || a.left - b.left);
  return { name: s.name, visibility: s.visibility, rows: trimRows(s.rows), merges };
}

function sheetOf(grid: WorkbookGrid, name: string): SheetGrid {
  const sheet = grid.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`sheet "${name}" missing; sheets: ${grid.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

function marker(grid: WorkbookGrid, name: string): DefinedName | undefined {
  return grid.definedNames.find((d) => d.name === name);
}

function withUserSheet(name: string, rows: Cell[][]): WorkbookGrid {
  return { ...INITIAL, sheets: [...INITIAL.sheets, { name, visibility: 'visible', rows, merges: [] }] };
}

const OUTPUT_NAMES = ['Monitoring', 'Prüfhinweise', 'Gesamtliste'];

export function describeWorkbookAdapter(name: string, make: MakeAdapter, target: WriteTarget = 'same workbook'): void {
  const inPlace = target === 'same workbook';
  const made = async (initial: WorkbookGrid): Promise<Required<AdapterUnderTest>> => {
    const adapter = await make(initial);
    return { rereadInput: adapter.reread, ...adapter };
  };
  /** The sheet names the workbook written into starts with. */
  const before = (initial: WorkbookGrid): string[] => (inPlace ? initial.sheets.map((s) => s.name) : []);

  describe(`workbook adapter contract: ${name}`, () => {
    it('reads values, visibility, merges and defined names back as given', async () => {
      const { port } = await made(INITIAL);
      const grid = await port.readWorkbook();
      expect(grid.sheets.map(normalSheet)).toEqual(INITIAL.sheets.map(normalSheet));
      expect(grid.definedNames).toEqual(INITIAL.definedNames);
    });

    it('writes Monitoring, Prüfhinweise and Gesamtliste, each marked by its defined name at A1', async () => {
      const { port, reread } = await made(INITIAL);
      const report = await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
      expect(report.sheets).toEqual([
        { role: 'Monitoring', sheet: 'Monitoring', rewritten: false },
        { role: 'Pruefhinweise', sheet: 'Prüfhinweise', rewritten: false },
        { role: 'Gesamtliste', sheet: 'Gesamtliste', rewritten: false },
      ]);
      const grid = await reread();
      expect(grid.sheets.map((s) => s.name)).toEqual([...before(INITIAL), ...OUTPUT_NAMES]);
      expect(marker(grid, markerName('Monitoring'))).toEqual({ name: 'LeiKaMonitor_Monitoring', sheet: 'Monitoring', cell: 'A1' });
      expect(marker(grid, markerName('Pruefhinweise'))).toEqual({ name: 'LeiKaMonitor_Pruefhinweise', sheet: 'Prüfhinweise', cell: 'A1' });
      expect(marker(grid, markerName('Gesamtliste'))).toEqual({ name: 'LeiKaMonitor_Gesamtliste', sheet: 'Gesamtliste', cell: 'A1' });
      expect(marker(grid, 'Berichtsjahr')).toEqual(inPlace ? INITIAL.definedNames[0] : undefined);
      const monitoring = trimRows(sheetOf(grid, 'Monitoring').rows);
      expect(monitoring[YEAR_TABLE_ROW]?.slice(0, 3)).toEqual(['Umsetzungsstatus', '2023', '2024']);
      expect(monitoring[YEAR_TABLE_ROW + 6]?.slice(0, 3)).toEqual(['Alle Dienstleistungen', 835, 1187]);
      expect(trimRows(sheetOf(grid, 'Gesamtliste').rows)[0]).toEqual([...RECORDS_HEADER]);
    });

    it('continues the Gesamtliste on "Gesamtliste 2" when a sheet is full (issue 9), marked like the others', async () => {
      const { port, reread } = await made(INITIAL);
      const report = await port.writeOutputs(buildRecordsSheets(publishedAnalysis(), undefined, 2));
      expect(report.sheets).toEqual([
        { role: 'Gesamtliste', sheet: 'Gesamtliste', rewritten: false },
        { role: 'Gesamtliste2', sheet: 'Gesamtliste 2', rewritten: false },
      ]);
      const grid = await reread();
      expect(marker(grid, markerName('Gesamtliste2'))).toEqual({ name: 'LeiKaMonitor_Gesamtliste2', sheet: 'Gesamtliste 2', cell: 'A1' });
      expect(trimRows(sheetOf(grid, 'Gesamtliste').rows).map((r) => r[3])).toEqual(['Leistung', 'Impfberatung', '=1+1']);
      expect(trimRows(sheetOf(grid, 'Gesamtliste 2').rows).map((r) => r[3])).toEqual(['Leistung', 'Jagdschein']);
    });

    it('empties a continuation sheet no longer needed down to its header (issue 9, SPEC §5)', async () => {
      const { port, reread } = await made(INITIAL);
      await port.writeOutputs(buildRecordsSheets(publishedAnalysis(), undefined, 2));
      const fewer = buildRecordsSheets(publishedAnalysis({ records: publishedAnalysis().records.slice(0, 1) }), undefined, 2);
      const report = await port.writeOutputs([...fewer, ...emptiedContinuations(fewer, (await reread()).definedNames)]);
      expect(report.sheets.map((s) => [s.sheet, s.rewritten])).toEqual([
        ['Gesamtliste', inPlace],
        ['Gesamtliste 2', inPlace],
      ]);
      const grid = await reread();
      expect(trimRows(sheetOf(grid, 'Gesamtliste').rows).map((r) => r[3])).toEqual(['Leistung', 'Impfberatung']);
      expect(trimRows(sheetOf(grid, 'Gesamtliste 2').rows)).toEqual([[...RECORDS_HEADER]]);
    });

    it(
      inPlace
        ? 'rewrites the marked sheets in place on a second write: same names, no new sheets, old rows gone'
        : 'makes a fresh report on a second write: same names, old rows gone',
      async () => {
        const { port, reread } = await made(INITIAL);
        await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
        const first = await reread();
        const second = publishedAnalysis({
          total: { ...publishedAnalysis().total, 2024: counts({ Analog: 1, PDF: 2 }) },
          records: [record({ year: 2024, office: 'Gesundheitsamt', cell: 'C9', key: '99001234567891', name: 'Neu', status: 'PDF', cluster: 'PDF' })],
        });
        const report = await port.writeOutputs(buildOutputSheets(second, EVALUATED));
        expect(report.sheets.map((s) => [s.sheet, s.rewritten])).toEqual([
          ['Monitoring', inPlace],
          ['Prüfhinweise', inPlace],
          ['Gesamtliste', inPlace],
        ]);
        const grid = await reread();
        expect(grid.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
        expect(trimRows(sheetOf(grid, 'Monitoring').rows)[YEAR_TABLE_ROW + 6]?.slice(0, 3)).toEqual(['Alle Dienstleistungen', 835, 3]);
        const list = trimRows(sheetOf(grid, 'Gesamtliste').rows);
        expect(list).toHaveLength(2);
        expect(list[1]?.[3]).toBe('Neu');
      },
    );

    it('never touches a user\'s unmarked "Monitoring" sheet', async () => {
      const userRows: Cell[][] = [['Meine Notizen'], ['Monitoring', 42]];
      const { port, reread, rereadInput } = await made(withUserSheet('Monitoring', userRows));
      const report = await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
      expect(trimRows(sheetOf(await rereadInput(), 'Monitoring').rows)).toEqual(userRows);
      // In its own report the product's Monitoring is no user's sheet; in the user's workbook it moves aside.
      const sheet = inPlace ? 'Monitoring (2)' : 'Monitoring';
      expect(report.sheets[0]).toEqual(
        inPlace ? { role: 'Monitoring', sheet, rewritten: false, displacedBy: 'Monitoring' } : { role: 'Monitoring', sheet, rewritten: false },
      );
      const grid = await reread();
      expect(marker(grid, markerName('Monitoring'))).toEqual({ name: 'LeiKaMonitor_Monitoring', sheet, cell: 'A1' });
      expect(trimRows(sheetOf(grid, sheet).rows)[YEAR_TABLE_ROW]?.[0]).toBe('Umsetzungsstatus');

      const again = await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
      expect(again.sheets[0]).toEqual({ role: 'Monitoring', sheet, rewritten: inPlace });
      expect((await reread()).sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
      expect(trimRows(sheetOf(await rereadInput(), 'Monitoring').rows)).toEqual(userRows);
    });

    it(inPlace ? 'rewrites a marked sheet the user renamed, under its new name' : 'leaves a marked sheet of the input alone', async () => {
      const initial: WorkbookGrid = {
        sheets: [...INITIAL.sheets, { name: 'Bericht', visibility: 'visible', rows: [['alt']], merges: [] }],
        definedNames: [...INITIAL.definedNames, { name: 'LeiKaMonitor_Monitoring', sheet: 'Bericht', cell: 'A1' }],
      };
      const { port, reread, rereadInput } = await made(initial);
      const report = await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
      const sheet = inPlace ? 'Bericht' : 'Monitoring';
      expect(report.sheets[0]).toEqual({ role: 'Monitoring', sheet, rewritten: inPlace });
      const grid = await reread();
      expect(grid.sheets.some((s) => s.name === (inPlace ? 'Monitoring' : 'Bericht'))).toBe(false);
      expect(trimRows(sheetOf(grid, sheet).rows)[0]?.[0]).toMatch(/^Digitalisierungsmonitoring/);
      if (!inPlace) expect(trimRows(sheetOf(await rereadInput(), 'Bericht').rows)).toEqual([['alt']]);
    });

    it('leaves the cells, visibility and merges of user sheets unchanged', async () => {
      const { port, rereadInput } = await made(INITIAL);
      await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
      await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
      const grid = await rereadInput();
      for (const sheet of INITIAL.sheets) expect(normalSheet(sheetOf(grid, sheet.name))).toEqual(normalSheet(sheet));
    });

    it('writes text beginning with =, +, - or @ as text and keys as text, never as formulas or numbers', async () => {
      const { port, reread } = await made(INITIAL);
      await port.writeOutputs(buildOutputSheets(publishedAnalysis(), EVALUATED));
      const list = trimRows(sheetOf(await reread(), 'Gesamtliste').rows);
      expect(list[1]?.slice(0, 5)).toEqual([2024, 'Gesundheitsamt', '99001234567890', 'Impfberatung', 'online']);
      expect(list[2]?.slice(0, 7)).toEqual([2024, 'Gesundheitsamt', '0099123', '=1+1', '-PDF', 'PDF', '@home']);
      expect(list[3]?.[4]).toBe('+analog');
    });
  });
}
