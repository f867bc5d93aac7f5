export * from './types';
export { compareYears, countRecords, type CompareOptions } from './compare-years';
export { ComparisonInputError } from '../errors';
export { COUNTED_CLUSTERS } from './counted-clusters';
export { serviceIdentity, byIdentity } from './identity';
export { commonNamePrefix } from './prefix';
export { buildComparisonSheet, type ComparisonSheetOptions } from './sheet';
export { formatInt, formatSigned } from './format';
