import type { TableHeader } from './header';

/** A status or Reifegrad column; `year` where the header names one. */
export interface SourceColumn {
  readonly col: number;
  /** Row of the header cell that names the column. */
  readonly headerRow: number;
  readonly kind: 'status' | 'reifegrad';
  readonly year: number | undefined;
}

/** A table's columns by role: the leftmost column of each single-column role counts. */
export interface TableColumns {
  readonly header: TableHeader;
  /** First row after the table (the next table's header row, or the end of the sheet). */
  readonly endRow: number;
  readonly key: number | undefined;
  readonly name: number | undefined;
  readonly office: number | undefined;
  readonly yearCol: number | undefined;
  readonly remark: number | undefined;
  readonly online: number | undefined;
  /** Every status and Reifegrad column, left to right (duplicates for one year included). */
  readonly sources: readonly SourceColumn[];
}

/** The columns of a table by role. */
export function tableColumns(header: TableHeader, endRow: number): TableColumns {
  const single: Partial<Record<'key' | 'name' | 'office' | 'year' | 'remark' | 'online', number>> = {};
  const sources: SourceColumn[] = [];
  for (const { col, headerRow, role } of header.columns) {
    if (role.kind === 'status' || role.kind === 'reifegrad') sources.push({ col, headerRow, kind: role.kind, year: role.year });
    else single[role.kind] ??= col;
  }
  sources.sort((a, b) => a.col - b.col);
  return {
    header,
    endRow,
    key: single.key,
    name: single.name,
    office: single.office,
    yearCol: single.year,
    remark: single.remark,
    online: single.online,
    sources,
  };
}

/** Where a column's year comes from: a fixed year, or the row's Jahr cell (long format). */
export type YearSlot = number | 'row';

/** The source columns in use once the report year is known; the others collide with one of them. */
export interface YearColumns {
  readonly status: ReadonlyMap<YearSlot, number>;
  readonly reifegrad: ReadonlyMap<YearSlot, number>;
  /** Columns ignored because a column further left gives the same year, with that column. */
  readonly collisions: readonly { readonly column: SourceColumn; readonly slot: YearSlot; readonly first: number }[];
}

/**
 * Assigns each source column its year: a yearless column takes the row's Jahr in the long
 * format, else the report year (SPEC §2). Where two columns give the same year, the leftmost counts.
 */
export function yearColumns(t: TableColumns, reportYear: number): YearColumns {
  const status = new Map<YearSlot, number>();
  const reifegrad = new Map<YearSlot, number>();
  const collisions: { column: SourceColumn; slot: YearSlot; first: number }[] = [];
  for (const column of t.sources) {
    const slot: YearSlot = column.year ?? (t.yearCol !== undefined ? 'row' : reportYear);
    const target = column.kind === 'status' ? status : reifegrad;
    const first = target.get(slot);
    if (first !== undefined) collisions.push({ column, slot, first });
    else target.set(slot, column.col);
  }
  return { status, reifegrad, collisions };
}

/** Per year, the status and Reifegrad column of a row. */
export interface YearSources {
  readonly year: number;
  readonly status?: number;
  readonly reifegrad?: number;
}

/** Per year (ascending), the status and Reifegrad columns of a row; `rowYear` fills the `row` slots. */
export function yearPlan(t: Pick<YearColumns, 'status' | 'reifegrad'>, rowYear: number): YearSources[] {
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
