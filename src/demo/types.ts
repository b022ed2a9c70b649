/** The public shapes of the demo site: its options and the ground truth it hands to tests and benchmarks. */

export interface DemoSiteOptions {
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** Port to listen on; 0 asks the system for a free one. @default 0 */
  port?: number;
  /** Product pages, variants included. @default 800 */
  products?: number;
  /** Blog articles. @default 150 */
  articles?: number;
  /** How long `/bad/slow` waits before answering. @default 3000 */
  slowPageDelayMs?: number;
  /** Seed of every generated value: one seed, one site, byte for byte. @default 42 */
  seed?: number;
}

export interface DemoSite {
  /** Origin of the running site, without a trailing slash. @example 'http://127.0.0.1:41234' */
  url: string;
  truth: DemoTruth;
  /** Stops listening and drops open connections (a pending `/bad/slow` included). Idempotent. */
  close(): Promise<void>;
}

export type DemoAvailability = 'InStock' | 'OutOfStock' | 'PreOrder';
export type DemoMarkup = 'json-ld' | 'microdata' | 'none';
/** A deliberate flaw in a product page's JSON-LD, for testing tolerant parsers. */
export type DemoJsonLdQuirk = 'invalid-extra-block' | 'comment' | 'control-characters';

export interface DemoProductTruth {
  path: string;
  id: string;
  sku: string;
  name: string;
  brand: string;
  /** Breadcrumb path, top level first. @example ['Electronics', 'Audio', 'Headphones'] */
  category: string[];
  /** Decimal with a dot, two places. @example '129.99' */
  price: string;
  /** ISO 4217. */
  currency: string;
  availability: DemoAvailability;
  /** 13 digits with a valid check digit. */
  gtin13: string;
  description: string;
  /** Absolute URL on the running site. */
  imageUrl: string;
  /** Which structured markup the page carries. */
  markup: DemoMarkup;
  /** Whether the page states the value at all (in markup or visible text). */
  shown: { brand: boolean; gtin: boolean; category: boolean };
  /** Id of the parent product, for colour and size variants. */
  variantOf?: string;
  /**
   * The page's JSON-LD flaw, if any: `invalid-extra-block` adds a second block with a syntax error (the
   * product block stays valid); `comment` and `control-characters` flaw the product block itself, so only a
   * tolerant parser reads the product.
   */
  jsonLdQuirk?: DemoJsonLdQuirk;
}

export interface DemoArticleTruth {
  path: string;
  title: string;
  author: string;
  /** ISO date. @example '2023-04-17' */
  publishedAt: string;
}

export type DemoBadPageKind =
  'not-found' | 'server-error' | 'slow' | 'redirect-loop' | 'huge' | 'binary' | 'redirect';

export interface DemoBadPage {
  path: string;
  kind: DemoBadPageKind;
  /**
   * The status a client that follows redirects ends with; null when it can never end with one (the
   * redirect loop). The first response of `redirect` is a 301 and of `redirect-loop` a 302.
   */
  expectedStatus: number | null;
  /** Where the first response points, for the redirect kinds. */
  redirectsTo?: string;
}

export interface DemoTruth {
  /** Every product, variants included, with its true attributes whether or not the page shows them. */
  products: DemoProductTruth[];
  articles: DemoArticleTruth[];
  /**
   * Every HTML page reachable by `<a href>` links from '/', answering 200 and allowed by robots.txt,
   * sorted. Excludes the `badPages` (some answer 200 but are not pages a crawler should keep), files and
   * images.
   */
  reachablePaths: string[];
  badPages: DemoBadPage[];
  /** Linked from the site but disallowed by robots.txt (they answer 200 when fetched anyway). */
  disallowedPaths: string[];
}
