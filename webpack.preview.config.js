/**
 * `npm run preview`: the task pane in Excel mode on the simulated workbook (tests/support/fake-excel
 * loaded with the demo workbook), served at http://localhost:3001 — no Excel, no certificates.
 *   npm run preview                      serve (development build, in memory)
 *   npx webpack --config webpack.preview.config.js --mode development   build into dist-preview/ (the browser test)
 * Module rules and resolution are the task pane's own (webpack.config.js), so the preview runs the same code.
 */
'use strict';
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const taskpane = require('./webpack.config.js');

module.exports = async (env, argv) => {
  // The production variant of the task pane's config: the same loaders, without its dev-server certificates.
  const base = await taskpane(env, { ...argv, mode: 'production' });
  return {
    mode: argv.mode === 'production' ? 'production' : 'development',
    devtool: 'source-map',
    entry: { preview: './tests/support/preview/preview.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist-preview'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: base.resolve,
    module: base.module,
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: './tests/support/preview/preview.html', chunks: ['preview'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/demo/Digitalisierungsuebersicht_Demo.xlsx', to: '[name][ext]' }] }),
    ],
    devServer: { port: 3001, hot: false, static: false, open: false },
  };
};
