import { copyPendingToClipboard } from './clipboard';
import { saveBlob } from './download';
import type { BausteinServices } from './types';

const load = () => import(/* webpackChunkName: "baustein" */ './baustein');

/** The Baustein services of the task pane and file mode; the docx code loads on first use. */
export function bausteinServices(): BausteinServices {
  return {
    // the clipboard write starts inside the click; its content follows when the chart is drawn
    copy: (evaluation) => copyPendingToClipboard(load().then((m) => m.bausteinClipboard(evaluation))),
    async download(evaluation) {
      const { blob, name } = await (await load()).bausteinDocx(evaluation);
      saveBlob(blob, name);
    },
  };
}
