// Preloaded into a child process (`node -r tests/support/max-rss.js …`): on exit, writes the
// process's peak resident memory (bytes) and CPU time (seconds, user + system) as JSON to the
// file named by LEIKA_MAX_RSS_FILE. CPU time, unlike wall time, does not grow when other
// processes share the machine.
'use strict';
const fs = require('node:fs');
const target = process.env.LEIKA_MAX_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    // Linux's maxRSS keeps the parent's resident size across fork and exec (a child of a 600 MB
    // test runner starts at 600 MB): the peak of this process's own memory map (VmHWM) instead
    let peakKib = usage.maxRSS;
    try {
      const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      if (m) peakKib = Number(m[1]);
    } catch {
      // no /proc: the rusage figure
    }
    fs.writeFileSync(target, JSON.stringify({ peakBytes: peakKib * 1024, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }));
  });
}
