import picomatch from 'picomatch';
import { InvalidInputError } from '../core/index.js';
import { normalizeUrl } from './normalize-url.js';

export interface ScopeOptions {
  startUrls: string[];
  /**
   * Keep to the hosts of the start URLs (`www.` ignored: `example.com` and `www.example.com` are one).
   * @default true
   */
  sameSite?: boolean;
  /**
   * When given, only URLs matching one of these are followed. A glob starting with `/` matches the
   * path and query; any other, the full URL. `*` stays within one path segment, `**` crosses them, `?`
   * is a literal question mark (the query separator), not a wildcard.
   * @example ['/products/**', 'https://shop.example/category/*']
   */
  include?: string[];
  /** URLs matching one of these are never followed; same syntax as `include`. */
  exclude?: string[];
  /** Links followed from a start URL (depth 0) before the crawl stops going deeper. */
  maxDepth: number;
}

export type ScopeVerdict =
  { ok: true } | { ok: false; reason: 'off-site' | 'excluded' | 'not-included' | 'too-deep' };

type Matcher = (url: URL) => boolean;

function siteOf(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice(4) : hostname;
}

function compileGlob(glob: string, field: 'include' | 'exclude'): Matcher {
  const pathOnly = glob.startsWith('/');
  if (!pathOnly && !glob.includes('://') && !/^[*{]/.test(glob)) {
    throw new InvalidInputError(
      field,
      `${field} glob "${glob}" would never match: start it with "/" to match the path (/products/**) ` +
        'or with the scheme to match the full URL (https://shop.example/products/**)',
    );
  }
  let isMatch: (text: string) => boolean;
  try {
    // `?` is escaped: in a URL it is the query separator far more often than a wildcard was meant.
    isMatch = picomatch(glob.replace(/(?<!\\)\?/g, '\\?'), { dot: true, strictBrackets: true });
  } catch (error) {
    throw new InvalidInputError(field, `${field} glob "${glob}" is invalid: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return pathOnly ? (url) => isMatch(url.pathname + url.search) : (url) => isMatch(url.href);
}

/**
 * Which URLs a crawl may follow: same site, include and exclude globs, depth. Start URLs are exempt
 * from `include` (the globs choose what is followed from them, and a crawl whose start page is out of
 * its own scope would end before it begins); `exclude` and depth still apply to them.
 */
export class Scope {
  readonly #sites: ReadonlySet<string>;
  readonly #startUrls: ReadonlySet<string>;
  readonly #sameSite: boolean;
  readonly #include: readonly Matcher[];
  readonly #exclude: readonly Matcher[];
  readonly #maxDepth: number;

  constructor(options: ScopeOptions) {
    const starts = options.startUrls.map((url) => {
      const normalized = normalizeUrl(url);
      if (normalized === null)
        throw new InvalidInputError('startUrls', `start URL "${url}" is not a valid http(s) URL`);
      return normalized;
    });
    this.#startUrls = new Set(starts);
    this.#sites = new Set(starts.map((url) => siteOf(new URL(url).hostname)));
    this.#sameSite = options.sameSite ?? true;
    this.#include = (options.include ?? []).map((glob) => compileGlob(glob, 'include'));
    this.#exclude = (options.exclude ?? []).map((glob) => compileGlob(glob, 'exclude'));
    this.#maxDepth = options.maxDepth;
  }

  admits(url: string, depth: number): ScopeVerdict {
    const normalized = normalizeUrl(url);
    if (normalized === null) return { ok: false, reason: 'off-site' };
    const parsed = new URL(normalized);
    if (this.#sameSite && !this.#sites.has(siteOf(parsed.hostname))) return { ok: false, reason: 'off-site' };
    if (this.#exclude.some((match) => match(parsed))) return { ok: false, reason: 'excluded' };
    const isStart = this.#startUrls.has(normalized);
    if (!isStart && this.#include.length > 0 && !this.#include.some((match) => match(parsed))) {
      return { ok: false, reason: 'not-included' };
    }
    if (depth > this.#maxDepth) return { ok: false, reason: 'too-deep' };
    return { ok: true };
  }
}
