import type { ClusterOrExcluded } from '../core/clusters';
import type { Analysis } from '../core/model';
import type { WriteReport } from '../port/workbook-port';

/** What the overview shows: the workbook as analysed, plus what the settings view edits. */
export interface Inspection {
  readonly analysis: Analysis;
  readonly sheetNames: readonly string[];
  readonly settings: { readonly reportYear?: number; readonly sheets?: readonly string[] };
  readonly mapping: readonly MappingRow[];
}

export interface MappingRow {
  readonly value: string;
  readonly cluster: ClusterOrExcluded;
}

export type ProgressStep = 'read' | 'analyze' | 'write' | 'done';
export type OnProgress = (step: ProgressStep, fraction: number) => void;

export interface Evaluation {
  readonly analysis: Analysis;
  readonly report: WriteReport;
}

export type CopyResult = 'copied' | 'selected';

/** Everything the Excel task pane can do; only pipeline/excel.ts implements it with Office.js. */
export interface ExcelServices {
  inspect(): Promise<Inspection>;
  evaluate(onProgress: OnProgress): Promise<Evaluation>;
  goToCell(sheet: string, cell: string): Promise<void>;
  copyTable(evaluation: Evaluation): Promise<CopyResult>;
  saveSettings(settings: { reportYear?: number; sheets: readonly string[] }): Promise<void>;
  saveMapping(rows: readonly MappingRow[]): Promise<void>;
  newOfficeSheet(name: string, year: number): Promise<string>;
  newReportYear(year: number): Promise<{ changed: number; skipped: readonly { sheet: string; reason: string }[] }>;
}

/** File mode: evaluate an .xlsx in the browser and build the report workbook. */
export interface FileResult {
  readonly analysis: Analysis;
  readonly report: Blob;
  readonly reportName: string;
}

export type EvaluateFile = (file: File, onProgress: OnProgress) => Promise<FileResult>;
