export * from './types';
export { compareYears, countRecords, type CompareOptions } from './compare-years';
export { ComparisonInputError } from '../errors';
export { COUNTED_CLUSTERS } from './counted-clusters';
export { serviceIdentity, byIdentity } from './identity';
export { commonNamePrefix } from './prefix';
export { comparisonSentences, isRefined, type SentenceOptions } from './sentences';
export { buildComparisonSheet, type ComparisonSheetOptions } from './sheet';
export { formatInt, formatSigned } from './format';
