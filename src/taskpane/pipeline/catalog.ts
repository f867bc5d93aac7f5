import { readCatalogFile } from '../../adapters/catalog-file';
import { type CatalogImport, CatalogFormatError } from '../../core/catalog';
import { WorkbookError } from '../../port/workbook-port';
import { FileModeError } from './shared';

/**
 * „LeiKa-Katalog laden“: an official LeiKa export (.csv or .xlsx) → catalogue. Loaded lazily as
 * its own chunk (csv-parse, the xlsx reader). Every failure is one German line.
 */
export async function readCatalog(file: File): Promise<CatalogImport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new FileModeError(`Die Datei „${file.name}“ ist leer; bitte den LeiKa-Katalog als CSV oder XLSX exportieren.`);
  try {
    return readCatalogFile(bytes, file.name);
  } catch (error) {
    if (error instanceof CatalogFormatError) throw error;
    if (error instanceof WorkbookError) throw new FileModeError(`Der LeiKa-Katalog „${file.name}“ kann nicht gelesen werden: ${error.message}`, { cause: error });
    const kind = error instanceof Error ? error.name : typeof error;
    throw new FileModeError(`Der LeiKa-Katalog „${file.name}“ kann nicht gelesen werden (interner Fehler: ${kind}).`, { cause: error });
  }
}
