export { parsePrice, type ParsedPrice, type ParsePriceOptions } from './price.js';
export { normalizeAvailability, isPurchasable, type Availability } from './availability.js';
export {
  normalizeGtin,
  isValidGtin,
  gtinCheckDigit,
  type GtinKind,
  type GtinOptions,
  type GtinResult,
} from './gtin.js';
export { cleanSku, cleanMpn } from './identifier.js';
export { normalizeBrand } from './brand.js';
export { categoryPath, type CategoryPathOptions } from './category-path.js';
export { absoluteImageUrls } from './image-urls.js';
export { cleanName, cleanDescription, cleanText } from './product-text.js';
export { normalizeCurrency, countryCurrency, currencyCodesOf, type CurrencyResult } from './currency.js';
export { normalizeProduct, type NormalizeProductOptions } from './product.js';
export {
  PRODUCT_ATTRIBUTE_NAMES,
  type AttributeSource,
  type ProductAttribute,
  type ProductAttributeName,
  type ProductAttributes,
  type ProductIssue,
} from './product-attributes.js';
