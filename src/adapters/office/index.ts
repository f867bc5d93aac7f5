export { OfficeWorkbookAdapter } from './office-adapter';
export { type ExcelRun, officeExcelRun, CHUNK_BYTES, isPayloadTooLarge } from './payload';
export { TEMPLATE_STATUS_VALUES, templateHeader } from './actions';
export { type OfficeFeatures, type SupportsApi, officeFeatures, officeSupportsApi, NO_FEATURES } from './requirements';
export { PIVOT_NAME, PIVOT_FIELDS, PIVOT_DATA_NAME } from './pivot';
export type { OfficeWriteReport } from './write';
export { type SelfTestReport, type SelfTestStep } from './selftest';
export { type HostInfo } from './requirements';
