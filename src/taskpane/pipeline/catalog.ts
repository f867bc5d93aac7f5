import { readCatalogFile } from '../../adapters/catalog-file';
import { type CatalogImport, CatalogFormatError } from '../../core/catalog';
import { WorkbookError } from '../../port/workbook-port';

/**
 * „LeiKa-Katalog laden“: an official LeiKa export (.csv or .xlsx) → catalogue. Loaded lazily as
 * its own chunk (csv-parse, the xlsx reader). Every failure is one German line.
 */
export async function readCatalog(file: File): Promise<CatalogImport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new Error(`Die Datei „${file.name}“ ist leer; bitte den LeiKa-Katalog als CSV oder XLSX exportieren.`);
  try {
    return readCatalogFile(bytes, file.name);
  } catch (error) {
    if (error instanceof CatalogFormatError) throw error;
    if (error instanceof WorkbookError) throw new Error(`Der LeiKa-Katalog „${file.name}“ kann nicht gelesen werden: ${error.message}`, { cause: error });
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Der LeiKa-Katalog „${file.name}“ kann nicht gelesen werden (${detail}).`, { cause: error });
  }
}
