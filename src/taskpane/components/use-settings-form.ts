import { useState } from 'react';
import { CLUSTERS, EXCLUDED, type ClusterOrExcluded } from '../../core/clusters';
import type { Settings } from '../../core/settings';
import type { ExcelServices, MappingRow } from '../types';
import { isYearText } from '../year-text';

export type SettingsToSave = Parameters<ExcelServices['saveSettings']>[0];

/** The Zuordnung's choices: each cluster, or „ausgeschlossen“. */
export const MAPPING_OPTIONS: readonly ClusterOrExcluded[] = [...CLUSTERS, EXCLUDED];

export interface ReportSettingsForm {
  readonly year: string;
  readonly setYear: (year: string) => void;
  /** Empty (the year follows from the data) or 2000–2099. */
  readonly yearValid: boolean;
  readonly sheets: readonly string[];
  readonly setSheet: (name: string, included: boolean) => void;
  readonly toSave: () => SettingsToSave;
}

/** Berichtsjahr and sheets as the user edits them; an empty year means „from the data“. */
export function useReportSettings(initial: Settings): ReportSettingsForm {
  const [year, setYear] = useState(initial.reportYear?.toString() ?? '');
  const [sheets, setSheets] = useState<readonly string[]>(initial.sheets ?? []);
  const yearValid = year.trim() === '' || isYearText(year);
  return {
    year,
    setYear,
    yearValid,
    sheets,
    setSheet: (name: string, included: boolean) => setSheets(included ? [...sheets, name] : sheets.filter((x) => x !== name)),
    toSave: (): SettingsToSave => (year.trim() === '' ? { sheets } : { reportYear: Number(year), sheets }),
  };
}

export interface MappingRowsForm {
  readonly rows: readonly MappingRow[];
  readonly change: (index: number, change: Partial<MappingRow>) => void;
  readonly remove: (index: number) => void;
  readonly add: () => void;
  readonly toSave: () => MappingRow[];
}

/** The Zuordnung rows as the user edits them; rows left without a value are not saved. */
export function useMappingRows(initial: readonly MappingRow[]): MappingRowsForm {
  const [rows, setRows] = useState<MappingRow[]>([...initial]);
  return {
    rows,
    change: (index: number, change: Partial<MappingRow>) => setRows(rows.map((r, j) => (j === index ? { ...r, ...change } : r))),
    remove: (index: number) => setRows(rows.filter((_, j) => j !== index)),
    add: () => setRows([...rows, { value: '', cluster: 'Digital' }]),
    toSave: (): MappingRow[] => rows.filter((r) => r.value.trim() !== ''),
  };
}
