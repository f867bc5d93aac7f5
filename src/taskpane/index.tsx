import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { de, stringsFor, type Strings } from '../i18n';
import { ExcelApp } from './components/ExcelApp';
import { FileModeApp } from './components/FileModeApp';
import { Root } from './components/Root';
import { StartError, StartErrorBoundary } from './components/StartError';
import { errorText } from './components/use-task';
import { detectHost, type Host } from './host';
import { bausteinServices } from './baustein-services';
import { copyToClipboard } from './clipboard';
import { createFileWorker } from './pipeline/file-worker-url';
import { spareWorker } from './pipeline/spare-worker';
import type { WorkbookSource } from '../core/sources';
import type { FileServices } from './types';

/** Office answers within milliseconds; file mode must be reached within 3 s (SPEC §7). */
const HOST_TIMEOUT_MS = 2500;

/** File mode's evaluation workers, one started ahead of each evaluation. */
const evaluationWorkers = spareWorker(createFileWorker);

/** File mode's services; files are read in a Web Worker (the xlsx and catalogue code lives there). */
const fileServices: FileServices = {
  async evaluateFile(files, onProgress, catalog) {
    const { evaluateFileInWorker } = await import(/* webpackChunkName: "file-mode" */ './pipeline/file');
    return evaluateFileInWorker(() => evaluationWorkers.take(), files, onProgress, catalog);
  },
  async loadCatalog(file) {
    const { readCatalogInWorker } = await import(/* webpackChunkName: "file-mode" */ './pipeline/file');
    const imported = await readCatalogInWorker(createFileWorker, file);
    return { fileName: file.name, stats: imported.stats, findings: imported.findings, catalog: imported };
  },
  copyText: (text) => copyToClipboard(text),
  baustein: bausteinServices(),
};

/** „Amtsdateien hinzunehmen“ in Excel: each office file read in a Web Worker of its own (SPEC §7, §10). */
async function readOfficeFiles(files: readonly File[]): Promise<WorkbookSource[]> {
  const { readFilesInWorker } = await import(/* webpackChunkName: "file-mode" */ './pipeline/file');
  return readFilesInWorker(createFileWorker, files);
}

/**
 * Starts the pane: a spinner while Office answers, then Excel or file mode. A start that fails
 * (Office throws, a code chunk does not load, a view throws while rendering) shows the German
 * error with what to do instead of leaving the spinner on.
 */
function start(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root');
  const root = createRoot(container);
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  const reload = (): void => location.reload();
  // A boundary of its own for each pane shown: an error in a pane's first render is a failed start.
  let shown = 0;
  const show = (pane: ReactNode, dark = prefersDark, strings: Strings = de): void =>
    root.render(
      <Root dark={dark} strings={strings}>
        <StartErrorBoundary key={++shown} onReload={reload}>
          {pane}
        </StartErrorBoundary>
      </Root>,
    );
  const fail = (error: unknown, dark?: boolean, strings?: Strings): void => show(<StartError message={errorText(error)} onReload={reload} />, dark, strings);

  show(<Spinner size="small" label={de.loading} />);
  const office = (globalThis as { Office?: Parameters<typeof detectHost>[0] }).Office;
  const excelMode = async (host: Host & { kind: 'excel' }): Promise<void> => {
    const strings = stringsFor(host.language);
    try {
      const { excelServices } = await import(/* webpackChunkName: "excel" */ './pipeline/excel');
      document.documentElement.dataset.mode = 'excel';
      show(<ExcelApp services={excelServices(undefined, undefined, readOfficeFiles)} />, host.dark, strings);
    } catch (error) {
      fail(error, host.dark, strings);
    }
  };
  const main = async (): Promise<void> => {
    // A late answer from Excel (slow cold start) switches the pane from file mode back to Excel mode.
    const host = await detectHost(office, HOST_TIMEOUT_MS, (late) => void excelMode(late));
    if (host.kind === 'excel') return excelMode(host);
    document.documentElement.dataset.mode = 'file';
    show(<FileModeApp services={fileServices} />);
    // what „Auswerten“ needs, loaded while the user chooses the file
    evaluationWorkers.warm();
    void import(/* webpackChunkName: "file-mode" */ './pipeline/file').catch(() => undefined);
  };
  main().catch((error: unknown) => fail(error));
}

start();
