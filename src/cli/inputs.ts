import { lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { readXlsx } from '../adapters/xlsx/reader';
import { isOfficeFileName, sortFileNames, type WorkbookSource } from '../core/sources';
import { WorkbookError } from '../port/workbook-port';
import { UsageError } from './args';
import { errnoCode, readRegularFile, type FileIdentity } from './files';
import { CLI_MESSAGES } from './messages';

/** One input file: its path, the name findings give it, and what reading it gave. */
export interface InputFile {
  readonly path: string;
  /** The file name shown to the user (`Jugendamt.xlsx`; the path as given where two names repeat). */
  readonly name: string;
  /** Set once the file was opened: the same file however named. */
  readonly id?: FileIdentity;
  readonly source: WorkbookSource;
}

/** The inputs of a run: one workbook (SPEC §6) or several files (SPEC §10). */
export interface Inputs {
  readonly files: readonly InputFile[];
  /** Several files or a folder: an unreadable file is listed and skipped instead of ending the run. */
  readonly several: boolean;
}

/**
 * Reads the workbooks named on the command line. A folder stands for the .xlsx/.xlsm files
 * directly in it (no subfolders, no lock files `~$…`), sorted as a German user sorts. With
 * one input file, anything unusable ends the run (exit 2); with several, a file that cannot be
 * read becomes a skipped source (FILE_SKIPPED) and the rest is evaluated. The same file
 * named twice is read once.
 */
export function readInputs(paths: readonly string[]): Inputs {
  if (paths.length === 0) throw new UsageError(CLI_MESSAGES.noInput());
  const listed = paths.flatMap((p) => (isFolder(p) ? folderFiles(p) : [p]));
  const several = paths.length > 1 || paths.some(isFolder);
  if (!several) {
    const file = readRegularFile(listed[0]!, 'input');
    const name = basename(file.path);
    return { several, files: [{ path: file.path, name, id: file.id, source: { kind: 'workbook', file: name, workbook: readXlsx(file.bytes) } }] };
  }
  for (const p of paths) if (!exists(p)) throw new UsageError(CLI_MESSAGES.missing('input', p));
  const names = displayNames(listed);
  const files: InputFile[] = [];
  const seen = new Set<string>();
  listed.forEach((path, i) => {
    const name = names[i]!;
    try {
      const file = readRegularFile(path, 'input');
      const key = `${file.id.dev}:${file.id.ino}`;
      if (seen.has(key)) return;
      seen.add(key);
      files.push({ path, name, id: file.id, source: readSource(name, file.bytes) });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      files.push({ path, name, source: { kind: 'skipped', file: name, reason: error.message } });
    }
  });
  return { several, files };
}

function readSource(name: string, bytes: Uint8Array): WorkbookSource {
  try {
    return { kind: 'workbook', file: name, workbook: readXlsx(bytes) };
  } catch (error) {
    if (error instanceof WorkbookError) return { kind: 'skipped', file: name, reason: error.message };
    throw error;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The workbooks directly in a folder, sorted by name; a folder without any ends the run. */
function folderFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((e) => !e.isDirectory() && isOfficeFileName(e.name))
      .map((e) => e.name);
  } catch (error) {
    throw new UsageError(CLI_MESSAGES.unreadable('input', folder, errnoCode(error)));
  }
  if (names.length === 0) throw new UsageError(CLI_MESSAGES.emptyFolder(folder));
  return sortFileNames(names, (n) => n).map((n) => join(folder, n));
}

/** File names as shown: the base name, or the path as given where two files share a base name. */
function displayNames(paths: readonly string[]): string[] {
  const count = new Map<string, number>();
  for (const p of paths) count.set(basename(p), (count.get(basename(p)) ?? 0) + 1);
  return paths.map((p) => (count.get(basename(p)) === 1 ? basename(p) : p.split(sep).join('/')));
}
