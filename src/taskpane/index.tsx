import { Spinner } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { de, stringsFor } from '../i18n';
import { ExcelApp } from './components/ExcelApp';
import { FileModeApp } from './components/FileModeApp';
import { Root } from './components/Root';
import { detectHost, type Host } from './host';
import { bausteinServices } from './baustein-services';
import { copyToClipboard } from './clipboard';
import { createFileWorker } from './pipeline/file-worker-url';
import type { WorkbookSource } from '../core/sources';
import type { FileServices } from './types';

/** Office answers within milliseconds; file mode must be reached within 3 s (SPEC §7). */
const HOST_TIMEOUT_MS = 2500;

/** File mode's services; files are read in a Web Worker (the xlsx and catalogue code lives there). */
const fileServices: FileServices = {
  async evaluateFile(files, onProgress, catalog) {
    const { evaluateFileInWorker } = await import(/* webpackChunkName: "file-mode" */ './pipeline/file');
    return evaluateFileInWorker(createFileWorker, files, onProgress, catalog);
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

async function main(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root');
  const root = createRoot(container);
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  root.render(
    <Root dark={prefersDark} strings={de}>
      <Spinner size="small" label={de.loading} />
    </Root>,
  );
  const office = (globalThis as { Office?: Parameters<typeof detectHost>[0] }).Office;
  const excelMode = async (host: Host & { kind: 'excel' }): Promise<void> => {
    const { excelServices } = await import(/* webpackChunkName: "excel" */ './pipeline/excel');
    document.documentElement.dataset.mode = 'excel';
    root.render(
      <Root dark={host.dark} strings={stringsFor(host.language)}>
        <ExcelApp services={excelServices(undefined, undefined, readOfficeFiles)} />
      </Root>,
    );
  };
  // A late answer from Excel (slow cold start) switches the pane from file mode back to Excel mode.
  const host = await detectHost(office, HOST_TIMEOUT_MS, (late) => void excelMode(late));
  if (host.kind === 'excel') return excelMode(host);
  document.documentElement.dataset.mode = 'file';
  root.render(
    <Root dark={prefersDark} strings={de}>
      <FileModeApp services={fileServices} />
    </Root>,
  );
}

void main();
