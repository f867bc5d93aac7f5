import { runCli } from '../cli/run';
import { ownPeakRssKib } from './peak-rss';

/** One CLI run in this process, timed from process start; prints `{seconds, maxRssMb}` on stderr. */
runCli(process.argv.slice(2), { stdout: () => undefined, stderr: (t) => process.stderr.write(t), now: () => new Date() }).then((code) => {
  const seconds = performance.now() / 1000;
  process.stderr.write(`${JSON.stringify({ seconds, maxRssMb: ownPeakRssKib() / 1024 })}\n`);
  process.exitCode = code;
});
