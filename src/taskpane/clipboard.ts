/**
 * The clipboard, where the task pane may write it. Call it first thing in the click handler,
 * before anything is awaited and before any Excel.run: browsers grant the clipboard only within
 * the user's gesture, and Safari only to a `clipboard.write` called synchronously in it — hence
 * a ClipboardItem built from promises (MDN, ClipboardItem; WebKit, "Async Clipboard API").
 * Resolves false when the host refuses (Excel on the web may: the add-in's frame lacks the
 * clipboard-write permission); the caller then offers the content another way. Never rejects.
 */
export function copyToClipboard(text: string, html?: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  try {
    if (html !== undefined && clipboard && typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
      const item = new ClipboardItem({
        'text/html': Promise.resolve(new Blob([html], { type: 'text/html' })),
        'text/plain': Promise.resolve(new Blob([text], { type: 'text/plain' })),
      });
      return clipboard.write([item]).then(() => true, () => false);
    }
    if (clipboard && typeof clipboard.writeText === 'function') return clipboard.writeText(text).then(() => true, () => false);
  } catch {
    // A host without the permission may throw synchronously: the caller says how to copy by hand.
  }
  return Promise.resolve(false);
}

/**
 * Copies HTML and plain text that are still being made: the clipboard write starts inside the
 * click (as browsers require, SPEC §7) and receives the content when it is ready. Falls back to
 * the plain text where the browser takes no ClipboardItem with pending content. False where the
 * clipboard is refused; never throws.
 */
export async function copyPendingToClipboard(content: Promise<{ html: string; text: string }>): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  try {
    if (clipboard && typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
      const item = new ClipboardItem({
        'text/html': content.then((c) => new Blob([c.html], { type: 'text/html' })),
        'text/plain': content.then((c) => new Blob([c.text], { type: 'text/plain' })),
      });
      await clipboard.write([item]);
      return true;
    }
    return await copyToClipboard((await content).text);
  } catch {
    return false;
  }
}
