import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident memory in KiB. Linux's getrusage maxRSS keeps the parent's
 * resident size across fork and exec (a child of a 600 MB test runner starts at 600 MB), so the
 * peak of this process's own memory map (VmHWM) is read where there is one. Used by
 * `tests/support/max-rss.js` (preloaded into measured CLI runs).
 */
export function ownPeakRssKib(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc: the rusage figure
  }
  return process.resourceUsage().maxRSS;
}
