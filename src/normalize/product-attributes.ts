import type { ProductSource } from '../extract/index.js';
import type { Availability } from './availability.js';

/**
 * Where a normalized value came from: the page source of the candidate that won, `caller` for what the
 * caller passed (the page URL, a currency hint), `inferred` for a value reasoned from others (in stock
 * because offered at a price, the currency of the shop's country, the brand a title starts with).
 */
export type AttributeSource = ProductSource | 'caller' | 'inferred';

export interface ProductAttribute<T> {
  value: T;
  /** 0..1: the winning candidate's confidence, raised when other sources agree, lowered on conflict. */
  confidence: number;
  source: AttributeSource;
}

export interface ProductIssue {
  attribute: ProductAttributeName;
  /** What was doubtful or rejected, with the value: `bad check digit: "…" ends in 2, …`. */
  reason: string;
}

/**
 * A product's clean attributes (each only when the page gave a usable value) and the issues met on the
 * way: rejected values (bad GTIN check digit, unreadable or absurd price, unknown availability) and
 * conflicts between sources (prices that differ across syntaxes).
 */
export interface ProductAttributes {
  name?: ProductAttribute<string>;
  description?: ProductAttribute<string>;
  /** Exact decimal string, `.` as the point, no trailing fractional zeros (`'1049.95'`, `'12'`). */
  price?: ProductAttribute<string>;
  /** ISO 4217. */
  currency?: ProductAttribute<string>;
  availability?: ProductAttribute<Availability>;
  sku?: ProductAttribute<string>;
  mpn?: ProductAttribute<string>;
  /** Digits only, check digit verified (8, 12, 13 or 14 digits). */
  gtin?: ProductAttribute<string>;
  brand?: ProductAttribute<string>;
  /** Category path, top level first, Home and the product itself left out. */
  category?: ProductAttribute<string[]>;
  /** Absolute http(s) URLs, best first. */
  images?: ProductAttribute<string[]>;
  /** The product's URL (its markup's own, when on the page's site), absolute. */
  url?: ProductAttribute<string>;
  issues: ProductIssue[];
}

export type ProductAttributeName = Exclude<keyof ProductAttributes, 'issues'>;

export const PRODUCT_ATTRIBUTE_NAMES: readonly ProductAttributeName[] = [
  'name',
  'description',
  'price',
  'currency',
  'availability',
  'sku',
  'mpn',
  'gtin',
  'brand',
  'category',
  'images',
  'url',
];
