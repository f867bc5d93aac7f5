import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './args';
import { CLI_MESSAGES, type FileRole } from './messages';

/** Device and inode: the same file however it is named (symlink, hard link, other case). */
export interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
}

export interface ReadFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly id: FileIdentity;
}

/**
 * Largest input file read (workbook or catalogue). SPEC §2 refuses more than 512 MiB unpacked,
 * which a larger package practically always holds; reading more would break the 1 GiB budget.
 */
export const MAX_INPUT_BYTES = 512 * 1024 ** 2;

/** The errno code of a failed system call, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Reads a regular file completely. Opened without blocking and checked on the open handle, so
 * a FIFO, socket or device is refused at once (never waited on) and nothing can swap the file
 * between check and read. Every failure is a UsageError with one German line.
 */
export function readRegularFile(path: string, role: FileRole, maxBytes: number = MAX_INPUT_BYTES): ReadFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(CLI_MESSAGES.missing(role, path));
    if (code === 'EISDIR') throw new UsageError(CLI_MESSAGES.directory(role, path));
    throw new UsageError(CLI_MESSAGES.unreadable(role, path, code));
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (stat.isDirectory()) throw new UsageError(CLI_MESSAGES.directory(role, path));
    if (!stat.isFile()) throw new UsageError(CLI_MESSAGES.notRegular(role, path));
    if (stat.size > BigInt(maxBytes)) throw new UsageError(CLI_MESSAGES.tooLarge(role, path, Number(stat.size), maxBytes));
    const bytes = new Uint8Array(Number(stat.size));
    let filled = 0;
    while (filled < bytes.length) {
      const n = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return { path, bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled), id: { dev: stat.dev, ino: stat.ino } };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(CLI_MESSAGES.unreadable(role, path, errnoCode(error)));
  } finally {
    closeSync(fd);
  }
}
