import { readFileSync } from 'node:fs';
import { runCli } from '../cli/run';

/**
 * The process's own peak resident memory in KiB. Linux's getrusage maxRSS keeps the parent's
 * resident size across fork and exec (a child of a 600 MB test runner starts at 600 MB), so the
 * peak of this process's own memory map (VmHWM) is read where there is one.
 */
function ownPeakRssKib(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc: the rusage figure
  }
  return process.resourceUsage().maxRSS;
}

/** One CLI run in this process, timed from process start; prints `{seconds, maxRssMb}` on stderr. */
if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: () => undefined, stderr: (t) => process.stderr.write(t), now: () => new Date() }).then((code) => {
    const seconds = performance.now() / 1000;
    process.stderr.write(`${JSON.stringify({ seconds, maxRssMb: ownPeakRssKib() / 1024 })}\n`);
    process.exitCode = code;
  });
}
