import { useCallback, useEffect, useState } from 'react';
import { downloadUrl } from '../download';
import type { CatalogLoaded, EvaluateFile, FileResult } from '../types';
import { useProgress, type ProgressState } from './Progress';
import { errorText, useTask, type TaskState } from './use-task';

/** The report workbook that follows the result: being written, an object URL once written, or why not. */
export type ReportFile = { readonly kind: 'none' } | { readonly kind: 'pending' } | { readonly kind: 'ready'; readonly url: string } | { readonly kind: 'failed'; readonly message: string };

export interface FileEvaluation {
  readonly state: TaskState<FileResult>;
  readonly progress: ProgressState;
  /** Evaluates the files together, with the loaded catalogue where there is one. */
  readonly start: (files: readonly File[], catalog: CatalogLoaded | undefined) => Promise<void>;
  readonly report: ReportFile;
  /** Downloads the report workbook; undefined until it is written. */
  readonly download: (() => void) | undefined;
}

/**
 * File mode's use of the pipeline (`FileServices.evaluateFile`), in one place: the evaluation's
 * state and progress, and the report workbook written after the result, with its download link.
 */
export function useFileEvaluation(evaluateFile: EvaluateFile): FileEvaluation {
  const [progress, onProgress] = useProgress();
  const run = useCallback((files: readonly File[], catalog: CatalogLoaded | undefined) => evaluateFile(files, onProgress, catalog?.catalog), [evaluateFile, onProgress]);
  const [state, start] = useTask(run);
  const report = useReportFile(state.kind === 'done' ? state.value.report : undefined);
  const download = state.kind === 'done' && report.kind === 'ready' ? () => downloadUrl(report.url, state.value.reportName) : undefined;
  return { state, progress, start, report, download };
}

/** An object URL for the report once written (revoked when replaced), or why it could not be written. */
function useReportFile(report: Promise<Blob> | undefined): ReportFile {
  const [file, setFile] = useState<ReportFile>({ kind: 'none' });
  useEffect(() => {
    if (report === undefined) {
      setFile({ kind: 'none' });
      return undefined;
    }
    setFile({ kind: 'pending' });
    let url: string | undefined;
    let current = true;
    report.then(
      (blob) => {
        if (!current || typeof URL.createObjectURL !== 'function') return;
        url = URL.createObjectURL(blob);
        setFile({ kind: 'ready', url });
      },
      (error: unknown) => {
        if (current) setFile({ kind: 'failed', message: errorText(error) });
      },
    );
    return () => {
      current = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [report]);
  return file;
}
