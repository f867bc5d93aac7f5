import { makeClassifier, reifegradCluster, type Classifier } from './classify';
import {
  ALL_SERVICES,
  type CountedCluster,
  type Counts,
  EXCLUDED,
  UNASSIGNED,
  emptyCounts,
} from './clusters';
import { SEVERITY, type Finding, type FindingCode, type SkippedSheet } from './findings';
import { fold } from './fold';
import { type Cell, type SheetGrid, type WorkbookGrid, a1, cellText, columnLetters, isEmptyCell, withMergesApplied } from './grid';
import { type TableHeader, findTables, yearOf } from './header';
import { type KeyReading, readKey } from './key';
import { MESSAGES, SKIP_REASONS } from './messages';
import type { Analysis, CountedRecord, OfficeCounts, OfficeSheetInfo, ReportYearSource, SheetLayout } from './model';
import { MAPPING_SHEET, SETTINGS_SHEET, readMapping, readSettings } from './settings';

export interface AnalyzeOptions {
  /** `--year`: overrides the setting `Berichtsjahr`. */
  readonly year?: number;
  /** The calendar year, the report year's last fallback (the core reads no clock). */
  readonly currentYear: number;
  /**
   * The office a sheet names where a row has no office value; default: the sheet name. Called
   * once per office sheet with the names of all office sheets (several files, SPEC §10).
   */
  readonly officeName?: (sheet: string, officeSheets: readonly string[]) => string;
}

/** Marker prefix of the product's own sheets (SPEC §5). */
const MARKER = /^LeiKaMonitor_(.+)$/i;
const TOTALS_WORDS = new Set(['summe', 'gesamt', 'insgesamt', 'anzahl', 'zwischensumme']);

/** Where a status source column's year comes from: a fixed year, or the row's year column. */
type YearSlot = number | 'row';

interface ResolvedTable {
  readonly header: TableHeader;
  readonly endRow: number;
  /** The leftmost column of each single-column role; undefined where the table has none. */
  readonly key: number | undefined;
  readonly name: number | undefined;
  readonly office: number | undefined;
  readonly yearCol: number | undefined;
  readonly remark: number | undefined;
  readonly online: number | undefined;
  readonly status: ReadonlyMap<YearSlot, number>;
  readonly reifegrad: ReadonlyMap<YearSlot, number>;
  /** Status and Reifegrad columns in use, left to right. */
  readonly sourceCols: readonly number[];
  readonly firstStatusCol: number | undefined;
  /** The year plan of every row, where no column takes its year from the row. */
  readonly plan: readonly YearSources[] | undefined;
}

interface Candidate {
  readonly sheet: SheetGrid;
  readonly tables: readonly TableHeader[];
  /** The office of rows without an office value. */
  readonly office?: string;
}

/**
 * Reads, classifies and counts every office sheet of a workbook (SPEC §2–§4).
 * Never throws on bad data: it becomes a finding on the cell it concerns.
 */
export function analyzeWorkbook(workbook: WorkbookGrid, options: AnalyzeOptions): Analysis {
  const findings: Finding[] = [];
  const settingsSheet = findSheet(workbook, SETTINGS_SHEET);
  const mappingSheet = findSheet(workbook, MAPPING_SHEET);
  const { settings, findings: settingFindings } = readSettings(settingsSheet);
  const { mapping, findings: mappingFindings } = readMapping(mappingSheet);
  findings.push(...settingFindings, ...mappingFindings);

  const productRoles = new Map<string, string>();
  for (const dn of workbook.definedNames) {
    const m = MARKER.exec(dn.name);
    if (m?.[1]) productRoles.set(dn.sheet, m[1]);
  }
  const selected = settings.sheets && new Set(settings.sheets.map(fold));

  const skippedSheets: SkippedSheet[] = [];
  const candidates: Candidate[] = [];
  for (const sheet of workbook.sheets) {
    const role = productRoles.get(sheet.name) ?? (sheet === settingsSheet ? SETTINGS_SHEET : sheet === mappingSheet ? MAPPING_SHEET : undefined);
    if (role !== undefined) skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.productSheet(role) });
    else if (sheet.visibility !== 'visible') skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.hidden });
    else if (selected && !selected.has(fold(sheet.name))) skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.notSelected });
    else {
      const merged = withMergesApplied(sheet);
      const tables = findTables(merged);
      if (tables.length === 0) skippedSheets.push({ sheet: sheet.name, reason: SKIP_REASONS.noHeader });
      else candidates.push({ sheet: merged, tables });
    }
  }

  const { reportYear, reportYearSource } = chooseReportYear(candidates, settings.reportYear, options);
  const counter = new Counter(makeClassifier(mapping), reportYear, findings);
  const officeSheetNames = candidates.map((c) => c.sheet.name);
  const officeName = options.officeName;
  const officeSheets: OfficeSheetInfo[] = candidates.map((c) =>
    counter.countSheet(officeName ? { ...c, office: officeName(c.sheet.name, officeSheetNames) } : c),
  );
  const result = counter.result();
  return { ...result, reportYear, reportYearSource, findings, skippedSheets, officeSheets };
}

function findSheet(workbook: WorkbookGrid, name: string): SheetGrid | undefined {
  const f = fold(name);
  return workbook.sheets.find((s) => fold(s.name) === f);
}

/** `--year`, else `Berichtsjahr`, else the latest year named in any header or year column, else the calendar year (SPEC §2). */
function chooseReportYear(
  candidates: readonly Candidate[],
  setting: number | undefined,
  options: AnalyzeOptions,
): { reportYear: number; reportYearSource: ReportYearSource } {
  if (options.year !== undefined) return { reportYear: options.year, reportYearSource: 'option' };
  if (setting !== undefined) return { reportYear: setting, reportYearSource: 'setting' };
  let latest: number | undefined;
  const see = (y: number | undefined): void => {
    if (y !== undefined && (latest === undefined || y > latest)) latest = y;
  };
  for (const { sheet, tables } of candidates) {
    tables.forEach((table, i) => {
      for (const column of table.columns) {
        if ((column.role.kind === 'status' || column.role.kind === 'reifegrad') && column.role.year !== undefined) see(column.role.year);
        if (column.role.kind === 'year') {
          const end = tables[i + 1]?.headerRow ?? sheet.rows.length;
          for (let r = table.firstDataRow; r < end; r++) see(yearOf(sheet.rows[r]?.[column.col]));
        }
      }
    });
  }
  if (latest !== undefined) return { reportYear: latest, reportYearSource: 'workbook' };
  return { reportYear: options.currentYear, reportYearSource: 'calendar' };
}

class Counter {
  private readonly records: CountedRecord[] = [];
  /** `office year` → key → first occurrence (rule 5). */
  private readonly firstByKey = new Map<string, Map<string, { cluster: CountedCluster; sheet: string; cell: string }>>();
  /** Offices in order of first appearance: the first service row naming them, counted or not. */
  private readonly officeOrder = new Set<string>();
  /** key → offices it was counted in, in order. */
  private readonly keyOffices = new Map<string, string[]>();
  /** The office of the sheet being counted, for rows without an office value. */
  private sheetOffice = '';

  constructor(
    private readonly classifier: Classifier,
    private readonly reportYear: number,
    private readonly findings: Finding[],
  ) {}

  countSheet({ sheet, tables, office }: Candidate): OfficeSheetInfo {
    this.sheetOffice = office ?? sheet.name;
    let serviceRows = 0;
    const years = new Set<number>();
    let layout: SheetLayout = 'wide';
    tables.forEach((header, i) => {
      const table = this.resolve(sheet, header, tables[i + 1]?.headerRow ?? sheet.rows.length);
      if (table.yearCol !== undefined) layout = 'long';
      else if (header.twoRow && layout === 'wide') layout = 'two-row';
      for (let r = header.firstDataRow; r < table.endRow; r++) {
        const row = sheet.rows[r];
        if (row && this.countRow(sheet, table, r, row, years)) serviceRows++;
      }
    });
    return { sheet: sheet.name, serviceRows, years: [...years].sort((a, b) => a - b), layout, tables: tables.length };
  }

  /** Maps header roles to columns: the leftmost column of each role and year counts. */
  private resolve(sheet: SheetGrid, header: TableHeader, endRow: number): ResolvedTable {
    const single: Partial<Record<'key' | 'name' | 'office' | 'yearCol' | 'remark' | 'online', number>> = {};
    const hasYearCol = header.columns.some((c) => c.role.kind === 'year');
    const status = new Map<YearSlot, number>();
    const reifegrad = new Map<YearSlot, number>();
    const sourceCols: number[] = [];
    let firstStatusCol: number | undefined;
    for (const { col, headerRow, role } of header.columns) {
      switch (role.kind) {
        case 'key':
        case 'name':
        case 'office':
        case 'remark':
        case 'online':
          single[role.kind] ??= col;
          break;
        case 'year':
          single.yearCol ??= col;
          break;
        case 'status':
        case 'reifegrad': {
          const slot: YearSlot = role.year ?? (hasYearCol ? 'row' : this.reportYear);
          const target = role.kind === 'status' ? status : reifegrad;
          const first = target.get(slot);
          if (first !== undefined) {
            this.add('DUPLICATE_YEAR_COLUMN', sheet.name, headerRow, col, {
              message: MESSAGES.DUPLICATE_YEAR_COLUMN(
                cellText(sheet.rows[headerRow]?.[col] ?? null),
                slot === 'row' ? 'das Jahr der Zeile' : String(slot),
                columnLetters(first),
              ),
            });
            break;
          }
          target.set(slot, col);
          sourceCols.push(col);
          if (role.kind === 'status') firstStatusCol ??= col;
          break;
        }
      }
    }
    return {
      header,
      endRow,
      key: single.key,
      name: single.name,
      office: single.office,
      yearCol: single.yearCol,
      remark: single.remark,
      online: single.online,
      status,
      reifegrad,
      sourceCols: sourceCols.sort((a, b) => a - b),
      firstStatusCol,
      plan: status.has('row') || reifegrad.has('row') ? undefined : yearPlan({ status, reifegrad }, this.reportYear),
    };
  }

  /** Counts one row; true when it is a service row. */
  private countRow(sheet: SheetGrid, t: ResolvedTable, r: number, row: readonly Cell[], sheetYears: Set<number>): boolean {
    const keyCell = t.key !== undefined ? row[t.key] ?? null : null;
    const nameCell = t.name !== undefined ? row[t.name] ?? null : null;
    const hasKey = !isEmptyCell(keyCell);
    const hasName = !isEmptyCell(nameCell);
    if (!hasKey && !hasName) {
      const col = t.sourceCols.find((c) => !isEmptyCell(row[c]));
      if (col !== undefined) {
        this.add('STATUS_WITHOUT_SERVICE', sheet.name, r, col, { message: MESSAGES.STATUS_WITHOUT_SERVICE(cellText(row[col]).trim()) });
      }
      return false;
    }
    const totals = [keyCell, nameCell].find((c) => typeof c === 'string' && c.length <= 20 && TOTALS_WORDS.has(fold(c)));
    if (totals !== undefined) {
      const col = row.findIndex((c) => !isEmptyCell(c));
      this.add('TOTALS_ROW', sheet.name, r, col, { message: MESSAGES.TOTALS_ROW(cellText(totals).trim()) });
      return false;
    }

    const name = collapse(cellText(nameCell));
    const officeCell = t.office !== undefined ? row[t.office] ?? null : null;
    const office = isEmptyCell(officeCell) ? this.sheetOffice : collapse(cellText(officeCell));
    this.officeOrder.add(office);
    const key: KeyReading = t.key !== undefined ? readKey(keyCell) : { kind: 'missing' };
    const keyCol = t.key ?? t.name!;
    const service = name || cellText(keyCell).trim();
    if (key.kind === 'invalid') this.add('INVALID_KEY', sheet.name, r, keyCol, { message: MESSAGES.INVALID_KEY(key.written) });
    if (key.kind === 'missing') this.add('NO_KEY', sheet.name, r, t.key !== undefined ? t.key : (t.name ?? keyCol), { message: MESSAGES.NO_KEY(service) });

    const rowYear = t.yearCol !== undefined ? this.rowYear(sheet, r, t.yearCol, row[t.yearCol] ?? null) : this.reportYear;
    const base: RowFacts = {
      office,
      sheet: sheet.name,
      row: r,
      key: key.kind === 'valid' ? key.key : key.kind === 'invalid' ? key.written : '',
      keyValid: key.kind === 'valid',
      keyCell: a1(r, keyCol),
      name,
      remark: t.remark !== undefined ? cellText(row[t.remark] ?? null).trim() : '',
      onlineService: t.online !== undefined ? cellText(row[t.online] ?? null).trim() : '',
    };

    let inventoried = false;
    for (const { year, status, reifegrad } of t.plan ?? yearPlan(t, rowYear)) {
      const statusCell = status !== undefined ? row[status] ?? null : null;
      const reifegradCell = reifegrad !== undefined ? row[reifegrad] ?? null : null;
      if (status !== undefined && !isEmptyCell(statusCell)) {
        inventoried = true;
        const text = cellText(statusCell).trim();
        const cluster = this.classifier.classify(text);
        if (cluster === EXCLUDED) {
          this.add('EXCLUDED', sheet.name, r, status, { message: MESSAGES.EXCLUDED(text) });
          continue;
        }
        if (cluster === undefined) {
          // an Excel error value (#NV …) is no misspelling: it gets no suggestion
          const suggestion = typeof statusCell === 'string' ? this.classifier.suggest(text) : undefined;
          this.add('UNKNOWN_STATUS', sheet.name, r, status, {
            message: MESSAGES.UNKNOWN_STATUS(text, suggestion?.value),
            ...(suggestion ? { suggestion: suggestion.value } : {}),
          });
        }
        this.record(counted(base, year, text, cluster ?? UNASSIGNED, a1(r, status)), keyCol, sheetYears);
      } else if (reifegrad !== undefined && !isEmptyCell(reifegradCell)) {
        inventoried = true;
        const text = cellText(reifegradCell).trim();
        const cluster = typeof reifegradCell === 'number' || typeof reifegradCell === 'string' ? reifegradCluster(reifegradCell) : undefined;
        if (cluster === undefined) this.add('INVALID_REIFEGRAD', sheet.name, r, reifegrad, { message: MESSAGES.INVALID_REIFEGRAD(text) });
        const counts = cluster === undefined || cluster === EXCLUDED ? UNASSIGNED : cluster;
        this.record(counted(base, year, `Reifegrad ${text}`, counts, a1(r, reifegrad)), keyCol, sheetYears);
      }
    }
    if (!inventoried) {
      const col = t.firstStatusCol ?? t.name ?? keyCol;
      // §4 rule 2: in the report year, also in the long format
      this.add('NO_STATUS', sheet.name, r, col, { message: MESSAGES.NO_STATUS(service, this.reportYear) });
      this.record(counted(base, this.reportYear, '', UNASSIGNED, a1(r, col)), keyCol, sheetYears);
    }
    return true;
  }

  private rowYear(sheet: SheetGrid, r: number, col: number, cell: Cell): number {
    if (isEmptyCell(cell)) return this.reportYear;
    const year = yearOf(cell);
    if (year !== undefined) return year;
    this.add('INVALID_YEAR', sheet.name, r, col, { message: MESSAGES.INVALID_YEAR(cellText(cell).trim(), this.reportYear) });
    return this.reportYear;
  }

  /** Counts a record unless its valid key was already counted in the office and year (rule 5). */
  private record(rec: CountedRecord, keyCol: number, sheetYears: Set<number>): void {
    if (rec.keyValid) {
      const scope = `${rec.office}\u0000${rec.year}`;
      let seen = this.firstByKey.get(scope);
      if (!seen) this.firstByKey.set(scope, (seen = new Map()));
      const first = seen.get(rec.key);
      if (first) {
        const where = `${first.sheet}!${first.cell}`;
        const message =
          first.cluster === rec.cluster
            ? MESSAGES.DUPLICATE_KEY(rec.key, rec.year, where)
            : MESSAGES.CONFLICTING_DUPLICATE(rec.key, rec.year, where, first.cluster, rec.cluster);
        this.add(first.cluster === rec.cluster ? 'DUPLICATE_KEY' : 'CONFLICTING_DUPLICATE', rec.sheet, rec.row, keyCol, { message });
        return;
      }
      seen.set(rec.key, { cluster: rec.cluster, sheet: rec.sheet, cell: rec.keyCell });
      const offices = this.keyOffices.get(rec.key);
      if (!offices) this.keyOffices.set(rec.key, [rec.office]);
      else if (!offices.includes(rec.office)) {
        this.add('KEY_IN_SEVERAL_OFFICES', rec.sheet, rec.row, keyCol, { message: MESSAGES.KEY_IN_SEVERAL_OFFICES(rec.key, offices[0]!) });
        offices.push(rec.office);
      }
    }
    this.records.push(rec);
    sheetYears.add(rec.year);
  }

  private add(code: FindingCode, sheet: string, row: number, col: number, extra: { message: string; suggestion?: string }): void {
    this.findings.push({ severity: SEVERITY[code], code, sheet, cell: a1(row, Math.max(col, 0)), ...extra });
  }

  /** Totals and per-office counts; Alle Dienstleistungen always equals the sum of the six rows above it. */
  result(): { years: number[]; total: Record<number, Counts>; offices: OfficeCounts[]; records: CountedRecord[] } {
    const years = [...new Set(this.records.map((r) => r.year))].sort((a, b) => a - b);
    const total: Record<number, Counts> = {};
    const byOffice = new Map<string, Record<number, Counts>>();
    for (const y of years) total[y] = emptyCounts();
    // an office whose rows are all excluded is listed too, with zeros
    for (const office of this.officeOrder) {
      const counts: Record<number, Counts> = {};
      for (const y of years) counts[y] = emptyCounts();
      byOffice.set(office, counts);
    }
    for (const rec of this.records) {
      const counts = byOffice.get(rec.office)!;
      for (const c of [total[rec.year]!, counts[rec.year]!]) {
        c[rec.cluster]++;
        c[ALL_SERVICES]++;
      }
    }
    const offices = [...byOffice].map(([office, counts]) => ({ office, counts }));
    return { years, total, offices, records: this.records };
  }
}

/** What a service row says once, whatever the year. */
type RowFacts = Omit<CountedRecord, 'year' | 'status' | 'cluster' | 'cell'>;

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

interface YearSources {
  readonly year: number;
  readonly status?: number;
  readonly reifegrad?: number;
}

/** Per year (ascending), the status and Reifegrad columns of a row; `rowYear` fills the `row` slots. */
function yearPlan(t: Pick<ResolvedTable, 'status' | 'reifegrad'>, rowYear: number): YearSources[] {
  const slots = new Map<number, { year: number; status?: number; reifegrad?: number }>();
  const slotFor = (slot: YearSlot): { year: number; status?: number; reifegrad?: number } => {
    const year = slot === 'row' ? rowYear : slot;
    let entry = slots.get(year);
    if (!entry) slots.set(year, (entry = { year }));
    return entry;
  };
  for (const [slot, col] of t.status) slotFor(slot).status ??= col;
  for (const [slot, col] of t.reifegrad) slotFor(slot).reifegrad ??= col;
  return [...slots.values()].sort((a, b) => a.year - b.year);
}

function collapse(text: string): string {
  return /\s\s|[^\S ]|^\s|\s$/.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

