// Preloaded into a child process (`node -r tests/support/max-rss.js …`): on exit, writes the
// process's peak resident memory (bytes; its own, see src/bench/peak-rss.ts) and CPU time
// (seconds, user + system) as JSON to the file named by LEIKA_MAX_RSS_FILE. CPU time, unlike
// wall time, does not grow when other processes share the machine.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
// the measured CLI runs from dist-node, built beside it
const { ownPeakRssKib } = require(path.join(__dirname, '..', '..', 'dist-node', 'bench', 'peak-rss.js'));
const target = process.env.LEIKA_MAX_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ peakBytes: ownPeakRssKib() * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
