/* The CI audit step (scripts/audit.js, issue 9): what `npm audit --omit=dev --json` printed decides. */
const { auditVerdict } = require('../scripts/audit.js') as { auditVerdict: (stdout: string) => { verdict: string; detail: string } };

describe('CI audit step', () => {
  it('fails on a high or critical vulnerability and names the package', () => {
    const report = { vulnerabilities: { 'fast-xml': { severity: 'critical' }, minimist: { severity: 'low' } }, metadata: { vulnerabilities: { low: 1, moderate: 0, high: 0, critical: 1, total: 2 } } };
    expect(auditVerdict(JSON.stringify(report))).toEqual({ verdict: 'fail', detail: 'fast-xml (critical)' });
  });

  it('passes with only low and moderate findings', () => {
    const report = { vulnerabilities: {}, metadata: { vulnerabilities: { low: 2, moderate: 1, high: 0, critical: 0, total: 3 } } };
    expect(auditVerdict(JSON.stringify(report)).verdict).toBe('pass');
  });

  it('goes on, and says so, when the registry refuses the audit request (405)', () => {
    const refused = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '', detail: '' } };
    expect(auditVerdict(JSON.stringify(refused))).toEqual({ verdict: 'unreachable', detail: 'Antwort 405' });
    expect(auditVerdict('').verdict).toBe('unreachable');
  });
});
