import { InvalidInputError } from '../core/index.js';

/** Parses the page's own URL, the base every relative URL on the page resolves against. */
export function parsePageUrl(url: string): URL {
  try {
    return new URL(url);
  } catch (error) {
    throw new InvalidInputError(
      'url',
      `Page URL "${url}" is not an absolute URL; pass the URL the page was fetched from, such as "https://example.com/page".`,
      { cause: error },
    );
  }
}

/** Resolves `raw` against `base` as a browser would; `null` when it cannot be resolved. */
export function resolveUrl(raw: string, base: URL): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/**
 * Resolves a link or resource reference to an absolute http(s) URL without its fragment, or `null`.
 * Only http(s) survives: javascript:, mailto:, tel:, data:, blob: and the rest name nothing a crawler can
 * fetch or a record can point to (and a data: URI can be megabytes of base64).
 */
export function resolveWebUrl(raw: string, base: URL): URL | null {
  const url = resolveUrl(raw, base);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.hash !== '') url.hash = ''; // the setter re-serializes the URL: only when there is one
  return url;
}

/** The host a link is compared on: `www.example.com` and `example.com` are one site. */
export function siteHost(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice(4) : hostname;
}
