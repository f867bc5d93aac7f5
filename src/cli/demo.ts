import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli } from './run';

/** `npm run demo`: evaluates the bundled demo workbook and writes the report workbook to out/. */
const root = join(__dirname, '..', '..');
const input = join(root, 'assets', 'demo', 'Digitalisierungsuebersicht_Demo.xlsx');
const outDir = join(root, 'out');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'Demo_Bericht.xlsx');

process.stdout.write(`Demo-Arbeitsmappe: ${relative(process.cwd(), input)}\n\n`);
runCli([input, '--out', out, '--force'], {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});
