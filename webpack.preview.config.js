/**
 * `npm run preview`: the task pane in Excel mode on the simulated workbook (tests/support/fake-excel
 * loaded with the demo workbook), served at http://localhost:3001 — no Excel, no certificates.
 *   npm run preview                      serve (development build, in memory)
 *   npx webpack --config webpack.preview.config.js --mode development   build into dist-preview/ (the browser test)
 */
'use strict';
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (_env, argv) => ({
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
  resolve: {
    extensions: ['.tsx', '.ts', '.js'],
    alias: { 'csv-parse/sync$': 'csv-parse/browser/esm/sync' },
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
    new HtmlWebpackPlugin({ filename: 'index.html', template: './tests/support/preview/preview.html', chunks: ['preview'], scriptLoading: 'defer' }),
    new CopyWebpackPlugin({ patterns: [{ from: 'assets/demo/Digitalisierungsuebersicht_Demo.xlsx', to: '[name][ext]' }] }),
  ],
  devServer: { port: 3001, hot: false, static: false, open: false },
});
