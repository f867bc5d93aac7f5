/** Lets the browser paint the progress before a long synchronous step. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A file the user chose cannot be used; `message` is one German line for the user. */
export class FileModeError extends Error {
  override name = 'FileModeError';
}
