import type { CdpDomain, LivePage, PageScript } from '../crawl/index.js';
import type { PageFacts } from '../extract/index.js';

export type { CdpDomain };

export interface AttributeSpec {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'string[]' | 'object' | 'object[]';
  description: string;
}

export type Attributes = Record<string, unknown>;

/** What a profile's `gather` sees: the live tab in browser mode, or nothing but the URL when static. */
export interface GatherContext {
  /** The final URL of the page. */
  url: string;
  /** The loaded tab and its CDP session (browser mode); `null` when the page was fetched over HTTP. */
  live: LivePage | null;
}

/** What `toAttributes` sees after the load: the extraction of the (rendered) HTML and the HTML itself. */
export interface PageSnapshot {
  url: string;
  html: string;
  facts: PageFacts;
}

/**
 * A mining profile: what it reads from a page, the attributes it yields and how it scores them (0-100).
 * One page load feeds every profile a job asks for: `gather` runs on the live page (all gathers share it),
 * then `toAttributes` turns what was gathered, with the page's extraction, into the stored attributes.
 */
export interface Profile<Raw = unknown> {
  name: string;
  description: string;
  /** Whether it needs a rendered page (browser) or can work from the fetched HTML alone. */
  needsBrowser: boolean;
  cdpDomains: CdpDomain[];
  /**
   * Set when `gather` changes the page (scrolls, clicks, types, injects what others would see): it then
   * runs after the others, alone. Gathers that only read the page run at the same time on the one load.
   * @default false
   */
  exclusive?: boolean;
  /**
   * Scripts it needs in every document, in isolated worlds of their own (a library such as axe-core):
   * registered on the tab before the load, so that they are not sent with every page. `gather` reaches
   * them with `runInWorld` and must still work without them (a page loaded by another harness).
   */
  pageScripts?(): Promise<PageScript[]>;
  /** The attributes it yields, 10 to 15 of them. */
  attributes: AttributeSpec[];
  /** How the 0-100 quality score is computed, in words (shown by `gleaner profiles` and the API). */
  qualityRule: string;
  /** Read what the profile needs from the live page; `live` is null in static mode. Bounded by `live.signal`. */
  gather(context: GatherContext): Promise<Raw>;
  toAttributes(raw: Raw, page: PageSnapshot): Attributes;
  quality(attributes: Attributes): number;
}
