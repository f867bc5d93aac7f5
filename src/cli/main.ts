#!/usr/bin/env node
import { defectLine, runCli } from './run';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
}).then(exit, (error: unknown) => {
  process.stderr.write(defectLine(error));
  exit(1);
});

/**
 * Ends the process once what was written to stdout and stderr is out (a pipe on Windows is
 * written asynchronously). `process.exit` leaves the evaluation's heap of 100 MB and more to the
 * operating system: Node's own teardown of it took 50 ms of a 1.4 s run (docs/performance.md).
 */
function exit(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
