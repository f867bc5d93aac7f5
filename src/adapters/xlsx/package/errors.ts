/** Thrown when the package lacks what a step relies on (a bug of the caller, not user data). */
export class XlsxPartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'XlsxPartError';
  }
}
