import { normalizeProduct, PRODUCT_ATTRIBUTE_NAMES, type ProductAttributes } from '../normalize/index.js';
import type { ProductFacts } from '../extract/index.js';
import type { AttributeSpec, Attributes, PageSnapshot, Profile } from '../profiles/index.js';
import type { RecordAttributes } from './record-attributes.js';
import { scoreRecord } from './record-score.js';
import { DEFAULT_TOPIC_RULES } from './topic-rules.js';

/** The stored attributes of the `product` profile: the normalized product and what was doubtful. */
export interface ProductProfileAttributes {
  /** Whether the page presents one product (a product page), not a listing or an article. */
  isProductPage: boolean;
  product: RecordAttributes;
  issues: ProductAttributes['issues'];
  /** The markup syntaxes that declared the product (empty: read from metas and the visible page). */
  markup: string[];
}

const ATTRIBUTES: AttributeSpec[] = [
  { name: 'name', type: 'string', description: 'Product name, cleaned (whitespace, entities, length)' },
  { name: 'description', type: 'string', description: 'Product description, cleaned' },
  { name: 'price', type: 'string', description: 'Price as an exact decimal string ("1049.95")' },
  { name: 'currency', type: 'string', description: 'ISO 4217 code of the price' },
  {
    name: 'availability',
    type: 'string',
    description: 'schema.org availability (InStock, OutOfStock, PreOrder, …)',
  },
  { name: 'sku', type: 'string', description: "The shop's stock-keeping unit, cleaned" },
  { name: 'mpn', type: 'string', description: "The manufacturer's part number, cleaned" },
  { name: 'gtin', type: 'string', description: 'GTIN-8/12/13/14, check digit verified' },
  {
    name: 'brand',
    type: 'string',
    description: 'Brand, from brand markup, manufacturer, site name or title',
  },
  { name: 'category', type: 'string[]', description: 'Category path from breadcrumbs, top level first' },
  { name: 'images', type: 'string[]', description: 'Absolute image URLs, best first' },
  { name: 'url', type: 'string', description: "The product's canonical URL" },
  {
    name: 'issues',
    type: 'object[]',
    description: 'Rejected or doubtful values with the reason (bad GTIN, conflicting prices…)',
  },
];

/**
 * A product page presents one product: it names it and prices or identifies it. With product markup
 * that is enough. Without, a listing also names things and shows prices, so the page must identify the
 * product (SKU, GTIN, MPN) or show its price by a buy button; a price alone (a listing's first card) or a
 * stock state inferred from it is not enough. Listings, articles and category pages make no record.
 */
function presentsOneProduct(attributes: ProductAttributes, facts: ProductFacts): boolean {
  if (!attributes.name) return false;
  const priced = attributes.price !== undefined;
  const identified =
    attributes.sku !== undefined || attributes.gtin !== undefined || attributes.mpn !== undefined;
  if (facts.markup.length > 0) return priced || identified;
  const buyButtonPrice = (facts.candidates.price ?? []).some((c) => /buy button/i.test(c.via));
  return priced && (identified || buyButtonPrice);
}

/** Normalized product attributes of a page, as record attributes (value, confidence, source). */
export function productAttributesOf(page: Pick<PageSnapshot, 'url' | 'facts'>): ProductProfileAttributes {
  const facts = page.facts.product;
  if (!facts) return { isProductPage: false, product: {}, issues: [], markup: [] };
  const normalized = normalizeProduct(facts, { url: page.url });
  const product: RecordAttributes = {};
  for (const name of PRODUCT_ATTRIBUTE_NAMES) {
    const attribute = normalized[name];
    if (attribute)
      product[name] = { value: attribute.value, confidence: attribute.confidence, source: attribute.source };
  }
  return {
    isProductPage: presentsOneProduct(normalized, facts),
    product,
    issues: normalized.issues,
    markup: [...facts.markup],
  };
}

/**
 * `product`: the product a page presents, normalized (price as an exact decimal and ISO currency,
 * schema.org availability, checked GTIN, cleaned SKU and MPN, brand, category path, absolute images),
 * from its markup, metas and visible text. Works on static and rendered pages alike; a product page
 * becomes a training record of the job's topic.
 */
export const productProfile: Profile<null> = {
  name: 'product',
  description:
    'The product a page presents, normalized (price, ISO currency, availability, SKU, MPN, GTIN, brand, category, images) with confidence and source; product pages become training records',
  needsBrowser: false,
  cdpDomains: [],
  attributes: ATTRIBUTES,
  qualityRule:
    'The training record score: each attribute weighs (name 16, price 18, currency 8, availability 10, brand 10, category 10, description 8, sku 6, gtin 5, mpn 3, images 6) × its confidence, scaled to 100, minus 3 points per recorded issue; 0 for a page that presents no single product.',
  gather: () => Promise.resolve(null),
  toAttributes(_raw: null, page: PageSnapshot): Attributes {
    return { ...productAttributesOf(page) };
  },
  quality(attributes: Attributes): number {
    const { isProductPage, product, issues } = attributes as unknown as ProductProfileAttributes;
    if (!isProductPage) return 0;
    return scoreRecord(product, DEFAULT_TOPIC_RULES, issues.length).quality;
  },
};
