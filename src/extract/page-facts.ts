import type { ProductFacts } from './product-facts-types.js';
import type { DublinCoreItem, MicrodataItem, MicroformatItem, RdfaNode } from './structured-data-types.js';

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
  /** The main article text, boilerplate left out; `null` when the page has no text. */
  article: Article | null;
  /** Microdata items in extruct's shape (nested, not strict), URLs resolved against the page URL. */
  microdata: MicrodataItem[];
  /** RDFa as expanded JSON-LD node objects (OpenGraph metas included: they are RDFa). */
  rdfa: RdfaNode[];
  /** microformats2 items (classic microformats read as mf2) as mf2 parsers give them. */
  microformats: MicroformatItem[];
  /** Dublin Core metas and links, in extruct's shape: one item, its lists maybe empty. */
  dublinCore: DublinCoreItem[];
  /**
   * What the page says about the product it presents (markup, metas and the visible page), not yet
   * normalized: present only when `extractPage` was asked for it (`{ product: true }`).
   */
  product?: ProductFacts;
}

/** A page's main text: navigation, comments, share bars, related links and ads left out, paragraphs kept. */
export interface Article {
  /** The article's headline: the `<h1>` agreeing with the page's title, else that title without the site name. */
  title: string | null;
  /** Paragraphs and headings separated by a blank line, list items by a line break; the headline left out. */
  text: string;
  /** Text blocks (paragraphs, headings, list items) in `text`. */
  paragraphs: number;
  wordCount: number;
}

/**
 * The page-level metadata, each `null` when the page does not say (but `url`, which falls back to the page
 * URL). Text values are whitespace-normalized; URLs are absolute http(s), resolved against the page's base,
 * without fragment; dates are ISO 8601 instants in UTC. Each field takes the first source that has a valid
 * value, from what the page declares (OpenGraph, Twitter cards, JSON-LD, microdata, Dublin Core and other
 * metas) to what it shows (bylines, `<time>`, logos, `<video>`/`<audio>`); the order is documented on each
 * resolver in `metadata-*.ts`.
 */
export interface PageMetadata {
  /** The page's title as it presents itself: `og:title`, `twitter:title`, `<title>`, JSON-LD `headline`, `<h1>`. */
  title: string | null;
  /** `og:description`, else `twitter:description`, else `<meta name=description>`, else JSON-LD `description`. */
  description: string | null;
  /** The author's name (several JSON-LD authors joined with " and "); never a URL or a handle's "@". */
  author: string | null;
  /** When the content was first published (ISO instant). A date without a time of day is noon UTC. */
  date: string | null;
  /** When the content was last modified (ISO instant), when the page says. */
  dateModified: string | null;
  /** The representative image (`og:image`, Twitter card, JSON-LD, then the article's first image). */
  image: string | null;
  /** The site's square logo: `og:logo`, `itemprop=logo`, a square JSON-LD logo, else the biggest icon. */
  logo: string | null;
  /** The site or publisher name (JSON-LD publisher, `og:site_name`, application name, the `<title>`'s site part). */
  publisher: string | null;
  /** The language tag as declared (`<html lang>`, `content-language`, `og:locale`), `_` written as `-`. */
  lang: string | null;
  /** The page's address as it names itself: `og:url`, `twitter:url`, canonical, else the page URL. */
  url: string;
  /** `<link rel=canonical href>`, resolved. */
  canonicalUrl: string | null;
  /** The main audio file (og:audio, JSON-LD AudioObject, `<audio>`, a link to an audio file). */
  audio: string | null;
  /** The main video file (og:video when it is a file, JSON-LD VideoObject, `<video>`); not a player page. */
  video: string | null;
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
