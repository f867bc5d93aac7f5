import { type Classifier, reifegradCluster } from './classify';
import { type CountedCluster, type Counts, EXCLUDED, UNASSIGNED } from './clusters';
import { type TableColumns, type YearSources, yearColumns, yearPlan } from './columns';
import { FindingLog } from './finding-log';
import type { Finding, FindingCode } from './findings';
import { isBlank } from './fold';
import { type Cell, a1, cellText, columnLetters } from './grid';
import { jahrOf } from './header';
import { KeyOfficeFilter } from './key-office-filter';
import { readKey } from './key';
import type { MergeIndex } from './merge-index';
import { MESSAGES } from './messages';
import type { CountedRecord, OfficeCounts, OfficeSheetInfo, SheetLayout } from './model';
import type { ReadSheet } from './report-year';
import { roleCell } from './rows';
import { tally } from './tally';

/** What a service row says once, whatever the year. */
type RowFacts = Omit<CountedRecord, 'year' | 'status' | 'cluster' | 'cell'>;

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

/** A rule-2 record waiting until every status entry is counted (§4 rule 5). */
interface Pending {
  /** Its slot in its sheet's records. */
  readonly at: number;
  readonly rec: CountedRecord;
  readonly keyCol: number;
  /** Index of its sheet in `Counter.sheets`. */
  readonly sheet: number;
}

/** An office's first counted record of each valid key and year (rule 5). */
interface OfficeFirsts {
  readonly office: string;
  /** Its place in order of first lookup. */
  readonly number: number;
  /**
   * By key: `byKey[0]` holds a key's first record in the office, `byKey[1]` its first in a
   * further year, and so on (most keys stand in a few years).
   */
  readonly byKey: Map<string, CountedRecord>[];
}

/** Counts service rows into records by the rules of SPEC §3–§4, with findings on the cells they concern. */
export class Counter {
  /** The records of the sheet being counted (see `sheets`). */
  private sheetRecords: (CountedRecord | undefined)[] = [];
  /** Plain A1 addresses by column and row, shared by the sheets' records (the same cells recur in every sheet). */
  private readonly addresses: string[][] = [];
  private readonly pending: Pending[] = [];
  private readonly log = new FindingLog();
  /** Each office's first counted records (rule 5), and the office last looked up (records come office by office). */
  private readonly firstsByOffice = new Map<string, OfficeFirsts>();
  private officeFirsts: OfficeFirsts | undefined;
  /** Office, year and key → first counted record, for a key counted in more than FIRSTS_BY_KEY years of an office. */
  private readonly firstByOfficeYearKey = new Map<string, CountedRecord>();
  private readonly keyOffices = new KeyOfficeFilter();
  /** Valid keys that may be counted in two or more offices: only their records can raise KEY_IN_SEVERAL_OFFICES. */
  private readonly severalOfficeKeys = new Set<string>();
  /** Rule-2 slots left empty (their key was counted in the office and year). */
  private emptySlots = 0;
  /** Offices in order of first appearance: the first service row naming them, counted or not. */
  private readonly officeOrder = new Set<string>();
  /**
   * The office sheets counted (sheet names may repeat across files), each with its records in row
   * order: a rule-2 slot stays empty where its record is not counted.
   */
  private readonly sheets: { info: Omit<OfficeSheetInfo, 'years'>; years: Set<number>; records: (CountedRecord | undefined)[] }[] = [];
  /** The office of the sheet being counted, for rows without an office value. */
  private sheetOffice = '';

  constructor(
    private readonly classifier: Classifier,
    private readonly reportYear: number,
  ) {}

  /** Counts the rows of one office sheet; call it for every office sheet in sheet order, then {@link result}. */
  countSheet({ office, tables, officeName }: ReadSheet): void {
    const { sheet, merges } = office;
    this.sheetOffice = officeName ?? sheet.name;
    const records: (CountedRecord | undefined)[] = (this.sheetRecords = []);
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
    this.sheets.push({ info: { sheet: sheet.name, serviceRows, layout, tables: tables.length }, years, records });
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
    const { base, keyCol, service } = this.rowFacts(t, at);
    const rowYear = this.rowYear(t, at);
    if (rowYear === undefined) return;
    if (this.countYears(table, at, base, rowYear, keyCol, sheetYears)) return;
    // §4 rule 2: Nicht zugeordnet in the report year, in the long format in the row's Jahr
    const year = t.yearCol !== undefined ? rowYear : this.reportYear;
    // a row set up in advance for a year after the report year is not reported
    if (year > this.reportYear) return;
    const col = table.firstStatusCol ?? t.name ?? keyCol;
    this.add(at, 'NO_STATUS', at.r, col, MESSAGES.NO_STATUS(service, year));
    // rule 5: entries from status cells come first; this one counts only where the office has none
    this.pending.push({ at: this.sheetRecords.length, rec: counted(base, year, '', UNASSIGNED, this.address(at.r, col)), keyCol, sheet: this.sheets.length });
    this.sheetRecords.push(undefined);
  }

  /** Office, key, name and the rest of a service row; INVALID_KEY or NO_KEY on its key cell. */
  private rowFacts(t: TableColumns, at: RowAt): { base: RowFacts; keyCol: number; service: string } {
    const { sheet, r, row, merges } = at;
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
    const base: RowFacts = {
      office,
      sheet,
      row: r,
      key: key.kind === 'valid' ? key.key : key.kind === 'invalid' ? key.written : '',
      keyValid: key.kind === 'valid',
      keyCell: this.address(r, keyCol),
      name,
      remark: t.remark !== undefined ? cellText(row[t.remark] ?? null).trim() : '',
      onlineService: t.online !== undefined ? cellText(row[t.online] ?? null).trim() : '',
    };
    return { base, keyCol, service };
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
  private countYears(table: YearTable, at: RowAt, base: RowFacts, rowYear: number, keyCol: number, sheetYears: Set<number>): boolean {
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
      const rec = col === status ? this.statusRecord(at, base, year, col, statusCell) : this.reifegradRecord(at, base, year, col, reifegradCell);
      if (rec) this.record(rec, keyCol, sheetYears, FindingLog.position(this.sheets.length, r));
    }
    return inventoried;
  }

  private statusRecord(at: RowAt, base: RowFacts, year: number, col: number, cell: Cell): CountedRecord | undefined {
    const text = cellText(cell).trim();
    const cluster = this.classifier.classify(text);
    if (cluster === EXCLUDED) {
      this.add(at, 'EXCLUDED', at.r, col, MESSAGES.EXCLUDED(text));
      return undefined;
    }
    if (cluster === undefined) {
      // an Excel error value (#NV …) is no misspelling: it gets no suggestion
      const suggestion = typeof cell === 'string' ? this.classifier.suggest(text) : undefined;
      this.add(at, 'UNKNOWN_STATUS', at.r, col, MESSAGES.UNKNOWN_STATUS(text, suggestion?.value), suggestion?.value);
    }
    return counted(base, year, text, cluster ?? UNASSIGNED, this.address(at.r, col));
  }

  private reifegradRecord(at: RowAt, base: RowFacts, year: number, col: number, cell: Cell): CountedRecord {
    const text = cellText(cell).trim();
    const cluster = typeof cell === 'number' || typeof cell === 'string' ? reifegradCluster(cell) : undefined;
    if (cluster === undefined) this.add(at, 'INVALID_REIFEGRAD', at.r, col, MESSAGES.INVALID_REIFEGRAD(text));
    return counted(base, year, `Reifegrad ${text}`, cluster === undefined || cluster === EXCLUDED ? UNASSIGNED : cluster, this.address(at.r, col));
  }

  /** Counts a record unless its valid key was already counted in the office and year (rule 5). */
  private record(rec: CountedRecord, keyCol: number, sheetYears: Set<number>, pos: number): void {
    if (!this.firstCount(rec, keyCol, pos, false)) return;
    this.sheetRecords.push(rec);
    sheetYears.add(rec.year);
  }

  /** True when `rec` is the first of its valid key in its office and year; else the duplicate finding on its key cell. */
  private firstCount(rec: CountedRecord, keyCol: number, pos: number, rule2: boolean): boolean {
    if (!rec.keyValid) return true;
    const first = this.firstOf(rec);
    if (!first) return true;
    const where = `${first.sheet}!${first.keyCell}`;
    if (rule2) this.log.add(pos, 'DUPLICATE_KEY', rec.sheet, rec.row, keyCol, { message: MESSAGES.DUPLICATE_KEY_WITHOUT_STATUS(rec.key, rec.year, where) });
    else if (first.cluster === rec.cluster) this.log.add(pos, 'DUPLICATE_KEY', rec.sheet, rec.row, keyCol, { message: MESSAGES.DUPLICATE_KEY(rec.key, rec.year, where) });
    else {
      const message = MESSAGES.CONFLICTING_DUPLICATE(rec.key, rec.year, where, first.cluster, rec.cluster);
      this.log.add(pos, 'CONFLICTING_DUPLICATE', rec.sheet, rec.row, keyCol, { message });
    }
    return false;
  }

  /** The first counted record of `rec`'s key, office and year; where there is none, `rec` becomes it. */
  private firstOf(rec: CountedRecord): CountedRecord | undefined {
    const { key, office, year } = rec;
    let of = this.officeFirsts;
    if (of?.office !== office) {
      of = this.firstsByOffice.get(office);
      if (!of) this.firstsByOffice.set(office, (of = { office, number: this.firstsByOffice.size, byKey: [] }));
      this.officeFirsts = of;
    }
    const { byKey } = of;
    let i = 0;
    for (let f: CountedRecord | undefined; i < byKey.length && (f = byKey[i]!.get(key)) !== undefined; i++) if (f.year === year) return f;
    if (i === 0 && this.keyOffices.note(key, of.number)) this.severalOfficeKeys.add(key);
    if (i < FIRSTS_BY_KEY) {
      (byKey[i] ??= new Map()).set(key, rec);
      return undefined;
    }
    const officeYearKey = `${office}\u0000${year}\u0000${key}`;
    const first = this.firstByOfficeYearKey.get(officeYearKey);
    if (!first) this.firstByOfficeYearKey.set(officeYearKey, rec);
    return first;
  }

  /** The A1 address of row `r`, column `col`. */
  private address(r: number, col: number): string {
    const byRow = (this.addresses[col] ??= []);
    return (byRow[r] ??= a1(r, col));
  }

  private add(at: Pick<RowAt, 'sheet' | 'r'>, code: FindingCode, row: number, col: number, message: string, suggestion?: string): void {
    this.log.add(FindingLog.position(this.sheets.length, at.r), code, at.sheet, row, col, suggestion !== undefined ? { message, suggestion } : { message });
  }

  /** Settles the rule-2 entries, then the counts, the sheets' years and the findings in sheet and row order. */
  result(): { years: number[]; total: Record<number, Counts>; offices: OfficeCounts[]; records: CountedRecord[]; findings: Finding[]; officeSheets: OfficeSheetInfo[] } {
    for (const p of this.pending) {
      if (!this.firstCount(p.rec, p.keyCol, FindingLog.position(p.sheet, p.rec.row), true)) {
        this.emptySlots++;
        continue;
      }
      const sheet = this.sheets[p.sheet]!;
      sheet.records[p.at] = p.rec;
      sheet.years.add(p.rec.year);
    }
    this.keysInSeveralOffices();
    const all = joined(this.sheets.map((s) => s.records));
    const records = this.emptySlots > 0 ? all.filter((r): r is CountedRecord => r !== undefined) : (all as CountedRecord[]);
    const officeSheets = this.sheets.map(({ info, years }) => ({ ...info, years: [...years].sort((a, b) => a - b) }));
    // every counted record added its year to its sheet's
    const years = [...new Set(officeSheets.flatMap((s) => s.years))].sort((a, b) => a - b);
    return { ...tally(records, years, this.officeOrder), records, findings: this.log.sorted(), officeSheets };
  }

  /** KEY_IN_SEVERAL_OFFICES on the key cell where a counted valid key first appears in a further office. */
  private keysInSeveralOffices(): void {
    if (this.severalOfficeKeys.size === 0) return;
    // most keys stand in one office: a set only where a second one appears
    const keyOffices = new Map<string, string | Set<string>>();
    this.sheets.forEach(({ records }, sheet) => {
      for (const rec of records) {
        if (!rec?.keyValid || !this.severalOfficeKeys.has(rec.key)) continue;
        const offices = keyOffices.get(rec.key);
        if (offices === undefined) keyOffices.set(rec.key, rec.office);
        else if (typeof offices === 'string' ? offices !== rec.office : !offices.has(rec.office)) {
          const first = typeof offices === 'string' ? offices : offices.values().next().value!;
          this.log.addAt(FindingLog.position(sheet, rec.row), 'KEY_IN_SEVERAL_OFFICES', rec.sheet, rec.keyCell, { message: MESSAGES.KEY_IN_SEVERAL_OFFICES(rec.key, first) });
          if (typeof offices === 'string') keyOffices.set(rec.key, new Set([offices, rec.office]));
          else offices.add(rec.office);
        }
      }
    });
  }
}

/** The arrays' elements in order, in one array allocated at its size (growing it by pushes costs more at 100,000 records). */
function joined<T>(arrays: readonly T[][]): T[] {
  let all: T[] = [];
  // concat takes its arrays as arguments: a bounded number per call
  for (let i = 0; i < arrays.length; i += 10_000) all = all.concat(...arrays.slice(i, i + 10_000));
  return all;
}

/** How many years of one key and office are looked up in `OfficeFirsts.byKey`; past it, by a joined string. */
const FIRSTS_BY_KEY = 8;

/** A record as one object literal of fixed shape (an object spread here costs seconds at 100,000 rows). */
function counted(base: RowFacts, year: number, status: string, cluster: CountedCluster, cell: string): CountedRecord {
  return {
    year,
    office: base.office,
    sheet: base.sheet,
    row: base.row,
    key: base.key,
    keyValid: base.keyValid,
    keyCell: base.keyCell,
    name: base.name,
    status,
    cluster,
    remark: base.remark,
    onlineService: base.onlineService,
    cell,
  };
}

function collapse(text: string): string {
  return /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
