import { type Classifier, reifegradCluster } from './classify';
import { ALL_SERVICES, type CountedCluster, type Counts, EXCLUDED, UNASSIGNED, emptyCounts } from './clusters';
import { type TableColumns, type YearSources, yearColumns, yearPlan } from './columns';
import { SEVERITY, type Finding, type FindingCode } from './findings';
import { isBlank } from './fold';
import { type Cell, a1, cellText, columnLetters } from './grid';
import { jahrOf } from './header';
import { type KeyReading, readKey } from './key';
import { MESSAGES } from './messages';
import type { CountedRecord, OfficeCounts, OfficeSheetInfo, SheetLayout } from './model';
import type { ReadSheet } from './report-year';
import { roleCell } from './rows';

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

/** A rule-2 record waiting until every status entry is counted (§4 rule 5). */
interface Pending {
  readonly at: number;
  readonly rec: CountedRecord;
  readonly keyCol: number;
  readonly pos: number;
  /** Index of its sheet in `Counter.sheets`. */
  readonly sheet: number;
}

/** Findings sort by sheet and row, whenever they were found. */
interface Placed {
  readonly pos: number;
  readonly finding: Finding;
}

/** Counts service rows into records by the rules of SPEC §3–§4, with findings on the cells they concern. */
export class Counter {
  /** Records in sheet and row order; a rule-2 slot stays empty where its record is not counted. */
  private readonly records: (CountedRecord | undefined)[] = [];
  /** The sort position of each record's row (sheet names may repeat across files). */
  private readonly recordPos: number[] = [];
  private readonly pending: Pending[] = [];
  private readonly placed: Placed[] = [];
  /** `office year` → key → first counted occurrence (rule 5). */
  private readonly firstByKey = new Map<string, Map<string, { cluster: CountedCluster; sheet: string; cell: string }>>();
  /** Offices in order of first appearance: the first service row naming them, counted or not. */
  private readonly officeOrder = new Set<string>();
  private readonly sheets: { info: Omit<OfficeSheetInfo, 'years'>; years: Set<number> }[] = [];
  private sheetIndex = -1;

  constructor(
    private readonly classifier: Classifier,
    private readonly reportYear: number,
  ) {}

  countSheet({ office, tables }: ReadSheet): void {
    const { sheet, merges } = office;
    this.sheetIndex++;
    let serviceRows = 0;
    const years = new Set<number>();
    let layout: SheetLayout = 'wide';
    const seenHeadings = new Set<string>();
    for (const { columns: t, rows } of tables) {
      if (t.yearCol !== undefined) layout = 'long';
      else if (t.header.twoRow && layout === 'wide') layout = 'two-row';
      const table = this.yearTable(sheet.name, sheet.rows, t);
      rows.forEach((reading, i) => {
        const r = t.header.firstDataRow + i;
        const row = sheet.rows[r] ?? [];
        switch (reading.kind) {
          case 'service':
            serviceRows++;
            this.countRow(sheet.name, table, r, row, merges, years);
            break;
          case 'totals':
            this.add('TOTALS_ROW', sheet.name, r, r, reading.col, { message: MESSAGES.TOTALS_ROW(reading.text) });
            break;
          case 'heading': {
            const cell = a1(reading.row, reading.col);
            // a heading merged down over several rows is reported once
            if (seenHeadings.has(cell)) break;
            seenHeadings.add(cell);
            this.add('SECTION_HEADING', sheet.name, r, reading.row, reading.col, { message: MESSAGES.SECTION_HEADING(cellText(row[reading.col]).trim()) });
            break;
          }
          case 'status-only':
            this.add('STATUS_WITHOUT_SERVICE', sheet.name, r, r, reading.col, { message: MESSAGES.STATUS_WITHOUT_SERVICE(cellText(row[reading.col]).trim()) });
            break;
          case 'blank':
            break;
        }
      });
    }
    this.sheets.push({ info: { sheet: sheet.name, serviceRows, layout, tables: tables.length }, years });
  }

  /** The table's columns by year; DUPLICATE_YEAR_COLUMN on each column a column further left overrides. */
  private yearTable(sheetName: string, grid: readonly (readonly Cell[] | undefined)[], t: TableColumns): YearTable {
    const yc = yearColumns(t, this.reportYear);
    for (const { column, slot, first } of yc.collisions) {
      this.add('DUPLICATE_YEAR_COLUMN', sheetName, column.headerRow, column.headerRow, column.col, {
        message: MESSAGES.DUPLICATE_YEAR_COLUMN(cellText(grid[column.headerRow]?.[column.col] ?? null), slot === 'row' ? 'das Jahr der Zeile' : String(slot), columnLetters(first)),
      });
    }
    const rowSlots = yc.status.has('row') || yc.reifegrad.has('row');
    const used = new Set([...yc.status.values()]);
    return {
      t,
      yc,
      plan: rowSlots ? undefined : yearPlan(yc, this.reportYear),
      firstStatusCol: t.sources.find((s) => s.kind === 'status' && used.has(s.col))?.col,
    };
  }

  private countRow(sheetName: string, table: YearTable, r: number, row: readonly Cell[], merges: Parameters<typeof roleCell>[3], sheetYears: Set<number>): void {
    const { t } = table;
    const keyCell = roleCell(row, r, t.key, merges);
    const nameCell = roleCell(row, r, t.name, merges);
    const name = isBlank(nameCell) ? '' : collapse(cellText(nameCell));
    const officeCell = t.office !== undefined ? row[t.office] ?? null : null;
    const office = isBlank(officeCell) ? sheetName : collapse(cellText(officeCell));
    this.officeOrder.add(office);
    const key: KeyReading = t.key !== undefined ? readKey(keyCell) : { kind: 'missing' };
    const keyCol = t.key ?? t.name!;
    const service = name || cellText(keyCell).trim();
    if (key.kind === 'invalid') this.add('INVALID_KEY', sheetName, r, r, keyCol, { message: MESSAGES.INVALID_KEY(key.written) });
    if (key.kind === 'missing') this.add('NO_KEY', sheetName, r, r, keyCol, { message: MESSAGES.NO_KEY(service) });

    let rowYear = this.reportYear;
    if (t.yearCol !== undefined) {
      const jahr = row[t.yearCol] ?? null;
      const year = isBlank(jahr) ? this.reportYear : jahrOf(jahr);
      if (year === undefined) {
        // §4 rule 2: a row with an invalid Jahr is not counted
        this.add('INVALID_YEAR', sheetName, r, r, t.yearCol, { message: MESSAGES.INVALID_YEAR(cellText(jahr).trim()) });
        return;
      }
      rowYear = year;
    }
    const base: RowFacts = {
      office,
      sheet: sheetName,
      row: r,
      key: key.kind === 'valid' ? key.key : key.kind === 'invalid' ? key.written : '',
      keyValid: key.kind === 'valid',
      keyCell: a1(r, keyCol),
      name,
      remark: t.remark !== undefined ? cellText(row[t.remark] ?? null).trim() : '',
      onlineService: t.online !== undefined ? cellText(row[t.online] ?? null).trim() : '',
    };

    let inventoried = false;
    for (const { year, status, reifegrad } of table.plan ?? yearPlan(table.yc, rowYear)) {
      const statusCell = roleCell(row, r, status, merges);
      const reifegradCell = roleCell(row, r, reifegrad, merges);
      if (status !== undefined && !isBlank(statusCell)) {
        inventoried = true;
        // years after the report year are not reported
        if (year > this.reportYear) continue;
        this.countStatus(base, year, r, status, statusCell, keyCol, sheetYears);
      } else if (reifegrad !== undefined && !isBlank(reifegradCell)) {
        inventoried = true;
        if (year > this.reportYear) continue;
        const text = cellText(reifegradCell).trim();
        const cluster = typeof reifegradCell === 'number' || typeof reifegradCell === 'string' ? reifegradCluster(reifegradCell) : undefined;
        if (cluster === undefined) this.add('INVALID_REIFEGRAD', sheetName, r, r, reifegrad, { message: MESSAGES.INVALID_REIFEGRAD(text) });
        const counts = cluster === undefined || cluster === EXCLUDED ? UNASSIGNED : cluster;
        this.record(counted(base, year, `Reifegrad ${text}`, counts, a1(r, reifegrad)), keyCol, sheetYears);
      }
    }
    if (inventoried) return;
    // §4 rule 2: Nicht zugeordnet in the report year, in the long format in the row's Jahr
    const year = t.yearCol !== undefined ? rowYear : this.reportYear;
    // a row set up in advance for a year after the report year is not reported
    if (year > this.reportYear) return;
    const col = table.firstStatusCol ?? t.name ?? keyCol;
    this.add('NO_STATUS', sheetName, r, r, col, { message: MESSAGES.NO_STATUS(service, year) });
    // rule 5: entries from status cells come first; this one counts only where the office has none
    this.pending.push({ at: this.records.length, rec: counted(base, year, '', UNASSIGNED, a1(r, col)), keyCol, pos: this.position(r), sheet: this.sheetIndex });
    this.records.push(undefined);
    this.recordPos.push(this.position(r));
  }

  private countStatus(base: RowFacts, year: number, r: number, col: number, cell: Cell, keyCol: number, sheetYears: Set<number>): void {
    const text = cellText(cell).trim();
    const cluster = this.classifier.classify(text);
    if (cluster === EXCLUDED) {
      this.add('EXCLUDED', base.sheet, r, r, col, { message: MESSAGES.EXCLUDED(text) });
      return;
    }
    if (cluster === undefined) {
      // an Excel error value (#NV …) is no misspelling: it gets no suggestion
      const suggestion = typeof cell === 'string' ? this.classifier.suggest(text) : undefined;
      this.add('UNKNOWN_STATUS', base.sheet, r, r, col, {
        message: MESSAGES.UNKNOWN_STATUS(text, suggestion?.value),
        ...(suggestion ? { suggestion: suggestion.value } : {}),
      });
    }
    this.record(counted(base, year, text, cluster ?? UNASSIGNED, a1(r, col)), keyCol, sheetYears);
  }

  /** Counts a record unless its valid key was already counted in the office and year (rule 5). */
  private record(rec: CountedRecord, keyCol: number, sheetYears: Set<number>): void {
    const pos = this.position(rec.row);
    if (!this.firstCount(rec, keyCol, pos)) return;
    this.records.push(rec);
    this.recordPos.push(pos);
    sheetYears.add(rec.year);
  }

  /** True when `rec` is the first of its valid key in its office and year; else the duplicate finding. */
  private firstCount(rec: CountedRecord, keyCol: number, pos: number, rule2 = false): boolean {
    if (!rec.keyValid) return true;
    const scope = `${rec.office}\u0000${rec.year}`;
    let seen = this.firstByKey.get(scope);
    if (!seen) this.firstByKey.set(scope, (seen = new Map()));
    const first = seen.get(rec.key);
    if (first) {
      const where = `${first.sheet}!${first.cell}`;
      const same = rule2 || first.cluster === rec.cluster;
      const message = rule2
        ? MESSAGES.DUPLICATE_KEY_WITHOUT_STATUS(rec.key, rec.year, where)
        : same
          ? MESSAGES.DUPLICATE_KEY(rec.key, rec.year, where)
          : MESSAGES.CONFLICTING_DUPLICATE(rec.key, rec.year, where, first.cluster, rec.cluster);
      this.placeFinding(pos, same ? 'DUPLICATE_KEY' : 'CONFLICTING_DUPLICATE', rec.sheet, rec.row, keyCol, { message });
      return false;
    }
    seen.set(rec.key, { cluster: rec.cluster, sheet: rec.sheet, cell: rec.keyCell });
    return true;
  }

  /** Sort position of a finding found on row `r` of the current sheet. */
  private position(r: number): number {
    return this.sheetIndex * 2 ** 21 + r;
  }

  private add(code: FindingCode, sheet: string, posRow: number, row: number, col: number, extra: { message: string; suggestion?: string }): void {
    this.placeFinding(this.position(posRow), code, sheet, row, col, extra);
  }

  private placeFinding(pos: number, code: FindingCode, sheet: string, row: number, col: number, extra: { message: string; suggestion?: string }): void {
    this.placed.push({ pos, finding: { severity: SEVERITY[code], code, sheet, cell: a1(row, Math.max(col, 0)), ...extra } });
  }

  /**
   * Settles the rule-2 entries, then totals and per-office counts; Alle Dienstleistungen
   * always equals the sum of the six rows above it.
   */
  result(): { years: number[]; total: Record<number, Counts>; offices: OfficeCounts[]; records: CountedRecord[]; findings: Finding[]; officeSheets: OfficeSheetInfo[] } {
    for (const p of this.pending) {
      if (!this.firstCount(p.rec, p.keyCol, p.pos, true)) continue;
      this.records[p.at] = p.rec;
      this.sheets[p.sheet]!.years.add(p.rec.year);
    }
    const officeSheets = this.sheets.map(({ info, years }) => ({ ...info, years: [...years].sort((a, b) => a - b) }));
    const findings = [...this.placed, ...this.keysInSeveralOffices()].sort((a, b) => a.pos - b.pos).map((p) => p.finding);
    const records = this.records.filter((r): r is CountedRecord => r !== undefined);

    const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
    const total: Record<number, Counts> = {};
    const byOffice = new Map<string, Record<number, Counts>>();
    for (const y of years) total[y] = emptyCounts();
    // an office whose rows are all excluded is listed too, with zeros
    for (const office of this.officeOrder) {
      const counts: Record<number, Counts> = {};
      for (const y of years) counts[y] = emptyCounts();
      byOffice.set(office, counts);
    }
    for (const rec of records) {
      const counts = byOffice.get(rec.office)!;
      for (const c of [total[rec.year]!, counts[rec.year]!]) {
        c[rec.cluster]++;
        c[ALL_SERVICES]++;
      }
    }
    const offices = [...byOffice].map(([office, counts]) => ({ office, counts }));
    return { years, total, offices, records, findings, officeSheets };
  }

  /** KEY_IN_SEVERAL_OFFICES on the key cell where a counted valid key first appears in a further office. */
  private keysInSeveralOffices(): Placed[] {
    const keyOffices = new Map<string, string[]>();
    const placed: Placed[] = [];
    this.records.forEach((rec, i) => {
      if (!rec?.keyValid) return;
      const offices = keyOffices.get(rec.key);
      if (!offices) keyOffices.set(rec.key, [rec.office]);
      else if (!offices.includes(rec.office)) {
        const finding: Finding = {
          severity: SEVERITY.KEY_IN_SEVERAL_OFFICES,
          code: 'KEY_IN_SEVERAL_OFFICES',
          sheet: rec.sheet,
          cell: rec.keyCell,
          message: MESSAGES.KEY_IN_SEVERAL_OFFICES(rec.key, offices[0]!),
        };
        placed.push({ pos: this.recordPos[i]!, finding });
        offices.push(rec.office);
      }
    });
    return placed;
  }
}

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
