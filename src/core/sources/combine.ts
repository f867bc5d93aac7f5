import type { Finding } from '../findings';
import type { DefinedName, SheetGrid, WorkbookGrid } from '../grid';
import { SKIP_REASONS, fileLabel } from '../messages';
import { MAPPING_SHEET, SETTINGS_SHEET, sharedSheetRole } from '../settings';
import { fileStem, isDefaultSheetName, sheetLabel } from './default-names';
import { selectAcrossFiles, sharedSheetConflicts } from './shared-sheets';
import type { SheetOrigin, WorkbookSource } from './types';

/** Where a sheet of the combined workbook came from. */
export interface Origin {
  /** Index into the sources. */
  readonly source: number;
  readonly file?: string;
  /** The sheet's own name in its file. */
  readonly sheet: string;
}

/** One sheet of one source, in source order: its name in the combined workbook, or why it was left out. */
export interface SourceSheet extends Origin {
  readonly combined?: string;
  readonly notUsed?: string;
}

/** Every source's sheets as one workbook, the map back, and the findings combining them gave. */
export interface Combined {
  readonly workbook: WorkbookGrid;
  /** Combined sheet name → origin. */
  readonly origins: ReadonlyMap<string, Origin>;
  readonly sheets: readonly SourceSheet[];
  /** Sheets are named with their file (several inputs): findings then carry `file`. */
  readonly labelled: boolean;
  readonly settings?: SheetOrigin;
  readonly mapping?: SheetOrigin;
  readonly findings: readonly Finding[];
  /** The office of a combined office sheet (SPEC §10: a file's only, default-named office sheet names its file). */
  officeName(sheet: string, officeSheets: readonly string[]): string;
}

/**
 * All sheets of all sources as if they stood in one workbook, in source order (SPEC §10).
 * With several sources a file's sheets are named `file › sheet`, so every name is unique and
 * every message and Quelle names the file. `Einstellungen` and `Zuordnung` come from the first
 * source that has them — with the workbook open in Excel among the sources, from it alone; one
 * not used is left out (listed as skipped) and each of its rows that says something else gets a
 * CONFLICTING_SETTING finding.
 */
export function combineSources(sources: readonly WorkbookSource[]): Combined {
  const labelled = sources.length > 1;
  const origins = new Map<string, Origin>();
  const sheets: SourceSheet[] = [];
  const grids: SheetGrid[] = [];
  const definedNames: DefinedName[] = [];
  const findings: Finding[] = [];
  const shared = new Map<string, { grid: SheetGrid; origin: Origin; index: number }>();
  const openWorkbook = sources.some((s) => s.kind === 'workbook' && s.file === undefined);

  const unique = (name: string): string => {
    let candidate = name;
    for (let n = 2; origins.has(candidate); n++) candidate = `${name} (${n})`;
    return candidate;
  };

  sources.forEach((source, index) => {
    if (source.kind !== 'workbook') return;
    const { file, workbook } = source;
    const renamed = new Map<string, string>();
    for (const grid of workbook.sheets) {
      const origin: Origin = { source: index, ...(file !== undefined ? { file } : {}), sheet: grid.name };
      const role = labelled ? sharedSheetRole(grid.name) : undefined;
      if (role !== undefined) {
        const first = shared.get(role);
        // with the workbook open in Excel, only its own settings count (SPEC §10)
        const fromOpen: { grid: SheetGrid; origin: Origin } | undefined =
          openWorkbook && file !== undefined ? { grid: { ...grid, name: role, rows: [] }, origin: { source: -1, sheet: role } } : undefined;
        const inUse = first ?? fromOpen;
        if (inUse) {
          const used = fileLabel(inUse.origin.file);
          sheets.push({ ...origin, notUsed: SKIP_REASONS.notUsed(inUse.origin.sheet, used) });
          findings.push(...sharedSheetConflicts(role, inUse.grid, used, grid, origin));
          continue;
        }
        // found by its own name, as in a single workbook
        const combined = unique(grid.name);
        shared.set(role, { grid, origin, index: grids.length });
        record(combined, grid, origin);
        continue;
      }
      record(unique(labelled && file !== undefined ? sheetLabel(file, grid.name) : grid.name), grid, origin);
    }
    for (const dn of workbook.definedNames) {
      const sheet = renamed.get(dn.sheet);
      if (sheet !== undefined) definedNames.push({ ...dn, sheet });
    }

    function record(combined: string, grid: SheetGrid, origin: Origin): void {
      renamed.set(grid.name, combined);
      origins.set(combined, origin);
      sheets.push({ ...origin, combined });
      grids.push(combined === grid.name ? grid : { ...grid, name: combined });
    }
  });

  const settings = shared.get(SETTINGS_SHEET);
  if (settings && labelled) grids[settings.index] = selectAcrossFiles(grids[settings.index]!, sheets);
  const originOf = (role: string): SheetOrigin | undefined => {
    const s = shared.get(role)?.origin;
    return s && { ...(s.file !== undefined ? { file: s.file } : {}), sheet: s.sheet };
  };
  const settingsOrigin = originOf(SETTINGS_SHEET);
  const mappingOrigin = originOf(MAPPING_SHEET);

  const single = sources.length === 1 && sources[0]?.kind === 'workbook' ? sources[0].workbook : undefined;
  return {
    // one workbook is evaluated exactly as it is
    workbook: single ?? { sheets: grids, definedNames },
    origins,
    sheets,
    labelled,
    ...(settingsOrigin ? { settings: settingsOrigin } : {}),
    ...(mappingOrigin ? { mapping: mappingOrigin } : {}),
    findings,
    officeName(sheet, officeSheets) {
      const origin = origins.get(sheet);
      if (!origin) return sheet;
      const { file } = origin;
      if (file === undefined || !isDefaultSheetName(origin.sheet)) return origin.sheet;
      const ofFile = officeSheets.filter((s) => origins.get(s)?.source === origin.source);
      return ofFile.length === 1 ? fileStem(file) : origin.sheet;
    },
  };
}
