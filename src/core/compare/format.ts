export { formatInt, formatSigned, joinGerman } from '../format';
