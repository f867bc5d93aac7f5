import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args';
import { errnoCode, type FileIdentity } from './files';
import { CLI_MESSAGES } from './messages';

/** A file an output must never replace: an input, the catalogue, the other output. */
export interface ProtectedFile {
  readonly path: string;
  readonly role: 'input' | 'catalog' | 'output';
  /** Identity taken when the file was read; otherwise the path is looked up now. */
  readonly id?: FileIdentity;
}

/** The file system calls the refusal rules rest on (a test may show them a case-insensitive one). */
export interface OutputFs {
  stat(path: string): BigIntStats;
  lstat(path: string): BigIntStats;
}

const NODE_FS: OutputFs = {
  stat: (path) => statSync(path, { bigint: true }),
  lstat: (path) => lstatSync(path, { bigint: true }),
};

export interface SafeOutputOptions {
  /** The option that named the target, for messages (`--out`, `--docx`). */
  readonly option: string;
  /** The document, for messages: `Der Bericht` (default), `Der Baustein`. */
  readonly what?: string;
  readonly protect: readonly ProtectedFile[];
  /** Allows replacing an existing file that is none of the protected ones. */
  readonly force: boolean;
  readonly fs?: OutputFs;
}

/** The output's bytes, or a function that makes them (called only once the target is allowed). */
export type OutputContent = Uint8Array | (() => Promise<Uint8Array>);

function sameId(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function statOrUndefined(fs: OutputFs, path: string, how: 'stat' | 'lstat'): BigIntStats | undefined {
  try {
    return fs[how](path);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Excel (`~$name`) and LibreOffice (`.~lock.name#`) keep an owner file beside a file they have open. */
function lockedByOffice(fs: OutputFs, target: string): boolean {
  const dir = dirname(target);
  const name = basename(target);
  return [`~$${name}`, `.~lock.${name}#`].some((lock) => statOrUndefined(fs, join(dir, lock), 'lstat') !== undefined);
}

/**
 * Whether two absolute paths name one directory entry on this file system: equal, or equal
 * case-folded where the target's directory ignores case (probed with the temporary file).
 */
function sameEntry(a: string, b: string, caseInsensitive: boolean): boolean {
  if (a === b) return true;
  return caseInsensitive && a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/**
 * The refusals of SPEC §6 for an output file, checked before anything is written: never a
 * protected file (same device and inode however named, or the same name folded on a
 * case-insensitive file system), never an existing file unless `force`, never anything but a
 * regular file, never a file another program has open. Throws UsageError.
 */
export function checkOutputTarget(target: string, opts: SafeOutputOptions, caseInsensitive = false): void {
  const fs = opts.fs ?? NODE_FS;
  const abs = resolve(target);
  let existing: BigIntStats | undefined;
  let entry: BigIntStats | undefined;
  try {
    existing = statOrUndefined(fs, abs, 'stat');
    entry = existing ?? statOrUndefined(fs, abs, 'lstat');
  } catch (error) {
    throw new UsageError(CLI_MESSAGES.outUncheckable(opts.option, target, errnoCode(error)));
  }
  for (const p of opts.protect) {
    let id = p.id;
    if (id === undefined) {
      try {
        const s = statOrUndefined(fs, resolve(p.path), 'stat');
        id = s && { dev: s.dev, ino: s.ino };
      } catch (error) {
        throw new UsageError(CLI_MESSAGES.outUncheckable(opts.option, target, errnoCode(error)));
      }
    }
    const same = (existing !== undefined && id !== undefined && sameId(id, existing)) || sameEntry(abs, resolve(p.path), caseInsensitive);
    if (!same) continue;
    if (p.role === 'input') throw new UsageError(CLI_MESSAGES.outIsInput(opts.option, target));
    if (p.role === 'catalog') throw new UsageError(CLI_MESSAGES.outIsCatalog(opts.option, target));
    throw new UsageError(CLI_MESSAGES.outIsOtherOutput(opts.option, target));
  }
  if (entry === undefined) return;
  if (existing !== undefined && !existing.isFile()) throw new UsageError(CLI_MESSAGES.outNotRegular(opts.option, target));
  if (!opts.force) throw new UsageError(CLI_MESSAGES.outExists(opts.option, target));
  if (lockedByOffice(fs, abs)) throw new UsageError(CLI_MESSAGES.outLocked(target));
}

function writeTemp(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Writes an output file (CLI `--out`, `--docx`) so that no file is ever lost: the target is
 * checked (checkOutputTarget), the content written to a temporary file beside it, the checks
 * repeated with the now known case sensitivity of the directory, and the temporary file
 * renamed over the target. Resolves to the absolute path written; throws UsageError.
 */
export async function writeOutputSafely(target: string, content: OutputContent, opts: SafeOutputOptions): Promise<string> {
  const fs = opts.fs ?? NODE_FS;
  const abs = resolve(target);
  checkOutputTarget(target, opts);
  const bytes = typeof content === 'function' ? await content() : content;
  // a missing folder of the target is made (`--docx out/Baustein.docx` in a fresh checkout)
  try {
    mkdirSync(dirname(abs), { recursive: true });
  } catch (error) {
    throw new UsageError(CLI_MESSAGES.outFailed(target, errnoCode(error), opts.what));
  }
  const temp = join(dirname(abs), `.${basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeTemp(temp, bytes);
  } catch (error) {
    removeQuietly(temp);
    throw new UsageError(CLI_MESSAGES.outFailed(target, errnoCode(error), opts.what));
  }
  try {
    const upper = statOrUndefined(fs, join(dirname(temp), basename(temp).toUpperCase()), 'lstat');
    const lower = fs.lstat(temp);
    checkOutputTarget(target, opts, upper !== undefined && upper.ino === lower.ino && upper.dev === lower.dev);
    renameSync(temp, abs);
  } catch (error) {
    removeQuietly(temp);
    if (error instanceof UsageError) throw error;
    const code = errnoCode(error);
    if (code === 'EBUSY' || (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES'))) throw new UsageError(CLI_MESSAGES.outLocked(target));
    throw new UsageError(CLI_MESSAGES.outFailed(target, code, opts.what));
  }
  return abs;
}
