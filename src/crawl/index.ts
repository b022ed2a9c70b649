export type { PageRequest, FetchedPage, Fetcher } from './types.js';
export type { CdpDomain, LivePage, LiveVisit, NetworkEntry, PageScript } from './live-page.js';
export { StaticFetcher, type StaticFetcherOptions } from './static-fetcher.js';
export {
  BrowserFetcher,
  assertChromium,
  evaluateExpression,
  treeMemoryMb,
  processTree,
  type BrowserFetcherOptions,
  type BrowserFetcherStats,
} from './browser/index.js';
export {
  isPrivateAddress,
  assertPublicHost,
  assertPublicLiteral,
  createLookup,
  privateAddressError,
} from './address-guard.js';
export { normalizeUrl } from './normalize-url.js';
export { nonHtmlExtension } from './non-html-extensions.js';
export { Scope, type ScopeOptions, type ScopeVerdict } from './scope.js';
export { RobotsCache, type RobotsCacheOptions, type RobotsVerdict, type RobotsInfo } from './robots-cache.js';
export { readSitemap, parseSitemap, type ReadSitemapOptions } from './sitemap.js';
export { HostPoliteness, type HostPolitenessOptions } from './host-politeness.js';
export { retryDelayMs, parseRetryAfterMs, MAX_RETRY_DELAY_MS } from './retry-delay.js';
