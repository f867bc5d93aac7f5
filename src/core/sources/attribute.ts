import { SEVERITY, type Finding, type SkippedSheet } from '../findings';
import { MESSAGES, fileLabel } from '../messages';
import type { Analysis, OfficeSheetInfo } from '../model';
import { recordColumns, revisedAnalysis } from '../record-table';
import type { Combined, Origin } from './combine';
import type { SourcesUse, SourceSummary, WorkbookSource } from './types';

/** A SourceSummary while it is being filled. */
interface Collected extends SourceSummary {
  readonly officeSheets: OfficeSheetInfo[];
  readonly offices: string[];
  readonly skippedSheets: SkippedSheet[];
}

/** The analysis and its findings told per file: what each input contributed, where each finding is. */
export interface Attributed {
  readonly analysis: Analysis;
  readonly sources: SourcesUse;
}

/**
 * Maps the evaluation of the combined workbook back onto the inputs (SPEC §10): findings,
 * office sheets and skipped sheets name their own sheet and, with several inputs, their file;
 * an unreadable file gets FILE_SKIPPED at its A1, and an office found in a later file
 * OFFICE_IN_SEVERAL_FILES on its first counted row there.
 */
export function attribute(
  sources: readonly WorkbookSource[],
  combined: Combined,
  analysis: Analysis,
  findings: readonly Finding[],
): Attributed {
  const { origins, labelled } = combined;
  const place = <T extends { readonly sheet: string }>(item: T): T => {
    const origin = origins.get(item.sheet);
    if (!origin) return item;
    if (labelled && origin.file !== undefined) return { ...item, sheet: origin.sheet, file: origin.file };
    return origin.sheet === item.sheet ? item : { ...item, sheet: origin.sheet };
  };

  const skippedByName = new Map(analysis.skippedSheets.map((s) => [s.sheet, s]));
  const officeByName = new Map(analysis.officeSheets.map((s) => [s.sheet, s]));
  const files: Collected[] = sources.map((source) => ({
    ...(source.file !== undefined ? { file: source.file } : {}),
    ...(source.kind === 'skipped' ? { skipped: source.reason } : {}),
    officeSheets: [],
    offices: [],
    skippedSheets: [],
  }));
  const skippedSheets: SkippedSheet[] = [];
  const officeSheets: OfficeSheetInfo[] = [];
  for (const s of combined.sheets) {
    const summary = files[s.source]!;
    const file = labelled && s.file !== undefined ? { file: s.file } : {};
    const skipped = s.combined === undefined ? { sheet: s.sheet, reason: s.notUsed ?? '' } : skippedByName.get(s.combined);
    const office = s.combined === undefined ? undefined : officeByName.get(s.combined);
    if (skipped) {
      const item: SkippedSheet = { ...skipped, sheet: s.sheet, ...file };
      skippedSheets.push(item);
      summary.skippedSheets.push(item);
    } else if (office) {
      const item: OfficeSheetInfo = { ...office, sheet: s.sheet, ...file };
      officeSheets.push(item);
      summary.officeSheets.push(item);
    }
  }

  const several = severalFiles(analysis, origins, files);
  const fileSkipped: Finding[] = sources.flatMap((s) =>
    s.kind === 'skipped'
      ? [{ severity: SEVERITY.FILE_SKIPPED, code: 'FILE_SKIPPED', sheet: '', cell: 'A1', file: s.file, message: MESSAGES.FILE_SKIPPED(s.file, s.reason) } satisfies Finding]
      : [],
  );
  return {
    analysis: revisedAnalysis(analysis, {
      findings: [...fileSkipped, ...findings.map(place), ...combined.findings, ...several],
      skippedSheets,
      officeSheets,
    }),
    sources: {
      files,
      ...(combined.settings ? { settings: combined.settings } : {}),
      ...(combined.mapping ? { mapping: combined.mapping } : {}),
    },
  };
}

/** Lists each input's offices and finds the offices counted in more than one input. */
function severalFiles(analysis: Analysis, origins: ReadonlyMap<string, Origin>, files: Collected[]): Finding[] {
  const findings: Finding[] = [];
  /** office → inputs it was counted in, in order */
  const seen = new Map<string, number[]>();
  const records = recordColumns(analysis);
  let lastSheet: string | undefined;
  let lastOffice: string | undefined;
  for (let i = 0; i < records.length; i++) {
    // records come in runs of one sheet and office: only a run's first can add an input
    const sheet = records.sheet(i);
    const office = records.office(i);
    if (sheet === lastSheet && office === lastOffice) continue;
    lastSheet = sheet;
    lastOffice = office;
    const origin = origins.get(sheet);
    if (!origin) continue;
    const inputs = seen.get(office);
    if (inputs?.includes(origin.source)) continue;
    files[origin.source]!.offices.push(office);
    if (!inputs) {
      seen.set(office, [origin.source]);
      continue;
    }
    inputs.push(origin.source);
    const first = files[inputs[0]!]!;
    findings.push({
      severity: SEVERITY.OFFICE_IN_SEVERAL_FILES,
      code: 'OFFICE_IN_SEVERAL_FILES',
      sheet: origin.sheet,
      cell: records.keyCell(i),
      ...(origin.file !== undefined ? { file: origin.file } : {}),
      message: MESSAGES.OFFICE_IN_SEVERAL_FILES(office, fileLabel(first.file)),
    });
  }
  return findings;
}

