import { useCallback, useEffect, useState } from 'react';
import { downloadUrl } from '../download';
import type { CatalogLoaded, EvaluateFile, FileResult } from '../types';
import { useProgress, type ProgressState } from './Progress';
import { useTask, type TaskState } from './use-task';

export interface FileEvaluation {
  readonly state: TaskState<FileResult>;
  readonly progress: ProgressState;
  /** Evaluates the files together, with the loaded catalogue where there is one. */
  readonly start: (files: readonly File[], catalog: CatalogLoaded | undefined) => Promise<void>;
  /** Downloads the report workbook; undefined until it can be downloaded. */
  readonly download: (() => void) | undefined;
}

/**
 * File mode's use of the pipeline (`FileServices.evaluateFile`), in one place: the evaluation's
 * state and progress, and the report workbook's download link, which lives as long as the result.
 */
export function useFileEvaluation(evaluateFile: EvaluateFile): FileEvaluation {
  const [progress, onProgress] = useProgress();
  const run = useCallback((files: readonly File[], catalog: CatalogLoaded | undefined) => evaluateFile(files, onProgress, catalog?.catalog), [evaluateFile, onProgress]);
  const [state, start] = useTask(run);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (state.kind !== 'done' || typeof URL.createObjectURL !== 'function') return undefined;
    const u = URL.createObjectURL(state.value.report);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [state]);
  const download = state.kind === 'done' && url !== undefined ? () => downloadUrl(url, state.value.reportName) : undefined;
  return { state, progress, start, download };
}
