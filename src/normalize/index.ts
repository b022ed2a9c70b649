export { parsePrice, type ParsedPrice, type ParsePriceOptions } from './price.js';
