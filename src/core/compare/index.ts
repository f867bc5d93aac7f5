export * from './types';
export { compareYears, transitionClusters, type CompareOptions } from './compare-years';
export { countRecords } from '../tally';
export { ComparisonInputError } from '../errors';
export { COUNTED_CLUSTERS } from '../clusters';
export { serviceIdentity } from './identity';
export { commonNamePrefix } from './prefix';
export { buildComparisonSheet, type ComparisonSheetOptions } from './sheet';
