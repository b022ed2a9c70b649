import type { LeafSpec } from './category-tree.js';
import type { PriceStyle } from './money.js';
import type { DemoAvailability, DemoJsonLdQuirk, DemoMarkup } from './types.js';

/** The records `buildDemoCatalog` returns: everything the site renders, with no host or port in it. */

export interface DemoCategory {
  id: string;
  /** Unique across the tree. */
  slug: string;
  name: string;
  /** First page; further pages are `${path}/page/N`. */
  path: string;
  /** Names from the top level down to this one. */
  trail: string[];
  level: 1 | 2 | 3;
  parentId: string | null;
  childIds: string[];
  /** Only leaves hold products. */
  leaf: LeafSpec | null;
  /** Parent products listed here (a leaf's own; for upper levels, those of every leaf below). */
  productIds: string[];
  /** Listing pages: leaves paginate, upper levels show one page. */
  pageCount: number;
}

export interface DemoBrand {
  name: string;
  slug: string;
  path: string;
  /** Parent products of this brand whose pages state the brand. */
  productIds: string[];
}

export interface DemoReview {
  userId: string;
  author: string;
  rating: number;
  date: string;
  text: string;
}

export interface DemoProduct {
  id: string;
  slug: string;
  path: string;
  sku: string;
  name: string;
  brand: string;
  brandSlug: string;
  categoryId: string;
  category: string[];
  /** The product type as it reads in the name, e.g. 'Wireless Headphones'. */
  type: string;
  price: string;
  currency: string;
  priceStyle: PriceStyle;
  availability: DemoAvailability;
  gtin13: string;
  description: string;
  /** Path of the product photo (a small generated JPEG). */
  imagePath: string;
  imageAlt: 'text' | 'empty' | 'missing';
  markup: DemoMarkup;
  shown: { brand: boolean; gtin: boolean; category: boolean };
  variantOf: string | null;
  /** What tells this variant apart, e.g. 'Black' or 'EU 42'; null for parents. */
  variantLabel: string | null;
  variantIds: string[];
  jsonLdQuirk: DemoJsonLdQuirk | null;
  /** Breadcrumbs also as structured data (BreadcrumbList JSON-LD or microdata). */
  structuredBreadcrumb: boolean;
  /** JSON-LD `price` as a number instead of a string: both occur in the wild. */
  priceAsNumber: boolean;
  /** The page links the photo itself (a non-HTML link a crawler meets). */
  linksFullImage: boolean;
  reviews: DemoReview[];
  relatedIds: string[];
}

export interface DemoArticleSection {
  heading: string;
  paragraphs: string[];
  /** An h3 with its own paragraph, inside the section. */
  subsection: { heading: string; paragraph: string } | null;
  list: string[] | null;
}

export interface DemoArticle {
  id: string;
  slug: string;
  path: string;
  title: string;
  author: string;
  publishedAt: string;
  summary: string;
  intro: string[];
  sections: DemoArticleSection[];
  categoryId: string;
  relatedProductIds: string[];
  /** Whether the page carries BlogPosting JSON-LD. */
  jsonLd: boolean;
}

export interface DemoCatalog {
  seed: number;
  /** Parents first in generation order, each followed by its variants. */
  products: DemoProduct[];
  productsById: ReadonlyMap<string, DemoProduct>;
  /** Newest first. */
  articles: DemoArticle[];
  /** Top levels, then their children, depth first. */
  categories: DemoCategory[];
  categoriesById: ReadonlyMap<string, DemoCategory>;
  brands: DemoBrand[];
  featuredProductIds: string[];
  productsPerPage: number;
  articlesPerPage: number;
  blogPageCount: number;
}
