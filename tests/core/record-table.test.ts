import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../../src/adapters/xlsx/reader';
import { writeBenchWorkbook } from '../../src/bench/generate';
import { COUNTED_CLUSTERS, type CountedCluster } from '../../src/core/clusters';
import { compareYears } from '../../src/core/compare';
import { FirstRecords } from '../../src/core/first-records';
import { a1 } from '../../src/core/grid';
import type { CountedRecord } from '../../src/core/model';
import { RecordTable, recordColumns, revisedAnalysis, withoutRecords } from '../../src/core/record-table';
import { evaluateWorkbook } from '../../src/core/report';
import { analyze } from '../support/grid';
import { packRecords, unpackRecords } from '../../src/taskpane/pipeline/packed-records';

/*
 * The counted records as columns (record-table.ts): what an output reads of them is what was
 * counted, whether it reads the objects built from the table or the columns themselves, and
 * the first record of a key, office and year (rule 5) is found as a map would find it.
 */

interface Written {
  sheet: number;
  row: number;
  office: string;
  key: string;
  keyValid: boolean;
  keyCol: number;
  name: string;
  remark: string;
  onlineService: string;
}

test('records past several chunks read back as written, in order, also after removing some', () => {
  const table = new RecordTable();
  const sheets = ['Amt 1', 'Bauen, Wohnen', 'Jugendamt.xlsx › Tabelle1'];
  sheets.forEach((s) => table.addSheet(s));
  const expected: CountedRecord[] = [];
  // 40,000 rows of one or two records: past the 16,384 strings of a chunk, twice
  for (let r = 0; r < 40_000; r++) {
    const w: Written = {
      sheet: r % 3,
      row: 2 + (r % 5000),
      office: `Amt ${r % 7}`,
      key: r % 11 === 0 ? `x${r}` : String(99_000_000_000_000 + r),
      keyValid: r % 11 !== 0,
      keyCol: r % 2,
      name: `Leistung ${r}`,
      remark: r % 13 === 0 ? 'Bemerkung' : '',
      onlineService: r % 17 === 0 ? `https://service.example/${r}` : '',
    };
    const id = table.addRow(w.sheet, w.row, w.office, w.key, w.keyValid, w.keyCol, w.name, w.remark, w.onlineService);
    for (let k = 0; k < 1 + (r % 2); k++) {
      const cluster: CountedCluster = COUNTED_CLUSTERS[(r + k) % COUNTED_CLUSTERS.length]!;
      const col = 2 + k;
      table.add(id, 2023 + k, `Status ${r}/${k}`, cluster, col);
      expected.push({
        year: 2023 + k,
        office: w.office,
        sheet: sheets[w.sheet]!,
        row: w.row,
        key: w.key,
        keyValid: w.keyValid,
        keyCell: a1(w.row, w.keyCol),
        name: w.name,
        status: `Status ${r}/${k}`,
        cluster,
        remark: w.remark,
        onlineService: w.onlineService,
        cell: a1(w.row, col),
      });
    }
  }
  expect(table.length).toBe(expected.length);
  expect(table.toArray()).toEqual(expected);
  const i = 33_333;
  expect([table.year(i), table.office(i), table.sheet(i), table.key(i), table.keyValid(i), table.name(i), table.cluster(i), table.status(i), table.keyCell(i)]).toEqual([
    expected[i]!.year,
    expected[i]!.office,
    expected[i]!.sheet,
    expected[i]!.key,
    expected[i]!.keyValid,
    expected[i]!.name,
    expected[i]!.cluster,
    expected[i]!.status,
    expected[i]!.keyCell,
  ]);

  const removed = new Uint8Array(table.length);
  for (let k = 0; k < removed.length; k += 3) removed[k] = 1;
  table.remove(removed);
  const kept = expected.filter((_, k) => k % 3 !== 0);
  expect(table.toArray()).toEqual(kept);
  // a record added after the removal follows the kept ones
  table.add(0, 2030, 'Digital', 'Digital', 4);
  expect(table.record(table.length - 1)).toMatchObject({ year: 2030, status: 'Digital', office: expected[0]!.office, cell: a1(expected[0]!.row, 4) });
  expect(table.length).toBe(kept.length + 1);
});

test('texts that repeat (statuses, offices) and texts that stop repeating part-way (a remark per row from row 5,000 on) read back as written, also after removing some', () => {
  const table = new RecordTable(100);
  table.addSheet('Amt 1');
  const statuses = ['analog', 'Digital ', 'PDF', '', 'in Umsetzung'];
  const expected: { office: string; status: string; remark: string; onlineService: string }[] = [];
  for (let r = 0; r < 12_000; r++) {
    const remark = r < 5000 ? (r % 2 === 0 ? 'Formular wird überarbeitet' : '') : `Bemerkung zu Zeile ${r}`;
    const online = r % 3 === 0 ? `https://service.example/${r % 4500}` : '';
    const id = table.addRow(0, r + 2, `Amt ${r % 4}`, String(99_000_000_000_000 + r), true, 0, `Leistung ${r}`, remark, online);
    for (let k = 0; k < 2; k++) {
      const status = statuses[(r + k) % statuses.length]!;
      table.add(id, 2023 + k, status, 'Analog', 1 + k);
      expected.push({ office: `Amt ${r % 4}`, status, remark, onlineService: online });
    }
  }
  const read = (): typeof expected => table.toArray().map(({ office, status, remark, onlineService }) => ({ office, status, remark, onlineService }));
  expect(read()).toEqual(expected);
  const removed = new Uint8Array(table.length);
  for (let k = 1; k < removed.length; k += 4) removed[k] = 1;
  table.remove(removed);
  expect(read()).toEqual(expected.filter((_, k) => k % 4 !== 1));
  // a status never seen before, added after the removal
  table.add(0, 2030, 'Neu', 'Digital', 3);
  expect(table.status(table.length - 1)).toBe('Neu');
  expect(table.status(table.length - 2)).toBe(expected[expected.length - 1]!.status);
});

/** Rule 5 as a map per office, year and key. */
class ReferenceFirsts {
  private readonly firsts = new Map<string, number>();
  private readonly seen = new Set<string>();
  newInOffice = false;
  firstOf(office: string, key: string, year: number, at: number): number {
    this.newInOffice = !this.seen.has(`${office}\u0000${key}`);
    this.seen.add(`${office}\u0000${key}`);
    const k = `${office}\u0000${year}\u0000${key}`;
    const first = this.firsts.get(k);
    if (first !== undefined) return first;
    this.firsts.set(k, at);
    return -1;
  }
}

test('the first record of a key, office and year is the one a map finds, over any number of years and a table that grows', () => {
  const entry = fc.record({ office: fc.integer({ min: 0, max: 4 }), key: fc.integer({ min: 0, max: 60 }), year: fc.integer({ min: 2000, max: 2014 }) });
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 3000, size: 'max' }), (entries) => {
      const offices: string[] = [];
      const keys: string[] = [];
      const years: number[] = [];
      const records = { office: (i: number) => offices[i]!, key: (i: number) => keys[i]!, year: (i: number) => years[i]! };
      const firsts = new FirstRecords(records, 1);
      const reference = new ReferenceFirsts();
      for (const e of entries) {
        const office = `Amt ${e.office}`;
        const key = `990000000${String(e.key).padStart(5, '0')}`;
        const at = offices.length;
        const got = firsts.firstOf(office, e.office, key, e.year, at);
        const want = reference.firstOf(office, key, e.year, at);
        if (got !== want || firsts.newInOffice !== reference.newInOffice) return false;
        // as the counter does: a record is added where it is the first
        if (got < 0) {
          offices.push(office);
          keys.push(key);
          years.push(e.year);
        }
      }
      return true;
    }),
    { numRuns: 200 },
  );
});

describe('an evaluation of 10,000 rows', () => {
  let dir: string;
  let evaluation: ReturnType<typeof evaluateWorkbook>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leika-record-table-'));
    const file = join(dir, 'bench.xlsx');
    await writeBenchWorkbook(file, 10_000, 4);
    evaluation = evaluateWorkbook(readXlsx(new Uint8Array(readFileSync(file))), { currentYear: 2026 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('compares the same from the columns as from the record objects', () => {
    const { analysis } = evaluation;
    expect(analysis.records.length).toBeGreaterThan(16_384);
    const years = { years: analysis.years };
    const fromObjects = compareYears(analysis.records, years);
    const fromColumns = compareYears(recordColumns(analysis), years);
    expect(fromColumns).toEqual(fromObjects);
    expect(fromColumns[0]!.offices).toEqual(fromObjects[0]!.offices);
    expect(evaluation.comparisons).toEqual(fromObjects);
  });

  test("file mode's worker sends the analysis without records, then the columns packed: unpacked, they are the records", () => {
    const { analysis } = evaluation;
    const rest = withoutRecords(analysis);
    expect(Object.keys(rest)).toEqual(Object.keys(analysis).filter((k) => k !== 'records'));
    expect(structuredClone(rest)).toEqual(JSON.parse(JSON.stringify({ ...analysis, records: undefined })));
    const packed = packRecords(recordColumns(analysis));
    expect(packed).toEqual(packRecords(analysis.records));
    expect(unpackRecords(structuredClone(packed))).toEqual(analysis.records);
  });

  test('a revised analysis keeps its records, enumerable as before (JSON, spread)', () => {
    const { analysis } = evaluation;
    const revised = revisedAnalysis(analysis, { findings: [] });
    expect(Object.keys(revised)).toEqual(Object.keys(analysis));
    expect(revised.records).toEqual(analysis.records);
    expect(JSON.parse(JSON.stringify(revised))).toEqual(JSON.parse(JSON.stringify({ ...analysis, findings: [] })));
    const columns = recordColumns(revised);
    expect(Array.from({ length: columns.length }, (_, i) => columns.keyCell(i))).toEqual(analysis.records.map((r) => r.keyCell));
  });
});

test('on random workbooks (duplicates, rows without status, invalid keys, the long format) the comparison reads the same from the columns as from the record objects', () => {
  const key = fc.constantFrom('99001001000000', '99001001001000', '99001002000000', '99001002000000 ', '99 0010 0300 0000', '12345', null);
  const name = fc.constantFrom('Jagdschein', 'Jagdschein ', 'Fischereischein', 'Hundesteuer', null);
  const status = fc.constantFrom('PDF', 'analog', 'Digital', 'in Umsetzung', 'kein Optimierungspotenzial', 'unbekannt', null);
  const wide = fc.array(fc.tuple(key, name, status, status), { maxLength: 12 });
  const long = fc.array(fc.tuple(fc.constantFrom(2023, 2024, null), key, name, status), { maxLength: 12 });
  fc.assert(
    fc.property(wide, wide, long, (a, b, c) => {
      const analysis = analyze([
        { name: 'Amt 1', rows: [['LeiKa-Schlüssel', 'Leistung', 'Status 2023', 'Status 2024'], ...a] },
        { name: 'Amt 2', rows: [['LeiKa-Schlüssel', 'Leistung', 'Status 2023', 'Status 2024'], ...b] },
        { name: 'Amt 3', rows: [['Jahr', 'LeiKa-Schlüssel', 'Leistung', 'Status'], ...c] },
      ]);
      const years = { years: analysis.years };
      const fromColumns = compareYears(recordColumns(analysis), years);
      const fromObjects = compareYears(analysis.records, years);
      expect(fromColumns).toEqual(fromObjects);
      fromColumns.forEach((part, i) => expect(part.offices).toEqual(fromObjects[i]!.offices));
    }),
    { numRuns: 300 },
  );
});
