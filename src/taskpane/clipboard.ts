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
