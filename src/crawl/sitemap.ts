import { SkipError } from '../core/index.js';
import { normalizeUrl } from './normalize-url.js';
import type { Fetcher } from './types.js';

export interface ReadSitemapOptions {
  allowPrivateAddresses: boolean;
  /** Page URLs returned at most; reading stops there. */
  maxUrls: number;
  signal?: AbortSignal;
}

/** Sitemap files fetched for one call, index files included: a site's index can list thousands. */
const MAX_SITEMAP_FILES = 50;
/** Index → index → urlset is already unusual; deeper nesting is a loop or a trap. */
const MAX_SITEMAP_DEPTH = 3;

const LOC = /<(?:[\w-]+:)?loc\b[^>]*>\s*(?:<!\[CDATA\[)?\s*([^<\]]*?)\s*(?:\]\]>)?\s*<\/(?:[\w-]+:)?loc>/gi;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface ParsedSitemap {
  kind: 'index' | 'urlset';
  locations: string[];
}

/**
 * Loose parsing: a sitemap is flat enough that the `<loc>` elements are all we need, and a regex
 * tolerates the malformed XML real sites serve. A body without tags is a text sitemap (one URL a line).
 */
export function parseSitemap(text: string, base: string): ParsedSitemap {
  const isXml = /^\s*(?:\ufeff)?\s*</.test(text);
  const raw = isXml
    ? Array.from(text.matchAll(LOC), (match) => decodeXmlText(match[1] ?? ''))
    : text.split(/\r?\n/).map((line) => line.trim());
  const locations = raw
    .filter((loc) => loc !== '')
    .map((loc) => normalizeUrl(loc, base))
    .filter((loc): loc is string => loc !== null);
  return { kind: isXml && /<(?:[\w-]+:)?sitemapindex[\s>]/i.test(text) ? 'index' : 'urlset', locations };
}

/**
 * Read the page URLs of a sitemap, following a sitemap index into its children (bounded in files and
 * depth), gzipped or not. A failing child is skipped; the sitemap asked for failing throws SkipError.
 */
export async function readSitemap(
  fetcher: Fetcher,
  url: string,
  options: ReadSitemapOptions,
): Promise<string[]> {
  const signal = options.signal ?? new AbortController().signal;
  const pages = new Set<string>();
  const visited = new Set<string>();
  const queue: { url: string; depth: number }[] = [{ url, depth: 0 }];
  while (queue.length > 0 && pages.size < options.maxUrls && visited.size < MAX_SITEMAP_FILES) {
    const next = queue.shift()!;
    if (visited.has(next.url)) continue;
    visited.add(next.url);
    let parsed: ParsedSitemap;
    try {
      const page = await fetcher.fetch(
        { url: next.url, allowPrivateAddresses: options.allowPrivateAddresses, accept: 'any' },
        signal,
      );
      if (page.status < 200 || page.status >= 300) {
        throw new SkipError(`sitemap ${next.url} answered HTTP ${page.status}`, {
          code: 'sitemap-unavailable',
        });
      }
      parsed = parseSitemap(page.html, page.finalUrl);
    } catch (error) {
      if (next.url === url || signal.aborted) throw error;
      continue;
    }
    if (parsed.kind === 'index') {
      if (next.depth + 1 < MAX_SITEMAP_DEPTH) {
        for (const child of parsed.locations) queue.push({ url: child, depth: next.depth + 1 });
      }
      continue;
    }
    for (const location of parsed.locations) {
      if (pages.size >= options.maxUrls) break;
      pages.add(location);
    }
  }
  return [...pages];
}
