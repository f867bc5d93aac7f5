/*
 * Text for the terminal. Cell values reach the printed table and findings; an escape sequence
 * in a cell (`_x001B_[2K`, decoded by the reader) could otherwise erase lines or fake output,
 * and bidi controls could reorder what is shown (Trojan Source). JSON output escapes as JSON does.
 */

/** C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;

/** One line of text from the workbook, safe to print: line breaks and tabs become one space, other controls go. */
export function terminalSafe(text: string): string {
  return text.replace(BREAKS, ' ').replace(UNSAFE, '');
}

/** A whole printed text: each line made safe, the line structure kept. */
export function terminalSafeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => terminalSafe(line))
    .join('\n');
}
