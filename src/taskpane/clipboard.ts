/**
 * The clipboard, where the task pane may write it. Returns false when it may not (the caller
 * then tells the user to copy by hand); never throws.
 */
export async function copyToClipboard(text: string, html?: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  try {
    if (html !== undefined && clipboard && typeof ClipboardItem !== 'undefined' && typeof clipboard.write === 'function') {
      await clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      return true;
    }
    if (clipboard && typeof clipboard.writeText === 'function') {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no user gesture, a sandboxed frame, an insecure page): the caller says how to copy by hand.
  }
  return false;
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
