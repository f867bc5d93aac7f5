/**
 * Which optional Office.js features the host offers. The manifest requires ExcelApi 1.13;
 * everything the adapter uses beyond what every supported host has is asked for here first,
 * through one function the tests replace with a stub.
 */
export type SupportsApi = (set: 'ExcelApi', version: string) => boolean;

interface OfficeRequirements {
  context?: {
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    diagnostics?: { host?: unknown; platform?: unknown; version?: unknown };
  };
}

/** Host, platform and Office version as Office.context.diagnostics reports them (Common API, Office 2016+). */
export interface HostInfo {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
}

/** `Office.context.diagnostics`; „unbekannt“ for what the host does not tell. */
export function officeHostInfo(): HostInfo {
  const office = (globalThis as { Office?: OfficeRequirements }).Office;
  let d: { host?: unknown; platform?: unknown; version?: unknown } | undefined;
  try {
    d = office?.context?.diagnostics;
  } catch {
    d = undefined;
  }
  const text = (v: unknown): string => (typeof v === 'string' && v !== '' ? v : 'unbekannt');
  return { host: text(d?.host), platform: text(d?.platform), version: text(d?.version) };
}

/** ExcelApi versions the Selbsttest asks about (1.1 up to the newest the add-in knows). */
export const EXCEL_API_VERSIONS: readonly string[] = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

/** `Office.context.requirements.isSetSupported`; false where office.js has not loaded (no host). */
export const officeSupportsApi: SupportsApi = (set, version) => {
  const office = (globalThis as { Office?: OfficeRequirements }).Office;
  try {
    return office?.context?.requirements?.isSetSupported(set, version) === true;
  } catch {
    // An Office build that cannot answer offers nothing optional.
    return false;
  }
};

/** Optional features the adapter uses only where the host reports their requirement set. */
export interface OfficeFeatures {
  /**
   * A native PivotTable on the Gesamtliste table (PivotTableCollection.add, the hierarchies,
   * PivotTable.delete: ExcelApi 1.8). Part of the manifest's minimum, but optional in the product,
   * so a host that reports it missing loses only the PivotTable, never the evaluation.
   */
  readonly pivotTable: boolean;
  /** A data table under the Vergleich chart, so a pasted chart carries its numbers (Chart.getDataTable: ExcelApi 1.14). */
  readonly chartDataTable: boolean;
}

/** No optional feature: what a host that cannot answer gets. */
export const NO_FEATURES: OfficeFeatures = { pivotTable: false, chartDataTable: false };

export function officeFeatures(supports: SupportsApi): OfficeFeatures {
  return { pivotTable: supports('ExcelApi', '1.8'), chartDataTable: supports('ExcelApi', '1.14') };
}
