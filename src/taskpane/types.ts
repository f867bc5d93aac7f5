import type { CatalogImport, CatalogStats } from '../core/catalog';
import type { MappingEntry } from '../core/classify';
import type { Finding } from '../core/findings';
import type { Analysis } from '../core/model';
import type { Evaluation as CoreEvaluation } from '../core/report';
import type { Settings } from '../core/settings';
import type { RolloverResult } from '../core/rollover';
import type { SourcesUse } from '../core/sources';
import type { SelfTestReport } from '../adapters/office/selftest';
import type { WriteReport } from '../port/workbook-port';

/** What the overview shows: the workbook as analysed, plus what the settings view edits. */
export interface Inspection {
  readonly analysis: Analysis;
  readonly sheetNames: readonly string[];
  readonly settings: Settings;
  readonly mapping: readonly MappingEntry[];
}

/** One row of the Zuordnung as the settings view edits it: the core's MappingEntry. */
export type MappingRow = MappingEntry;

export type ProgressStep = 'read' | 'analyze' | 'write' | 'done';
export type OnProgress = (step: ProgressStep, fraction: number) => void;

/**
 * What every evaluation shows, inside Excel and in file mode: the core pipeline's Evaluation,
 * whose `sources` the views may also go without (they show the file list only when present).
 */
export type EvaluatedWorkbook = Omit<CoreEvaluation, 'sources'> & {
  readonly sources?: SourcesUse;
  /**
   * File mode: the counted records follow the result from the worker; `analysis.records` may be
   * read once this has settled (it rejects with a FileModeError where they never came). Absent
   * where the records are there with the result.
   */
  readonly recordsArrival?: Promise<void>;
};

/** An evaluation inside Excel: what was counted and where the output sheets went. */
export interface Evaluation extends EvaluatedWorkbook {
  readonly report: WriteReport & { readonly pivotTable?: { readonly sheet: string; readonly name: string } };
}

/** What Auswerten inside Excel may add beyond the core's evaluation (core's EvaluateOptions are set by the pipeline). */
export interface ExcelEvaluateOptions {
  /** Add the native PivotTable beside the Gesamtliste table (only offered where supported). */
  readonly pivot?: boolean;
  /** Office files to evaluate together with the open workbook's sheets (SPEC §10), in this order. */
  readonly files?: readonly File[];
}

export type CopyResult = 'copied' | 'selected';

/** A LeiKa catalogue the user loaded („LeiKa-Katalog laden“). */
export interface CatalogLoaded {
  readonly fileName: string;
  readonly stats: CatalogStats;
  /** The catalogue's own findings (malformed and repeated keys), with the row they concern. */
  readonly findings: readonly Finding[];
  /** Inside Excel: the sheet the catalogue was stored in. */
  readonly storedIn?: string;
  /** File mode keeps it for the next Auswerten. */
  readonly catalog: CatalogImport;
}

/** The Baustein für die Mitteilungsvorlage (SPEC §9) of an evaluation. */
export interface BausteinServices {
  /** Puts text, table and chart on the clipboard; false where the host refuses. Call inside the click. */
  copy(evaluation: EvaluatedWorkbook): Promise<boolean>;
  /** Downloads the .docx; absent where the host offers no downloads. */
  download?(evaluation: EvaluatedWorkbook): Promise<void>;
}

/** Everything the Excel task pane can do; only pipeline/excel.ts implements it with Office.js. */
export interface ExcelServices {
  /** Optional features of this Excel (requirement sets beyond the manifest's minimum). */
  readonly features: { readonly pivotTable: boolean };
  inspect(): Promise<Inspection>;
  evaluate(onProgress: OnProgress, options?: ExcelEvaluateOptions): Promise<Evaluation>;
  goToCell(sheet: string, cell: string): Promise<void>;
  copyTable(evaluation: Evaluation): Promise<CopyResult>;
  /** Copies plain text (the comparison's sentences); false where the clipboard is not allowed. */
  copyText(text: string): Promise<boolean>;
  readonly baustein?: BausteinServices;
  /** Reads a LeiKa export and keeps it in the workbook (sheet „LeiKa-Katalog“). */
  loadCatalog(file: File): Promise<CatalogLoaded>;
  saveSettings(settings: { reportYear?: number; sheets: readonly string[] }): Promise<void>;
  saveMapping(rows: readonly MappingRow[]): Promise<void>;
  newOfficeSheet(name: string, year: number): Promise<string>;
  /** Neues Berichtsjahr, sheet by sheet: what was done, skipped, refused by Excel and not reached. */
  newReportYear(year: number): Promise<RolloverResult>;
  /** Selbsttest (SPEC §11): every Excel operation the add-in uses, on a temporary sheet. */
  selfTest(): Promise<SelfTestReport>;
}

/** File mode: evaluate .xlsx files in the browser and build the report workbook. */
export interface FileResult extends EvaluatedWorkbook {
  /** The report workbook, written after the result is shown; rejects with a FileModeError (one German line). */
  readonly report: Promise<Blob>;
  readonly reportName: string;
}

/** Evaluates the chosen files together (one, or several office files: SPEC §10), in the order given. */
export type EvaluateFile = (files: readonly File[], onProgress: OnProgress, catalog?: CatalogImport) => Promise<FileResult>;

/** What file mode can do; index.tsx loads the implementations lazily. */
export interface FileServices {
  evaluateFile: EvaluateFile;
  /** Reads a LeiKa export for the next Auswerten (nothing is stored: file mode never changes a file). */
  loadCatalog(file: File): Promise<CatalogLoaded>;
  copyText(text: string): Promise<boolean>;
  readonly baustein?: BausteinServices;
}
