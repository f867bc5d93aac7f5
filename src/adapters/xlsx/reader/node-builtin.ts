/**
 * A Node built-in module where the reader runs in Node (the CLI), else undefined: found through
 * `process.getBuiltinModule`, not through a `require` a browser bundle would follow. Its parts
 * are optional; the caller checks the ones it uses.
 */
export function nodeBuiltin<T>(id: string): Partial<T> | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule(id) as Partial<T> | undefined) : undefined;
}
