// Preloaded into a child process (`node -r tests/support/max-rss.js …`): on exit, writes the
// process's peak resident memory in bytes to the file named by LEIKA_MAX_RSS_FILE.
'use strict';
const fs = require('node:fs');
const target = process.env.LEIKA_MAX_RSS_FILE;
if (target) process.on('exit', () => fs.writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
