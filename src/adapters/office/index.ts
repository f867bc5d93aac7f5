export { OfficeWorkbookAdapter } from './office-adapter';
export { type ExcelRun, officeExcelRun, CHUNK_BYTES, isPayloadTooLarge } from './payload';
export { planRollover, type RolloverPlan, type RolloverStep } from './rollover-plan';
export { TEMPLATE_STATUS_VALUES, templateHeader } from './actions';
