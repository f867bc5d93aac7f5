/**
 * Builds the task pane (dist/taskpane.html + JS) and the deployable manifest.
 *   npm run build                                   production build into dist/
 *   LEIKA_ADDIN_URL=https://… npm run build          manifest with the production URL
 *   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs
 * The xlsx reader/writer of file mode, the catalogue import and the Office.js pipeline are
 * separate chunks, loaded on demand; the initial JS is React, Fluent UI and the shell.
 */
'use strict';
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { productionManifest } = require('./scripts/build-manifest.js');

module.exports = async (env, argv) => {
  const dev = argv.mode === 'development';
  const config = {
    mode: dev ? 'development' : 'production',
    // never an eval-based devtool: the page's Content-Security-Policy forbids eval (src/taskpane/taskpane.html)
    devtool: 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // csv-parse's Node build needs the global Buffer; its browser build does not (catalogue import).
      alias: { 'csv-parse/sync$': 'csv-parse/browser/esm/sync' },
      // ExcelJS's browser build (package.json "browser") is self-contained; no Node polyfills needed.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { noEmit: false, module: 'es2020', moduleResolution: 'node', sourceMap: true },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => productionManifest(content.toString('utf8'), process.env.LEIKA_ADDIN_URL) },
        ],
      }),
    ],
  };
  if (dev) {
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: 3000,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      devMiddleware: { index: 'taskpane.html' },
    };
  }
  return config;
};
