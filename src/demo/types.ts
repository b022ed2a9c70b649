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
  /** The lab pages built to show the mining profiles' attributes, with what each profile should find. */
  lab: DemoLabTruth;
}

export type DemoImpact = 'critical' | 'serious' | 'moderate' | 'minor';

/**
 * What the profiles should find on the lab pages (`/lab/*`, linked from `/status`). Each page shows one
 * profile's attributes on purpose: known accessibility violations, known `data-*-id` links, design
 * tokens, a checkout flow, components and UX patterns, SEO signals, performance costs.
 */
export interface DemoLabTruth {
  /** Every lab page, the `/lab` index included, sorted. */
  paths: string[];
  accessibility: {
    path: string;
    /** axe rules the page violates on purpose, with the impact axe gives them. */
    violations: { rule: string; impact: DemoImpact }[];
    /** Names of the form controls left without a label. */
    unlabelledControls: string[];
    /** Elements with a tabindex above 0. */
    positiveTabindex: number;
  };
  schemaLinks: {
    path: string;
    /** Links the schema linker must find (among others). */
    links: {
      attribute: string;
      table: string;
      relationship: 'maps-to' | 'contained-in' | 'linked-to';
      confidence: number;
    }[];
    tables: string[];
  };
  designSystem: {
    path: string;
    /** The root's custom properties, as declared. */
    customProperties: Record<string, string>;
    /** Width breakpoints of the page's media queries, px, ascending. */
    breakpointsPx: number[];
    /** A colour the page uses, as lower-case hex, with the custom property that names it. */
    brand: { hex: string; property: string };
  };
  checkout: {
    path: string;
    /** The step list, in order; the page is at `currentStep` (1-based). */
    steps: string[];
    currentStep: number;
    /** The form's steps (fieldset legends). */
    formSteps: string[];
    /** Names of the fields of the current (visible) step, in order. */
    currentFields: string[];
    submit: string;
    requiredFields: number;
  };
  components: {
    /** The components page and its pagination. */
    paths: string[];
    /** The repeated card: its class, how many per page, the props that vary between cards. */
    card: { className: string; instances: number; props: string[]; breakpoint: string };
    breadcrumbs: string[];
    modal: { label: string; trigger: string };
    tabs: number;
    accordions: number;
    callToAction: string;
  };
  seo: {
    path: string;
    hreflang: { lang: string; url: string }[];
    skippedLevels: string[];
    schemaTypes: string[];
    /** Images without alt on the page, the site header's cart icon included. */
    missingAlt: number;
    /** Tap targets under 24 px the page has at least. */
    smallTapTargets: number;
  };
  performance: {
    path: string;
    /** Paths of the resources that block the first render. */
    renderBlocking: string[];
    /** The page busies its main thread at least this long in one task. */
    longTaskMs: number;
    /** Elements the page has at least. */
    domElements: number;
  };
}
