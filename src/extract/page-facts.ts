/**
 * What extraction knows about one page: the value shapes every later stage (profiles, normalization,
 * storage) reads. Plain data only, so that it serializes to jsonb as it is.
 */
export interface PageFacts {
  /** The page URL extraction was given. */
  url: string;
  metadata: PageMetadata;
  /**
   * Every `<meta name|property|itemprop|http-equiv>` with a `content`, keyed by that attribute lower-cased,
   * values in document order. A meta carrying two of them (name and property) is listed under both.
   */
  meta: Record<string, string[]>;
  /**
   * OpenGraph in extruct's shape, so the two compare exactly: one item for the head's metas, one for the
   * body's, when either carries any; values as written (not whitespace-normalized, unlike `meta`).
   */
  openGraph: OpenGraphItem[];
  /** The parsed `<script type="application/ld+json">` blocks in document order; a top-level array is spread. */
  jsonLd: unknown[];
  /** Blocks that could not be parsed even tolerantly: reported here, skipped, never thrown. */
  jsonLdErrors: JsonLdError[];
  headings: Heading[];
  links: PageLink[];
  images: PageImage[];
  /** Custom selector results by selector name (every compiled name present, maybe with no values). */
  selected: Record<string, string[]>;
  /** Words of the visible body text (no script, style, noscript, template, hidden elements). */
  wordCount: number;
}

/** The page-level metadata, each `null` when the page does not say. Text values are whitespace-normalized. */
export interface PageMetadata {
  /** The page's title as it presents itself: `og:title`, else `twitter:title`, else `<title>`. */
  title: string | null;
  /** `og:description`, else `<meta name=description>`, else `twitter:description`. */
  description: string | null;
  /** The language tag as declared (`<html lang>`, `content-language`, `og:locale`), `_` written as `-`. */
  lang: string | null;
  /** `<link rel=canonical href>`, resolved. */
  canonicalUrl: string | null;
  robots: string | null;
  viewport: string | null;
  /** The declared character encoding, lower-cased (`<meta charset>` or the http-equiv content type). */
  charset: string | null;
  generator: string | null;
}

export interface OpenGraphItem {
  /** Prefix → namespace URI: the declared `prefix` attributes plus the well-known OpenGraph ones used. */
  namespace: Record<string, string>;
  /** `[property, content]` pairs in document order; repeated properties (several og:image) stay repeated. */
  properties: [string, string][];
}

export interface JsonLdError {
  /** Which `ld+json` script block, counted from 0 in document order. */
  index: number;
  message: string;
}

export interface Heading {
  /** 1 to 6. */
  level: number;
  text: string;
}

export interface PageLink {
  /** Absolute http(s) URL without its fragment. */
  url: string;
  /** The anchor text, else the alt text of an image inside the link. */
  text: string;
  /** `rel` tokens, lower-cased. */
  rel: string[];
  /** Same host as the page, ignoring a leading `www.`. */
  internal: boolean;
}

export type AltState = 'present' | 'empty' | 'missing';

export interface PageImage {
  /** Absolute http(s) URL (from `src`, or a lazy-loading attribute when `src` is missing or a placeholder). */
  src: string;
  alt: string | null;
  altState: AltState;
}
