/** Host detection when Excel answers late (issue 7, fix 6). */
import { detectHost, type Host } from '../src/taskpane/host';

describe('regression (issue 7): Office.onReady after the file-mode switch', () => {
  it('goes to file mode in time and hands a late answer from Excel back, so the pane can return to Excel mode', async () => {
    let answer: (info: { host: unknown }) => void = () => undefined;
    const office = { onReady: () => new Promise<{ host: unknown }>((resolve) => (answer = resolve)), context: { displayLanguage: 'de-DE' } };
    const late: Host[] = [];
    const host = await detectHost(office, 20, (h) => late.push(h));
    expect(host).toEqual({ kind: 'none' });
    expect(late).toEqual([]);
    answer({ host: 'Excel' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late).toEqual([{ kind: 'excel', dark: false, language: 'de-DE' }]);
  });

  it('stays in file mode when the late answer is no Excel (a plain browser)', async () => {
    let answer: (info: { host: unknown }) => void = () => undefined;
    const late: Host[] = [];
    await detectHost({ onReady: () => new Promise((resolve) => (answer = resolve)) }, 20, (h) => late.push(h));
    answer({ host: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late).toEqual([]);
  });
});
