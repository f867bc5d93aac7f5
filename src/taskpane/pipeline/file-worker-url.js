// webpack bundles the worker as its own chunk and turns this into its URL
// (https://webpack.js.org/guides/web-workers/). A .js file, because `import.meta` does not
// type-check under the CommonJS settings that jest and the CLI share.
export function createFileWorker() {
  return new Worker(new URL('./file-worker.ts', import.meta.url), { name: 'leika-file-mode' });
}
