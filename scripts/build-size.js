#!/usr/bin/env node
/**
 * Prints the gzipped size of the task pane's initial JavaScript (the scripts taskpane.html loads
 * before file mode is used) and of each lazy chunk; fails above the 250 KB budget.
 * Run after `npm run build` (the build script does): node scripts/build-size.js
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET = 250 * 1024;
const dist = path.join(__dirname, '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let total = 0;
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`initial  ${file.padEnd(36)} ${kb(size)} gzip`);
}
for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.js') && !initial.includes(f))) {
  console.log(`lazy     ${file.padEnd(36)} ${kb(gz(file))} gzip`);
}
console.log(`Initial task-pane JavaScript: ${kb(total)} gzip (budget ${kb(BUDGET)})`);
if (initial.length === 0 || total > BUDGET) {
  console.error(initial.length === 0 ? 'taskpane.html loads no script' : 'over budget');
  process.exit(1);
}
