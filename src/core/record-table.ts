import { COUNTED_CLUSTERS, type CountedCluster } from './clusters';
import { a1 } from './grid';
import type { Analysis, CountedRecord } from './model';

/**
 * The counted records by position (0 … length - 1), each field as `CountedRecord` has it,
 * without an object per record: what the counts, the year comparison and file mode's transport read.
 */
export interface RecordColumns {
  readonly length: number;
  year(i: number): number;
  office(i: number): string;
  sheet(i: number): string;
  row(i: number): number;
  key(i: number): string;
  keyValid(i: number): boolean;
  keyCell(i: number): string;
  name(i: number): string;
  status(i: number): string;
  cluster(i: number): CountedCluster;
  remark(i: number): string;
  onlineService(i: number): string;
  cell(i: number): string;
  /**
   * Where the counter numbered them: the same number (0 … keyIds - 1) for every record of one office
   * and valid key, -1 for a record without a valid key. The comparison then needs no map by key.
   */
  readonly keyIds?: number;
  keyId?(i: number): number;
  /** The record's cluster as its position in COUNTED_CLUSTERS. */
  clusterNumber?(i: number): number;
}

/** Records given as objects (the records unpacked in file mode, tests) as columns; columns as they are. */
export function columnsOfRecords(records: readonly CountedRecord[] | RecordColumns): RecordColumns {
  if (!Array.isArray(records)) return records as RecordColumns;
  return {
    length: records.length,
    year: (i) => records[i]!.year,
    office: (i) => records[i]!.office,
    sheet: (i) => records[i]!.sheet,
    row: (i) => records[i]!.row,
    key: (i) => records[i]!.key,
    keyValid: (i) => records[i]!.keyValid,
    keyCell: (i) => records[i]!.keyCell,
    name: (i) => records[i]!.name,
    status: (i) => records[i]!.status,
    cluster: (i) => records[i]!.cluster,
    remark: (i) => records[i]!.remark,
    onlineService: (i) => records[i]!.onlineService,
    cell: (i) => records[i]!.cell,
  };
}

const CLUSTER_NUMBER = new Map(COUNTED_CLUSTERS.map((c, i) => [c, i]));

/** Elements per chunk of a StringColumn (128 KiB of references). */
const CHUNK_BITS = 14;
const CHUNK = 1 << CHUNK_BITS;

/**
 * Strings by position, in chunks of fixed size: an array grown by pushes leaves each smaller copy
 * behind, and at 100,000 rows those copies outlived the young generation (~12 MB of old-space garbage).
 */
class StringColumn {
  private readonly chunks: string[][] = [];
  private last: string[] = [];
  private n = 0;

  push(s: string): void {
    const at = this.n++ & (CHUNK - 1);
    if (at === 0) this.chunks.push((this.last = new Array<string>(CHUNK)));
    this.last[at] = s;
  }

  get(i: number): string {
    return this.chunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)]!;
  }

  set(i: number, s: string): void {
    this.chunks[i >>> CHUNK_BITS]![i & (CHUNK - 1)] = s;
  }

  /** Keeps the first `n` strings. */
  truncate(n: number): void {
    this.n = n;
    this.chunks.length = Math.ceil(n / CHUNK);
    this.last = this.chunks[this.chunks.length - 1] ?? [];
  }
}

/** Distinct texts a RepeatingColumn numbers before it keeps its texts as a StringColumn. */
const MAX_DISTINCT = 4096;

/**
 * Texts by position that mostly repeat: a row's office, remark and online service, a record's
 * status. Each distinct text is kept once and a position holds its number (two bytes), so
 * 100,000 rows need no chunks of references (128 KiB each, one fresh allocation apiece and a
 * write barrier per text; docs/performance.md). Past {@link MAX_DISTINCT} distinct texts (a
 * remark of its own on every row) the column turns into a StringColumn and goes on as one.
 */
class RepeatingColumn {
  private codes: Uint16Array<ArrayBuffer>;
  private readonly texts: string[] = [];
  private readonly numbers = new Map<string, number>();
  private plain: StringColumn | undefined;
  private n = 0;

  constructor(expected: number) {
    this.codes = new Uint16Array(Math.max(1024, expected));
  }

  push(s: string): void {
    if (!this.plain) {
      const k = this.number(s);
      if (k >= 0) {
        if (this.n === this.codes.length) this.codes = grown(this.codes);
        this.codes[this.n++] = k;
        return;
      }
      this.becomePlain();
    }
    this.plain!.push(s);
  }

  get(i: number): string {
    return this.plain ? this.plain.get(i) : this.texts[this.codes[i]!]!;
  }

  /** Position `to` takes the text of position `from` (its number, where texts are numbered). */
  move(to: number, from: number): void {
    if (this.plain) this.plain.set(to, this.plain.get(from));
    else this.codes[to] = this.codes[from]!;
  }

  /** Keeps the first `n` texts. */
  truncate(n: number): void {
    if (this.plain) this.plain.truncate(n);
    else this.n = n;
  }

  /** The text's number, a new one for a new text; -1 when all numbers are given. */
  private number(s: string): number {
    let k = this.numbers.get(s);
    if (k === undefined) {
      if (this.texts.length === MAX_DISTINCT) return -1;
      k = this.texts.push(s) - 1;
      this.numbers.set(s, k);
    }
    return k;
  }

  /** Goes on as a StringColumn, holding the texts so far. */
  private becomePlain(): void {
    const plain = new StringColumn();
    for (let i = 0; i < this.n; i++) plain.push(this.texts[this.codes[i]!]!);
    this.plain = plain;
    this.codes = new Uint16Array(0);
    this.texts.length = 0;
    this.numbers.clear();
  }
}

/** `a` in a new array of at least `n` elements (twice as long, or more), zeros after its values. */
export function grown<T extends Int32Array | Uint16Array | Uint8Array>(a: T, n = 0): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The counted records as columns: a service row's facts once (office, key, name, …), each of
 * its records as a row number, year, status, cluster and cell column. At 100,000 rows an
 * object of 13 fields per record took ~25 MB that live to the end of the run, and on a machine
 * where a fresh memory page costs ~13 µs that was a tenth of `--json` (docs/performance.md).
 * `record(i)` and `toArray()` build the objects where an output needs them.
 */
export class RecordTable implements RecordColumns {
  /** Number of records. */
  length = 0;
  private readonly sheetNames: string[] = [];
  // per service row
  private rows = 0;
  private rowSheet: Int32Array<ArrayBuffer>;
  private rowNumber: Int32Array<ArrayBuffer>;
  private rowKeyCol: Int32Array<ArrayBuffer>;
  private rowKeyValid: Uint8Array<ArrayBuffer>;
  private readonly rowOffice: RepeatingColumn;
  private readonly rowKey = new StringColumn();
  private readonly rowName = new StringColumn();
  private readonly rowRemark: RepeatingColumn;
  private readonly rowOnline: RepeatingColumn;
  // per record
  private recRow: Int32Array<ArrayBuffer>;
  private recYear: Int32Array<ArrayBuffer>;
  private recCol: Int32Array<ArrayBuffer>;
  private recCluster: Uint8Array<ArrayBuffer>;
  private recKeyId: Int32Array<ArrayBuffer>;
  /** One more than the highest key id given (`keyId`). */
  keyIds = 0;
  private readonly recStatus: RepeatingColumn;
  /** Plain A1 addresses by column and row, shared by the records (the same cells recur in every sheet). */
  private readonly addresses: string[][] = [];

  /** `expectedRows`: room for that many service rows and twice as many records to start with (it grows past them). */
  constructor(expectedRows = 0) {
    const rows = Math.max(1024, expectedRows);
    this.rowSheet = new Int32Array(rows);
    this.rowNumber = new Int32Array(rows);
    this.rowKeyCol = new Int32Array(rows);
    this.rowKeyValid = new Uint8Array(rows);
    this.recRow = new Int32Array(2 * rows);
    this.recYear = new Int32Array(2 * rows);
    this.recCol = new Int32Array(2 * rows);
    this.recCluster = new Uint8Array(2 * rows);
    this.recKeyId = new Int32Array(2 * rows);
    this.rowOffice = new RepeatingColumn(rows);
    this.rowRemark = new RepeatingColumn(rows);
    this.rowOnline = new RepeatingColumn(rows);
    this.recStatus = new RepeatingColumn(2 * rows);
  }

  /** A sheet the next rows are in; returns its number (0, 1, … in order of adding). */
  addSheet(name: string): number {
    this.sheetNames.push(name);
    return this.sheetNames.length - 1;
  }

  /**
   * A service row: `key` the normalised key where valid, else as written (trimmed), else '';
   * `keyCol` the key column (the name column where the table has none). Returns its row id.
   */
  addRow(sheet: number, row: number, office: string, key: string, keyValid: boolean, keyCol: number, name: string, remark: string, onlineService: string): number {
    const id = this.rows++;
    if (id === this.rowSheet.length) {
      this.rowSheet = grown(this.rowSheet);
      this.rowNumber = grown(this.rowNumber);
      this.rowKeyCol = grown(this.rowKeyCol);
      this.rowKeyValid = grown(this.rowKeyValid);
    }
    this.rowSheet[id] = sheet;
    this.rowNumber[id] = row;
    this.rowKeyCol[id] = keyCol;
    this.rowKeyValid[id] = keyValid ? 1 : 0;
    this.rowOffice.push(office);
    this.rowKey.push(key);
    this.rowName.push(name);
    this.rowRemark.push(remark);
    this.rowOnline.push(onlineService);
    return id;
  }

  /**
   * A record of service row `row` (an id from `addRow`), read from the cell in column `col` of its
   * row, with the counter's number of its office and valid key (else -1). Returns its position.
   */
  add(row: number, year: number, status: string, cluster: CountedCluster, col: number, keyId = -1): number {
    const i = this.length++;
    if (i === this.recRow.length) {
      this.recRow = grown(this.recRow);
      this.recYear = grown(this.recYear);
      this.recCol = grown(this.recCol);
      this.recCluster = grown(this.recCluster);
      this.recKeyId = grown(this.recKeyId);
    }
    this.recRow[i] = row;
    this.recYear[i] = year;
    this.recCol[i] = col;
    this.recCluster[i] = CLUSTER_NUMBER.get(cluster)!;
    this.recStatus.push(status);
    this.setKeyId(i, keyId);
    return i;
  }

  /** The number of record i's office and valid key (see `RecordColumns.keyId`), -1 for none. */
  setKeyId(i: number, keyId: number): void {
    this.recKeyId[i] = keyId;
    if (keyId >= this.keyIds) this.keyIds = keyId + 1;
  }

  /** Removes the records where `removed[i]` is 1, keeping the others in order. */
  remove(removed: Uint8Array): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      if (removed[i] === 1) continue;
      this.recRow[n] = this.recRow[i]!;
      this.recYear[n] = this.recYear[i]!;
      this.recCol[n] = this.recCol[i]!;
      this.recCluster[n] = this.recCluster[i]!;
      this.recKeyId[n] = this.recKeyId[i]!;
      this.recStatus.move(n, i);
      n++;
    }
    this.length = n;
    this.recStatus.truncate(n);
  }

  // a service row's facts, by its id (`addRow`)
  rowOfficeOf(id: number): string {
    return this.rowOffice.get(id);
  }
  rowKeyOf(id: number): string {
    return this.rowKey.get(id);
  }
  rowKeyIsValid(id: number): boolean {
    return this.rowKeyValid[id] === 1;
  }
  rowSheetName(id: number): string {
    return this.sheetNames[this.rowSheet[id]!]!;
  }
  rowNumberOf(id: number): number {
    return this.rowNumber[id]!;
  }

  // a record's fields, by its position
  /** The id of the record's service row. */
  rowIdOf(i: number): number {
    return this.recRow[i]!;
  }
  year(i: number): number {
    return this.recYear[i]!;
  }
  office(i: number): string {
    return this.rowOffice.get(this.recRow[i]!);
  }
  key(i: number): string {
    return this.rowKey.get(this.recRow[i]!);
  }
  keyValid(i: number): boolean {
    return this.rowKeyValid[this.recRow[i]!] === 1;
  }
  name(i: number): string {
    return this.rowName.get(this.recRow[i]!);
  }
  cluster(i: number): CountedCluster {
    return COUNTED_CLUSTERS[this.recCluster[i]!]!;
  }
  clusterNumber(i: number): number {
    return this.recCluster[i]!;
  }
  keyId(i: number): number {
    return this.recKeyId[i]!;
  }
  status(i: number): string {
    return this.recStatus.get(i);
  }
  /** The number of the record's sheet (`addSheet`). */
  sheetNumber(i: number): number {
    return this.rowSheet[this.recRow[i]!]!;
  }
  sheet(i: number): string {
    return this.sheetNames[this.sheetNumber(i)]!;
  }
  /** 0-based row of the record's service row in its sheet. */
  row(i: number): number {
    return this.rowNumber[this.recRow[i]!]!;
  }
  keyCell(i: number): string {
    const r = this.recRow[i]!;
    return this.address(this.rowNumber[r]!, this.rowKeyCol[r]!);
  }
  remark(i: number): string {
    return this.rowRemark.get(this.recRow[i]!);
  }
  onlineService(i: number): string {
    return this.rowOnline.get(this.recRow[i]!);
  }
  cell(i: number): string {
    return this.address(this.rowNumber[this.recRow[i]!]!, this.recCol[i]!);
  }

  /** Record `i` as an object. */
  record(i: number): CountedRecord {
    const r = this.recRow[i]!;
    const row = this.rowNumber[r]!;
    // one object literal of fixed shape, in the field order of CountedRecord
    return {
      year: this.recYear[i]!,
      office: this.rowOffice.get(r),
      sheet: this.sheetNames[this.rowSheet[r]!]!,
      row,
      key: this.rowKey.get(r),
      keyValid: this.rowKeyValid[r] === 1,
      keyCell: this.address(row, this.rowKeyCol[r]!),
      name: this.rowName.get(r),
      status: this.recStatus.get(i),
      cluster: COUNTED_CLUSTERS[this.recCluster[i]!]!,
      remark: this.rowRemark.get(r),
      onlineService: this.rowOnline.get(r),
      cell: this.address(row, this.recCol[i]!),
    };
  }

  /** Every record as an object, in order. */
  toArray(): CountedRecord[] {
    const all = new Array<CountedRecord>(this.length);
    for (let i = 0; i < this.length; i++) all[i] = this.record(i);
    return all;
  }

  private address(r: number, col: number): string {
    const byRow = (this.addresses[col] ??= []);
    return (byRow[r] ??= a1(r, col));
  }
}

/** The record tables of analyses whose `records` are built on first read (`withRecordTable`). */
const TABLES = new WeakMap<Analysis, RecordTable>();

/**
 * `analysis` with `records` built from `table` when first read (then kept), and the table
 * itself for `recordColumns`. `--json` reads the records only through their columns, so it never
 * builds the 190,880 objects of a large workbook; the outputs that list records build them once.
 */
export function withRecordTable(analysis: Omit<Analysis, 'records'>, table: RecordTable): Analysis {
  let records: CountedRecord[] | undefined;
  const result = Object.defineProperty({ ...analysis }, 'records', { get: () => (records ??= table.toArray()), enumerable: true }) as Analysis;
  TABLES.set(result, table);
  return result;
}

/**
 * A copy of `analysis` with `changes`, whose `records` stay unbuilt where they were (a spread of
 * the analysis would build them).
 */
export function revisedAnalysis(analysis: Analysis, changes: Partial<Omit<Analysis, 'records'>>): Analysis {
  const table = TABLES.get(analysis);
  if (!table) return { ...analysis, ...changes };
  return withRecordTable({ ...withoutRecords(analysis), ...changes }, table);
}

/** The analysis without its records, which are not built for it (file mode sends them after it, packed). */
export function withoutRecords(analysis: Analysis): Omit<Analysis, 'records'> {
  const rest: Partial<Record<keyof Analysis, unknown>> = {};
  for (const k of Object.keys(analysis) as (keyof Analysis)[]) if (k !== 'records') rest[k] = analysis[k];
  return rest as Omit<Analysis, 'records'>;
}

/** The analysis's records as columns: its table where it has one, else over its record objects. */
export function recordColumns(analysis: Analysis): RecordColumns {
  return TABLES.get(analysis) ?? columnsOfRecords(analysis.records);
}
