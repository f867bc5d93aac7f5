#!/usr/bin/env node
/*
 * CI step: known vulnerabilities in what ships (`npm audit --omit=dev`). High or critical
 * ones fail the build; when the audit service cannot be reached (a registry mirror may answer
 * 405 to the bulk advisory request) the step says so and the build goes on.
 *
 * Usage: node scripts/audit.js
 */
'use strict';

const { spawnSync } = require('node:child_process');

/**
 * What `npm audit --json` printed means for CI: 'fail' (high/critical findings), 'pass', or
 * 'unreachable' (no report: the service answered with an error or not at all).
 */
function auditVerdict(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { verdict: 'unreachable', detail: 'keine lesbare Antwort' };
  }
  const counts = report && report.metadata && report.metadata.vulnerabilities;
  if (!counts) {
    const status = report && (report.statusCode || (report.error && report.error.code));
    return { verdict: 'unreachable', detail: status ? `Antwort ${status}` : 'keine Auswertung' };
  }
  const serious = (counts.high || 0) + (counts.critical || 0);
  const names = Object.entries(report.vulnerabilities || {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  return serious > 0 ? { verdict: 'fail', detail: names.join(', ') || `${serious} Schwachstellen` } : { verdict: 'pass', detail: `${counts.total || 0} Hinweise unterhalb von „hoch“` };
}

function main() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
  const { verdict, detail } = auditVerdict(run.stdout || '');
  if (verdict === 'fail') {
    process.stderr.write(`npm audit: Schwachstellen der Stufe hoch oder kritisch in ausgelieferten Paketen: ${detail}\n`);
    process.exitCode = 1;
  } else if (verdict === 'unreachable') {
    process.stdout.write(`npm audit: Prüfdienst nicht erreichbar (${detail}) – Schritt übersprungen.\n`);
  } else {
    process.stdout.write(`npm audit: keine Schwachstelle der Stufe hoch oder kritisch (${detail}).\n`);
  }
}

if (require.main === module) main();
module.exports = { auditVerdict };
