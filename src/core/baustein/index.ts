export * from './types';
export { buildBaustein, comparisonText, yearChart, BAUSTEIN_TABLE_ID, type BausteinSource, type ComparisonText } from './build';
export { significantRefinements, REFINEMENT_MIN_GROWTH, MAX_REFINEMENTS } from './refinements';
export { digitalMilestones } from './milestones';
export { bausteinParagraphs, MAX_SENTENCES, type TextInput } from './sentences';
export { formatInt, formatPercent, quoted } from '../format';
export { chartSvg, CHART_SIZE, CHART_FONT } from './chart-svg';
export { bausteinHtml, bausteinText, type HtmlPicture } from './html';
