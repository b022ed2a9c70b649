import robotsParserModule from 'robots-parser';
import { describeError } from '../core/index.js';
import type { Fetcher } from './types.js';

type RobotsParser = typeof robotsParserModule.default;
type Robot = ReturnType<RobotsParser>;
// robots-parser is CommonJS typed as an ES module: Node hands the function itself to a default import,
// while its types promise `{ default }`. Take whichever is there.
const robotsParser = ((robotsParserModule as { default?: RobotsParser }).default ??
  robotsParserModule) as unknown as RobotsParser;

export interface RobotsCacheOptions {
  /** The crawler's User-Agent; its product token (text before the first `/` or space) picks the group. */
  userAgent: string;
  allowPrivateAddresses: boolean;
}

export interface RobotsVerdict {
  allowed: boolean;
  /** The Crawl-delay for our group, when the site sets one. */
  crawlDelayMs: number | null;
}

/**
 * What became of an origin's robots.txt: `parsed` (2xx), `absent` (4xx: no rules, allow all) or
 * `unreachable` (5xx, network, too large…). Unreachable also allows all, for the rest of the run: we
 * do not go as far as Google, which stops crawling a site whose robots.txt answers 5xx; `reason` keeps
 * what happened so the job can report it.
 */
export interface RobotsInfo {
  origin: string;
  outcome: 'parsed' | 'absent' | 'unreachable';
  reason: string | null;
  sitemaps: string[];
}

interface Entry {
  info: RobotsInfo;
  robot: Robot | null;
}

export function robotsToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0] || '*';
}

/** One robots.txt fetch per origin per run; concurrent callers share it. */
export class RobotsCache {
  readonly #fetcher: Fetcher;
  readonly #token: string;
  readonly #allowPrivateAddresses: boolean;
  readonly #entries = new Map<string, Promise<Entry>>();

  constructor(fetcher: Fetcher, options: RobotsCacheOptions) {
    this.#fetcher = fetcher;
    this.#token = robotsToken(options.userAgent);
    this.#allowPrivateAddresses = options.allowPrivateAddresses;
  }

  async check(url: string): Promise<RobotsVerdict> {
    const { robot } = await this.#entry(new URL(url).origin);
    if (robot === null) return { allowed: true, crawlDelayMs: null };
    const delaySeconds = robot.getCrawlDelay(this.#token);
    return {
      // undefined means "not this origin", which #entry rules out; allow rather than guess.
      allowed: robot.isAllowed(url, this.#token) ?? true,
      crawlDelayMs: delaySeconds === undefined ? null : Math.round(delaySeconds * 1000),
    };
  }

  /** Sitemap URLs listed in the origin's robots.txt. */
  async sitemaps(origin: string): Promise<string[]> {
    return (await this.describe(origin)).sitemaps;
  }

  async describe(origin: string): Promise<RobotsInfo> {
    return (await this.#entry(new URL(origin).origin)).info;
  }

  #entry(origin: string): Promise<Entry> {
    let entry = this.#entries.get(origin);
    if (entry === undefined) {
      entry = this.#load(origin);
      this.#entries.set(origin, entry);
    }
    return entry;
  }

  async #load(origin: string): Promise<Entry> {
    const url = `${origin}/robots.txt`;
    try {
      // No caller signal: the fetch is shared, and one caller giving up must not fail the others.
      const page = await this.#fetcher.fetch(
        { url, allowPrivateAddresses: this.#allowPrivateAddresses, accept: 'any' },
        new AbortController().signal,
      );
      if (page.status >= 200 && page.status < 300) {
        const robot = robotsParser(url, page.html);
        return { robot, info: { origin, outcome: 'parsed', reason: null, sitemaps: robot.getSitemaps() } };
      }
      if (page.status >= 400 && page.status < 500) {
        return {
          robot: null,
          info: { origin, outcome: 'absent', reason: `HTTP ${page.status}`, sitemaps: [] },
        };
      }
      return {
        robot: null,
        info: { origin, outcome: 'unreachable', reason: `HTTP ${page.status}`, sitemaps: [] },
      };
    } catch (error) {
      return {
        robot: null,
        info: { origin, outcome: 'unreachable', reason: describeError(error), sitemaps: [] },
      };
    }
  }
}
