import { type Classifier, reifegradCluster } from './classify';
import { type CountedCluster, type Counts, EXCLUDED, UNASSIGNED } from './clusters';
import { type TableColumns, type YearSources, yearColumns, yearPlan } from './columns';
import { FindingLog } from './finding-log';
import { FirstRecords } from './first-records';
import type { Finding, FindingCode } from './findings';
import { isBlank } from './fold';
import { type Cell, cellText, columnLetters } from './grid';
import { jahrOf } from './header';
import { KeyOfficeFilter } from './key-office-filter';
import { readKey } from './key';
import type { MergeIndex } from './merge-index';
import { MESSAGES } from './messages';
import type { OfficeCounts, OfficeSheetInfo, SheetLayout } from './model';
import { RecordTable } from './record-table';
import type { ReadSheet } from './report-year';
import { roleCell } from './rows';
import { tally } from './tally';

/** A table once the report year is known: its columns by year. */
interface YearTable {
  readonly t: TableColumns;
  readonly yc: ReturnType<typeof yearColumns>;
  /** The year plan of every row, where no column takes its year from the row. */
  readonly plan: readonly YearSources[] | undefined;
  readonly firstStatusCol: number | undefined;
}

/** The row being counted. */
interface RowAt {
  readonly sheet: string;
  readonly r: number;
  readonly row: readonly Cell[];
  readonly merges: MergeIndex;
}

/** A rule-2 record waiting until every status entry is counted (§4 rule 5): it holds its place among the records meanwhile. */
interface Pending {
  /** Its position in the record table. */
  readonly at: number;
  readonly keyCol: number;
}

/** An office, numbered in order of its first record's lookup (rule 5). */
interface OfficeNumber {
  readonly office: string;
  readonly number: number;
}

/** Counts service rows into records by the rules of SPEC §3–§4, with findings on the cells they concern. */
export class Counter {
  /** The counted records of every sheet, in sheet and row order; rule-2 records keep their place until settled. */
  private readonly table: RecordTable;
  /** The first counted record of each valid key, office and year (rule 5). */
  private readonly firsts: FirstRecords;
  private readonly pending: Pending[] = [];
  private readonly log = new FindingLog();
  /** The offices' numbers, and the office last looked up (records come office by office). */
  private readonly officeNumbers = new Map<string, OfficeNumber>();
  private lastOffice: OfficeNumber | undefined;
  private readonly keyOffices: KeyOfficeFilter;
  /** Valid keys that may be counted in two or more offices: only their records can raise KEY_IN_SEVERAL_OFFICES. */
  private readonly severalOfficeKeys = new Set<string>();
  /** Offices in order of first appearance: the first service row naming them, counted or not. */
  private readonly officeOrder = new Set<string>();
  /** The office sheets counted (sheet names may repeat across files), each with its records' years. */
  private readonly sheets: { info: Omit<OfficeSheetInfo, 'years'>; years: Set<number> }[] = [];
  /** The office of the sheet being counted, for rows without an office value. */
  private sheetOffice = '';

  /** `expectedRows`: about how many service rows will be counted (the tables' rows), to size the tables once. */
  constructor(
    private readonly classifier: Classifier,
    private readonly reportYear: number,
    expectedRows = 0,
  ) {
    // slots for twice the rows: the hash tables grow at a quarter full
    const bits = Math.min(22, Math.max(10, Math.ceil(Math.log2(2 * expectedRows + 1))));
    this.table = new RecordTable(Math.min(expectedRows, 1 << 22));
    this.firsts = new FirstRecords(this.table, bits);
    this.keyOffices = new KeyOfficeFilter(bits);
  }

  /** Counts the rows of one office sheet; call it for every office sheet in sheet order, then {@link result}. */
  countSheet({ office, tables, officeName }: ReadSheet): void {
    const { sheet, merges } = office;
    this.sheetOffice = officeName ?? sheet.name;
    this.table.addSheet(sheet.name);
    const years = new Set<number>();
    let serviceRows = 0;
    let layout: SheetLayout = 'wide';
    for (const { columns: t, rows } of tables) {
      if (t.yearCol !== undefined) layout = 'long';
      else if (t.header.twoRow && layout === 'wide') layout = 'two-row';
      const table = this.yearTable(sheet.name, sheet.rows, t);
      for (let i = 0; i < rows.length; i++) {
        const reading = rows[i]!;
        if (reading.kind === 'blank') continue;
        const r = t.header.firstDataRow + i;
        const at: RowAt = { sheet: sheet.name, r, row: sheet.rows[r] ?? [], merges };
        switch (reading.kind) {
          case 'service':
            serviceRows++;
            this.countRow(table, at, years);
            break;
          case 'totals':
            this.add(at, 'TOTALS_ROW', r, reading.col, MESSAGES.TOTALS_ROW(reading.text));
            break;
          case 'heading':
            this.add(at, 'SECTION_HEADING', reading.row, reading.col, MESSAGES.SECTION_HEADING(cellText(at.row[reading.col]).trim()));
            break;
          case 'status-only':
            this.add(at, 'STATUS_WITHOUT_SERVICE', r, reading.col, MESSAGES.STATUS_WITHOUT_SERVICE(cellText(at.row[reading.col]).trim()));
            break;
        }
      }
    }
    this.sheets.push({ info: { sheet: sheet.name, serviceRows, layout, tables: tables.length }, years });
  }

  /** The table's columns by year; DUPLICATE_YEAR_COLUMN on each column a column further left overrides. */
  private yearTable(sheet: string, grid: readonly (readonly Cell[] | undefined)[], t: TableColumns): YearTable {
    const yc = yearColumns(t, this.reportYear);
    for (const { column, slot, first } of yc.collisions) {
      const header = cellText(grid[column.headerRow]?.[column.col] ?? null);
      const year = slot === 'row' ? 'das Jahr der Zeile' : String(slot);
      this.add({ sheet, r: column.headerRow }, 'DUPLICATE_YEAR_COLUMN', column.headerRow, column.col, MESSAGES.DUPLICATE_YEAR_COLUMN(header, year, columnLetters(first)));
    }
    const used = new Set(yc.status.values());
    return {
      t,
      yc,
      plan: yc.status.has('row') || yc.reifegrad.has('row') ? undefined : yearPlan(yc, this.reportYear),
      firstStatusCol: t.sources.find((s) => s.kind === 'status' && used.has(s.col))?.col,
    };
  }

  /** Counts one service row: a record per year with a status or Reifegrad, else rule 2. */
  private countRow(table: YearTable, at: RowAt, sheetYears: Set<number>): void {
    const { t } = table;
    const { id, keyCol, service } = this.rowFacts(t, at);
    const rowYear = this.rowYear(t, at);
    if (rowYear === undefined) return;
    if (this.countYears(table, at, id, rowYear, keyCol, sheetYears)) return;
    // §4 rule 2: Nicht zugeordnet in the report year, in the long format in the row's Jahr
    const year = t.yearCol !== undefined ? rowYear : this.reportYear;
    // a row set up in advance for a year after the report year is not reported
    if (year > this.reportYear) return;
    const col = table.firstStatusCol ?? t.name ?? keyCol;
    this.add(at, 'NO_STATUS', at.r, col, MESSAGES.NO_STATUS(service, year));
    // rule 5: entries from status cells come first; this one counts only where the office has none
    this.pending.push({ at: this.table.add(id, year, '', UNASSIGNED, col), keyCol });
  }

  /** Office, key, name and the rest of a service row; INVALID_KEY or NO_KEY on its key cell. */
  private rowFacts(t: TableColumns, at: RowAt): { id: number; keyCol: number; service: string } {
    const { r, row, merges } = at;
    const keyCell = roleCell(row, r, t.key, merges);
    const nameCell = roleCell(row, r, t.name, merges);
    const name = isBlank(nameCell) ? '' : collapse(cellText(nameCell));
    const officeCell = t.office !== undefined ? row[t.office] ?? null : null;
    const office = isBlank(officeCell) ? this.sheetOffice : collapse(cellText(officeCell));
    this.officeOrder.add(office);
    const key = t.key !== undefined ? readKey(keyCell) : ({ kind: 'missing' } as const);
    const keyCol = t.key ?? t.name!;
    const service = name || cellText(keyCell).trim();
    if (key.kind === 'invalid') this.add(at, 'INVALID_KEY', r, keyCol, MESSAGES.INVALID_KEY(key.written));
    if (key.kind === 'missing') this.add(at, 'NO_KEY', r, keyCol, MESSAGES.NO_KEY(service));
    const id = this.table.addRow(
      this.sheets.length,
      r,
      office,
      key.kind === 'valid' ? key.key : key.kind === 'invalid' ? key.written : '',
      key.kind === 'valid',
      keyCol,
      name,
      t.remark !== undefined ? cellText(row[t.remark] ?? null).trim() : '',
      t.online !== undefined ? cellText(row[t.online] ?? null).trim() : '',
    );
    return { id, keyCol, service };
  }

  /** The row's Jahr in the long format (empty: the report year), else the report year; undefined with INVALID_YEAR. */
  private rowYear(t: TableColumns, at: RowAt): number | undefined {
    if (t.yearCol === undefined) return this.reportYear;
    const jahr = at.row[t.yearCol] ?? null;
    if (isBlank(jahr)) return this.reportYear;
    const year = jahrOf(jahr);
    // §4 rule 2: a row with an invalid Jahr is not counted
    if (year === undefined) this.add(at, 'INVALID_YEAR', at.r, t.yearCol, MESSAGES.INVALID_YEAR(cellText(jahr).trim()));
    return year;
  }

  /** Records each year's status, else its Reifegrad; true when the row is inventoried in any year. */
  private countYears(table: YearTable, at: RowAt, id: number, rowYear: number, keyCol: number, sheetYears: Set<number>): boolean {
    const { r, row, merges } = at;
    let inventoried = false;
    for (const { year, status, reifegrad } of table.plan ?? yearPlan(table.yc, rowYear)) {
      const statusCell = roleCell(row, r, status, merges);
      const reifegradCell = roleCell(row, r, reifegrad, merges);
      const col = !isBlank(statusCell) ? status : !isBlank(reifegradCell) ? reifegrad : undefined;
      if (col === undefined) continue;
      inventoried = true;
      // years after the report year are not reported
      if (year > this.reportYear) continue;
      if (col === status) this.countStatus(at, id, year, col, statusCell, keyCol, sheetYears);
      else this.countReifegrad(at, id, year, col, reifegradCell, keyCol, sheetYears);
    }
    return inventoried;
  }

  /** A record of the status in column `col`, unless excluded; UNKNOWN_STATUS where no cluster knows it. */
  private countStatus(at: RowAt, id: number, year: number, col: number, cell: Cell, keyCol: number, sheetYears: Set<number>): void {
    const text = cellText(cell).trim();
    const cluster = this.classifier.classify(text);
    if (cluster === EXCLUDED) {
      this.add(at, 'EXCLUDED', at.r, col, MESSAGES.EXCLUDED(text));
      return;
    }
    if (cluster === undefined) {
      // an Excel error value (#NV …) is no misspelling: it gets no suggestion
      const suggestion = typeof cell === 'string' ? this.classifier.suggest(text) : undefined;
      this.add(at, 'UNKNOWN_STATUS', at.r, col, MESSAGES.UNKNOWN_STATUS(text, suggestion?.value), suggestion?.value);
    }
    this.record(at, id, year, text, cluster ?? UNASSIGNED, col, keyCol, sheetYears);
  }

  /** A record of the Reifegrad in column `col`; INVALID_REIFEGRAD where it is none. */
  private countReifegrad(at: RowAt, id: number, year: number, col: number, cell: Cell, keyCol: number, sheetYears: Set<number>): void {
    const text = cellText(cell).trim();
    const cluster = typeof cell === 'number' || typeof cell === 'string' ? reifegradCluster(cell) : undefined;
    if (cluster === undefined) this.add(at, 'INVALID_REIFEGRAD', at.r, col, MESSAGES.INVALID_REIFEGRAD(text));
    this.record(at, id, year, `Reifegrad ${text}`, cluster === undefined || cluster === EXCLUDED ? UNASSIGNED : cluster, col, keyCol, sheetYears);
  }

  /** Counts a record of service row `id` unless its valid key was already counted in the office and year (rule 5). */
  private record(at: RowAt, id: number, year: number, status: string, cluster: CountedCluster, col: number, keyCol: number, sheetYears: Set<number>): void {
    const { table } = this;
    let keyId = -1;
    if (table.rowKeyIsValid(id)) {
      // the record to be is the table's next; it is added only where it counts
      if (!this.firstCount(table.length, id, year, cluster, keyCol, FindingLog.position(this.sheets.length, at.r), false)) return;
      keyId = this.firsts.keyId;
    }
    table.add(id, year, status, cluster, col, keyId);
    sheetYears.add(year);
  }

  /**
   * True when the record at position `at` (of service row `id`, `year` and `cluster`) is the first of
   * its valid key in its office and year; else the duplicate finding on its key cell.
   */
  private firstCount(at: number, id: number, year: number, cluster: CountedCluster, keyCol: number, pos: number, rule2: boolean): boolean {
    const { table } = this;
    const key = table.rowKeyOf(id);
    const first = this.firstOf(table.rowOfficeOf(id), key, year, at);
    if (first < 0) return true;
    const where = `${table.sheet(first)}!${table.keyCell(first)}`;
    const sheet = table.rowSheetName(id);
    const row = table.rowNumberOf(id);
    if (rule2) this.log.add(pos, 'DUPLICATE_KEY', sheet, row, keyCol, { message: MESSAGES.DUPLICATE_KEY_WITHOUT_STATUS(key, year, where) });
    else if (table.cluster(first) === cluster) this.log.add(pos, 'DUPLICATE_KEY', sheet, row, keyCol, { message: MESSAGES.DUPLICATE_KEY(key, year, where) });
    else {
      const message = MESSAGES.CONFLICTING_DUPLICATE(key, year, where, table.cluster(first), cluster);
      this.log.add(pos, 'CONFLICTING_DUPLICATE', sheet, row, keyCol, { message });
    }
    return false;
  }

  /** The position of the first counted record of `key` in `office` and `year`, else -1, and the record at position `at` becomes it. */
  private firstOf(office: string, key: string, year: number, at: number): number {
    let o = this.lastOffice;
    if (o?.office !== office) {
      o = this.officeNumbers.get(office);
      if (!o) this.officeNumbers.set(office, (o = { office, number: this.officeNumbers.size }));
      this.lastOffice = o;
    }
    const first = this.firsts.firstOf(office, o.number, key, year, at);
    if (this.firsts.newInOffice && this.keyOffices.note(key, o.number, this.firsts.keyHash)) this.severalOfficeKeys.add(key);
    return first;
  }

  private add(at: Pick<RowAt, 'sheet' | 'r'>, code: FindingCode, row: number, col: number, message: string, suggestion?: string): void {
    this.log.add(FindingLog.position(this.sheets.length, at.r), code, at.sheet, row, col, suggestion !== undefined ? { message, suggestion } : { message });
  }

  /** Settles the rule-2 entries, then the counts, the sheets' years and the findings in sheet and row order. */
  result(): { years: number[]; total: Record<number, Counts>; offices: OfficeCounts[]; records: RecordTable; findings: Finding[]; officeSheets: OfficeSheetInfo[] } {
    const { table } = this;
    let removed: Uint8Array | undefined;
    for (const p of this.pending) {
      const id = table.rowIdOf(p.at);
      const year = table.year(p.at);
      const sheet = table.sheetNumber(p.at);
      if (table.rowKeyIsValid(id)) {
        if (!this.firstCount(p.at, id, year, UNASSIGNED, p.keyCol, FindingLog.position(sheet, table.row(p.at)), true)) {
          (removed ??= new Uint8Array(table.length))[p.at] = 1;
          continue;
        }
        table.setKeyId(p.at, this.firsts.keyId);
      }
      this.sheets[sheet]!.years.add(year);
    }
    if (removed) table.remove(removed);
    this.keysInSeveralOffices();
    const officeSheets = this.sheets.map(({ info, years }) => ({ ...info, years: [...years].sort((a, b) => a - b) }));
    // every counted record added its year to its sheet's
    const years = [...new Set(officeSheets.flatMap((s) => s.years))].sort((a, b) => a - b);
    return { ...tally(table, years, this.officeOrder), records: table, findings: this.log.sorted(), officeSheets };
  }

  /** KEY_IN_SEVERAL_OFFICES on the key cell where a counted valid key first appears in a further office. */
  private keysInSeveralOffices(): void {
    if (this.severalOfficeKeys.size === 0) return;
    // most keys stand in one office: a set only where a second one appears
    const keyOffices = new Map<string, string | Set<string>>();
    const { table } = this;
    for (let i = 0; i < table.length; i++) {
      const key = table.key(i);
      if (!table.keyValid(i) || !this.severalOfficeKeys.has(key)) continue;
      const office = table.office(i);
      const offices = keyOffices.get(key);
      if (offices === undefined) keyOffices.set(key, office);
      else if (typeof offices === 'string' ? offices !== office : !offices.has(office)) {
        const first = typeof offices === 'string' ? offices : offices.values().next().value!;
        this.log.addAt(FindingLog.position(table.sheetNumber(i), table.row(i)), 'KEY_IN_SEVERAL_OFFICES', table.sheet(i), table.keyCell(i), { message: MESSAGES.KEY_IN_SEVERAL_OFFICES(key, first) });
        if (typeof offices === 'string') keyOffices.set(key, new Set([offices, office]));
        else offices.add(office);
      }
    }
  }
}


function collapse(text: string): string {
  return /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
