import { copyPendingToClipboard } from './clipboard';
import { saveBlob } from './download';
import type { BausteinServices } from './types';

const load = () => import(/* webpackChunkName: "baustein" */ './baustein');

/**
 * The Baustein services of the task pane and file mode; the docx code loads on first use. The
 * Baustein reads the records, which in file mode may still be on their way from the worker.
 */
export function bausteinServices(): BausteinServices {
  return {
    // the clipboard write starts inside the click; its content follows when the chart is drawn
    copy: (evaluation) => copyPendingToClipboard(Promise.all([load(), evaluation.recordsArrival]).then(([m]) => m.bausteinClipboard(evaluation))),
    async download(evaluation) {
      const [m] = await Promise.all([load(), evaluation.recordsArrival]);
      const { blob, name } = await m.bausteinDocx(evaluation);
      saveBlob(blob, name);
    },
  };
}
