/**
 * Bundles the command line (npm run build:node, after tsc): dist-node/cli/main.js — the CLI users
 * run (npm run report, the bench, the tests) — and dist-node/cli/demo.js (npm run demo), each one
 * file; the writers behind `--out` and `--docx` (src/cli/run.ts imports them on demand) are chunks
 * beside them, loaded only when a file is written. Node then loads one file instead of ~95
 * CommonJS modules (docs/performance.md, "Kommandozeile als ein Bündel").
 * tsc (tsconfig.node.json) emits the rest of src/ into dist-node/ for the bench and the scripts;
 * src/cli is webpack's alone, so no unbundled CLI is left to run by mistake.
 */
'use strict';
const path = require('node:path');
const webpack = require('webpack');

const out = path.resolve(__dirname, 'dist-node', 'cli');

module.exports = {
  name: 'cli',
  mode: 'production',
  target: 'node20',
  context: __dirname,
  entry: { main: './src/cli/main.ts', demo: './src/cli/demo.ts' },
  output: {
    path: out,
    filename: '[name].js',
    chunkFilename: 'chunk-[name].js',
    // dist-node/cli holds the bundle alone (tsc, tsconfig.node.json, leaves src/cli to webpack)
    clean: true,
    // the source maps name the sources as tsc's do, relative to the map, so that
    // `node --enable-source-maps dist-node/cli/main.js …` shows src/… paths in a stack trace
    // (npm run report goes without: users see one German line, never a stack; the flag costs
    // ~30 ms per run, docs/performance.md)
    devtoolModuleFilenameTemplate: (info) => path.relative(out, info.absoluteResourcePath).split(path.sep).join('/'),
  },
  // demo.ts finds the repository from its own file: the real __dirname (dist-node/cli), not a mock
  node: { __dirname: false, __filename: false },
  // resvg is a native addon (a .node file per platform): Node loads it from node_modules. Every
  // other package is bundled: ExcelJS alone is ~660 CommonJS files, which cost `--out` ~0.3 s to load.
  externals: { '@resvg/resvg-js': 'commonjs @resvg/resvg-js' },
  // rebuilds (npm test builds first) take the unchanged modules from node_modules/.cache/webpack
  cache: { type: 'filesystem', buildDependencies: { config: [__filename, ...['cli', 'node', 'base'].map((name) => path.resolve(__dirname, `tsconfig.${name}.json`))] } },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.cli.json'),
            // ES modules, so that webpack splits at import() and hoists modules into one scope
            compilerOptions: { noEmit: false, module: 'es2020', sourceMap: true },
          },
        },
      },
    ],
  },
  // positions only, without the sources' text (as tsc's maps): --enable-source-maps reads the maps
  // at every start, and with the sources main.js.map was 0.8 MB, chunk-report.js.map 3.8 MB
  devtool: 'nosources-source-map',
  // a writer's packages in its own chunk (chunk-report.js holds ExcelJS, chunk-baustein.js docx)
  optimization: { minimize: false, splitChunks: false },
  performance: { hints: false },
  stats: 'errors-warnings',
  plugins: [new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true, include: /^main\.js$/ })],
};
