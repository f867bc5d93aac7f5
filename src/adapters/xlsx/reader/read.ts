import type { SheetGrid, WorkbookGrid } from '../../../core/grid';
import { WorkbookError } from '../../../port/workbook-port';
import { READ_ERRORS, ReadBudget, corrupt } from './errors';
import { type Package, hasPart, relationships } from './parts';
import { readSharedStrings } from './shared-strings-part';
import { readSheetPart } from './sheet-part';
import { readDateStyles } from './styles-part';
import { readWorkbookPart } from './workbook-part';
import { inflateAhead } from './inflate-ahead';
import { readZipIndex } from './zip';

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Relationship types of sheets that hold no cells the product reads (SPEC §2: „Diagrammblatt“). */
const CHART_SHEETS = new Set(['chartsheet', 'dialogsheet']);

/**
 * Reads a workbook file's bytes into plain grids, as Excel finds the parts: through the
 * package's relationships, part names compared case-insensitively. Throws WorkbookError
 * (one German line) for unusable input and for input beyond the limits of SPEC §2.
 */
export function readXlsx(bytes: Uint8Array): WorkbookGrid {
  checkContainer(bytes);
  return readChecked({ bytes, zip: readZipIndex(bytes), budget: new ReadBudget() });
}

/**
 * `readXlsx` with the XML parts inflated ahead by the platform's native inflater where there is
 * one (the browser's DecompressionStream; inflate-ahead.ts): the same grid, the same refusals,
 * several times faster in file mode.
 */
export async function readXlsxAsync(bytes: Uint8Array): Promise<WorkbookGrid> {
  checkContainer(bytes);
  const zip = readZipIndex(bytes);
  return readChecked({ bytes, zip, budget: new ReadBudget(), inflated: await inflateAhead(bytes, zip) });
}

function readChecked(pkg: Package): WorkbookGrid {
  try {
    return readPackage(pkg);
  } catch (cause) {
    if (cause instanceof WorkbookError) throw cause;
    throw corrupt(READ_ERRORS.corruptXml, cause);
  }
}

function readPackage(pkg: Package): WorkbookGrid {
  const workbookPath = relationships(pkg, '').find((r) => r.type === 'officedocument')?.target ?? 'xl/workbook.xml';
  if (/\.bin$/i.test(workbookPath) || hasPart(pkg, 'xl/workbook.bin')) throw new WorkbookError(READ_ERRORS.xlsb, 'not-a-workbook');
  const book = readWorkbookPart(pkg, workbookPath);
  if (!book) throw new WorkbookError(READ_ERRORS.notAWorkbook, 'not-a-workbook');
  const rels = relationships(pkg, workbookPath);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const sharedPath = rels.find((r) => r.type === 'sharedstrings')?.target ?? fallback(pkg, `${dir}sharedStrings.xml`);
  const stylesPath = rels.find((r) => r.type === 'styles')?.target ?? fallback(pkg, `${dir}styles.xml`);
  const strings = readSharedStrings(pkg, sharedPath);
  const dateStyles = readDateStyles(pkg, stylesPath);
  const sheets: SheetGrid[] = book.sheets.map((s) => {
    const rel = byId.get(s.rid);
    if (rel && CHART_SHEETS.has(rel.type)) return { name: s.name, visibility: s.visibility, kind: 'chart', rows: [], merges: [] };
    const cells = rel ? readSheetPart(pkg, rel.target, { name: s.name, strings, dateStyles, date1904: book.date1904 }) : { rows: [], merges: [] };
    return { name: s.name, visibility: s.visibility, rows: cells.rows, merges: cells.merges };
  });
  return { sheets, definedNames: book.definedNames };
}

function fallback(pkg: Package, path: string): string | undefined {
  return hasPart(pkg, path) ? path : undefined;
}

function checkContainer(bytes: Uint8Array): void {
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b)) {
    if (containsUtf16(bytes, 'EncryptedPackage')) throw new WorkbookError(READ_ERRORS.encrypted, 'encrypted');
    throw new WorkbookError(READ_ERRORS.legacyXls, 'legacy-xls');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new WorkbookError(READ_ERRORS.notAWorkbook, 'not-a-workbook');
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = Array.from(word).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}
