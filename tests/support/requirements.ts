import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

/** CI runs (CI=true, as CI services set it): there a missing tool or shared file fails the run instead of skipping. */
export const ON_CI = /^(true|1)$/i.test(process.env['CI'] ?? '');

/**
 * `describe` when `missing` is undefined. Otherwise, on CI, one failing test that names what is
 * missing; elsewhere the block is skipped and its title says why, so the skip shows in the report.
 */
export function describeIfAvailable(missing: string | undefined, name: string, fn: () => void): void {
  if (missing === undefined) describe(name, fn);
  else if (ON_CI)
    describe(name, () => {
      it(`needs ${missing} (required on CI)`, () => {
        throw new Error(`${missing} is missing, and CI must run "${name}"`);
      });
    });
  else describe.skip(`${name} [SKIPPED: ${missing} is missing]`, fn);
}

/** `describeIfAvailable` for a test that needs LibreOffice (`soffice`). */
export function sofficeMissing(): string | undefined {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0 ? undefined : 'LibreOffice (soffice)';
}

const REPO = join(__dirname, '..', '..');

/**
 * A file of the shared LeiKa extract, never copied into the repository: `../shared/leika/<name>`
 * beside the repository (how CI clones it), else in the folder LEIKA_SHARED_DIR names, or in
 * `leika/` of the shared folder LEIKA_SHARED names (a worktree elsewhere). The first candidate
 * when none exists, so the error names the expected place.
 */
export function sharedLeikaFile(name: string): string {
  const candidates = [join(REPO, '..', 'shared', 'leika', name)];
  const dir = process.env['LEIKA_SHARED_DIR'];
  if (dir !== undefined && dir !== '') candidates.push(join(dir, name));
  const shared = process.env['LEIKA_SHARED'];
  if (shared !== undefined && shared !== '') candidates.push(join(shared, 'leika', name));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

/** The catalogue extract the tests count on (4,813 services, 436 without key, 2 malformed keys). */
export const SHARED_CATALOG = sharedLeikaFile('leika_ozg_catalog_nrw_2019.csv');
