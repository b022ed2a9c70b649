/**
 * The shapes of product facts: raw values as a page states them, each with where it came from and how
 * much that kind of statement is worth. Normalization (`src/normalize`, `normalizeProduct`) turns them into
 * clean attributes and settles conflicts; extraction only gathers. Plain data, so it serializes to jsonb.
 */

/** Where a value was read: a markup syntax, OpenGraph or other metas, or the visible page. */
export type ProductSource = 'json-ld' | 'microdata' | 'rdfa' | 'opengraph' | 'meta' | 'visible';

export const PRODUCT_FIELDS = [
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
  'image',
  'url',
] as const;

/** A product attribute extraction gathers values for. `image` may have several right values. */
export type ProductField = (typeof PRODUCT_FIELDS)[number];

export interface ProductCandidate {
  /** The value as the page states it (a price string such as `'1.299,00 €'`, an availability URL…). */
  value: string;
  source: ProductSource;
  /** How far this kind of statement is to be trusted, 0..1 (markup above metas above visible heuristics). */
  confidence: number;
  /**
   * What exactly said it, for audits: the property (`offers.price`, `gtin13`), the meta (`og:price:amount`)
   * or the visible rule (`label "Art.-Nr."`, `buy button`).
   */
  via: string;
}

export interface BreadcrumbTrail {
  /** Crumb names, top level first, as written (Home and the product itself not yet dropped). */
  items: string[];
  source: ProductSource;
  confidence: number;
}

/** Everything a page says about the product it presents, not yet normalized. */
export interface ProductFacts {
  /** The markup syntaxes that declared a product entity (empty: the values come from metas or the page). */
  markup: ProductSource[];
  /** Values per field, best first (by confidence, then document order). */
  candidates: Partial<Record<ProductField, ProductCandidate[]>>;
  /** Breadcrumb trails (BreadcrumbList in any syntax, a visible breadcrumb), best first. */
  breadcrumbs: BreadcrumbTrail[];
}

/**
 * How much each source is trusted for the values it declares. Markup is written for machines and states
 * the product's own values; OpenGraph and loose metas are coarser (a site-wide template, the first of
 * many prices); visible heuristics read text meant for people, and their rules give their own figure.
 */
export const SOURCE_CONFIDENCE: Readonly<Record<Exclude<ProductSource, 'visible'>, number>> = {
  'json-ld': 0.95,
  microdata: 0.9,
  rdfa: 0.85,
  opengraph: 0.8,
  meta: 0.7,
};
