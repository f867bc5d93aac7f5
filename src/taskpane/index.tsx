import { Spinner } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { de, stringsFor } from '../i18n';
import { ExcelApp } from './components/ExcelApp';
import { FileModeApp } from './components/FileModeApp';
import { Root } from './components/Root';
import { detectHost } from './host';
import type { EvaluateFile } from './types';

/** Office answers within milliseconds; file mode must be reached within 3 s (SPEC §7). */
const HOST_TIMEOUT_MS = 2500;

const evaluateFile: EvaluateFile = async (file, onProgress) => {
  const { evaluateFile: run } = await import(/* webpackChunkName: "file-mode" */ './pipeline/file');
  return run(file, onProgress);
};

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
  const host = await detectHost(office, HOST_TIMEOUT_MS);
  if (host.kind === 'excel') {
    const { excelServices } = await import(/* webpackChunkName: "excel" */ './pipeline/excel');
    document.documentElement.dataset.mode = 'excel';
    root.render(
      <Root dark={host.dark} strings={stringsFor(host.language)}>
        <ExcelApp services={excelServices()} />
      </Root>,
    );
    return;
  }
  document.documentElement.dataset.mode = 'file';
  root.render(
    <Root dark={prefersDark} strings={de}>
      <FileModeApp evaluateFile={evaluateFile} />
    </Root>,
  );
}

void main();
