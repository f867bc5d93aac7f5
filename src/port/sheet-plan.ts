import type { DefinedName } from '../core/grid';
import { markerName, outputSheetName, type OutputRole } from '../core/output-model';
import { SheetPlanError } from './workbook-port';

export { SheetPlanError };

/** What a workbook holds before writing: its sheet names (in order) and defined names. */
export interface ExistingWorkbook {
  readonly sheetNames: readonly string[];
  readonly definedNames: readonly DefinedName[];
}

export interface PlannedSheet {
  readonly role: OutputRole;
  /** The sheet to write into (existing when `rewrite`, else to be added at the end). */
  readonly sheet: string;
  /** true: a sheet marked for this role exists and is rewritten in place, name kept. */
  readonly rewrite: boolean;
  /** The user's unmarked sheet that holds the preferred name, when `<name> (2)` … is used. */
  readonly displacedBy?: string;
}

export interface SheetPlan {
  readonly sheets: readonly PlannedSheet[];
  /** Marker names to add, or to replace where a name of that name exists but points elsewhere. */
  readonly definedNames: readonly DefinedName[];
}

/** Excel compares sheet names without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('de-DE') === b.toLocaleLowerCase('de-DE');
}

/**
 * Decides which sheet each output role goes into (SPEC §5). A sheet marked by the defined
 * name `LeiKaMonitor_<role>` is reused under whatever name it has now; otherwise the
 * preferred name if no sheet has it; otherwise `<name> (2)`, `(3)`, … — an unmarked sheet
 * is a user's sheet and is never chosen. Nothing is deleted or renamed.
 */
export function planOutputSheets(roles: readonly OutputRole[], existing: ExistingWorkbook): SheetPlan {
  if (new Set(roles).size !== roles.length) throw new SheetPlanError(`each output role may be planned once: ${roles.join(', ')}`);
  const actualName = (name: string): string | undefined => existing.sheetNames.find((s) => sameName(s, name));
  const marked = new Map<string, OutputRole>();
  const markerSheet = new Map<OutputRole, string>();
  for (const role of roles) {
    const marker = existing.definedNames.find((d) => d.name.toLowerCase() === markerName(role).toLowerCase());
    const sheet = marker === undefined ? undefined : actualName(marker.sheet);
    // A marker pointing at a deleted sheet, or at a sheet another role already claimed, marks nothing.
    if (sheet === undefined || [...marked.keys()].some((s) => sameName(s, sheet))) continue;
    marked.set(sheet, role);
    markerSheet.set(role, sheet);
  }
  const taken: string[] = [...existing.sheetNames];
  const isTaken = (name: string): boolean => taken.some((s) => sameName(s, name));
  const isMarked = (name: string): boolean => [...marked.keys()].some((s) => sameName(s, name));

  const sheets: PlannedSheet[] = [];
  const definedNames: DefinedName[] = [];
  for (const role of roles) {
    const reused = markerSheet.get(role);
    let planned: PlannedSheet;
    if (reused !== undefined) {
      planned = { role, sheet: reused, rewrite: true };
    } else {
      const preferred = outputSheetName(role);
      let name = preferred;
      for (let n = 2; isTaken(name); n++) name = `${preferred} (${n})`;
      taken.push(name);
      const holder = actualName(preferred);
      planned = holder !== undefined && !isMarked(holder) ? { role, sheet: name, rewrite: false, displacedBy: holder } : { role, sheet: name, rewrite: false };
    }
    sheets.push(planned);
    const wanted: DefinedName = { name: markerName(role), sheet: planned.sheet, cell: 'A1' };
    const current = existing.definedNames.find((d) => d.name.toLowerCase() === wanted.name.toLowerCase());
    if (current === undefined || current.name !== wanted.name || !sameName(current.sheet, wanted.sheet) || current.cell.replace(/\$/g, '') !== 'A1') {
      definedNames.push(wanted);
    }
  }
  return { sheets, definedNames };
}
