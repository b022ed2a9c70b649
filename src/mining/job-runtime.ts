import type { GleanerConfig } from '../core/index.js';
import { HostPoliteness, RobotsCache, StaticFetcher, type Fetcher, type Scope } from '../crawl/index.js';
import type { ExtractionPool, PageFacts } from '../extract/index.js';
import type { TopicRules } from '../datasets/index.js';
import { resolveProfiles, type Profile } from '../profiles/index.js';
import { scopeOf, type MiningJobSpec } from './job-spec.js';
import { needsBrowser } from './run-profiles.js';

/**
 * What a worker keeps for a job between its slices: the connection pool, robots.txt answers, per-host
 * politeness and the URLs already seen. Rebuilt from the database after a restart, so it is only a cache.
 */
export interface JobRuntime {
  spec: MiningJobSpec;
  /** HTTP: robots.txt, sitemaps, and the pages of static and auto jobs. */
  fetcher: Fetcher;
  /** The process's browser (shared by its jobs) for `browser` and `auto` jobs; null for static ones. */
  browser: Fetcher | null;
  /** The job's profiles, resolved once. */
  profiles: Profile[];
  /** The rules of the job's topic for its training records, read once per runtime. */
  topicRules: Promise<TopicRules>;
  /** Resource types the browser need not load for this job (none when a profile reads the rendered page). */
  block: readonly string[];
  /** Pages in flight at once: the crawl concurrency, or twice the browser's tabs for rendered pages. */
  concurrency: number;
  robots: RobotsCache;
  politeness: HostPoliteness;
  scope: Scope;
  /** Extract a fetched page with the job's selectors, off the main thread and bounded in time and memory. */
  extract(html: string, url: string): Promise<PageFacts>;
  /** URLs this process has already sent to the frontier: most links on a page point to known pages. */
  seen: Set<string>;
  lastUsedAt: number;
}

export type CrawlSettings = Pick<
  GleanerConfig,
  | 'userAgent'
  | 'requestTimeoutMs'
  | 'maxPageBytes'
  | 'maxRedirects'
  | 'perHostConcurrency'
  | 'perHostDelayMs'
  | 'crawlConcurrency'
>;

/** The browser a process's jobs share: started on first use by the service that owns it. */
export interface SharedBrowser {
  fetcher(): Fetcher;
  tabs: number;
}

// Images, media and fonts change nothing a page's HTML or its structured data says: without a profile
// that reads the rendered page, they are not loaded at all.
const BLOCKED_WITHOUT_PROFILES = ['Image', 'Media', 'Font'];

// Runtimes of jobs no slice touched for this long are closed (their keep-alive connections released).
const IDLE_RUNTIME_MS = 60_000;

export class JobRuntimes {
  readonly #settings: CrawlSettings;
  readonly #pool: ExtractionPool;
  readonly #runtimes = new Map<number, JobRuntime>();

  readonly #browser: SharedBrowser | null;
  readonly #rulesOf: (topic: string) => Promise<TopicRules>;

  constructor(
    settings: CrawlSettings,
    pool: ExtractionPool,
    browser: SharedBrowser | null,
    rulesOf: (topic: string) => Promise<TopicRules>,
  ) {
    this.#settings = settings;
    this.#pool = pool;
    this.#browser = browser;
    this.#rulesOf = rulesOf;
  }

  get(jobId: number, spec: MiningJobSpec): JobRuntime {
    let runtime = this.#runtimes.get(jobId);
    if (!runtime) {
      const fetcher = new StaticFetcher({
        userAgent: this.#settings.userAgent,
        requestTimeoutMs: this.#settings.requestTimeoutMs,
        maxPageBytes: this.#settings.maxPageBytes,
        maxRedirects: this.#settings.maxRedirects,
      });
      const profiles = resolveProfiles(spec.profiles);
      const rules = this.#rulesOf(spec.topic);
      // Awaited only by pages that make records; a failed read surfaces there, not as an unhandled rejection.
      rules.catch(() => undefined);
      const rendered = spec.render !== 'static' && this.#browser !== null;
      runtime = {
        spec,
        fetcher,
        browser: rendered ? this.#browser!.fetcher() : null,
        profiles,
        topicRules: rules,
        block: needsBrowser(profiles) ? [] : BLOCKED_WITHOUT_PROFILES,
        // Pages beyond the tabs wait for one; twice as many keeps every tab busy while pages are extracted.
        concurrency: rendered
          ? Math.min(this.#settings.crawlConcurrency, 2 * this.#browser!.tabs)
          : this.#settings.crawlConcurrency,
        robots: new RobotsCache(fetcher, {
          userAgent: this.#settings.userAgent,
          allowPrivateAddresses: spec.allowPrivateAddresses,
        }),
        politeness: new HostPoliteness({
          perHostConcurrency: this.#settings.perHostConcurrency,
          perHostDelayMs: this.#settings.perHostDelayMs,
        }),
        scope: scopeOf(spec),
        extract: (html, url) =>
          this.#pool.extract(html, {
            url,
            selectors: spec.selectors,
            product: profiles.some((p) => p.name === 'product'),
          }),
        seen: new Set(),
        lastUsedAt: Date.now(),
      };
      this.#runtimes.set(jobId, runtime);
    }
    runtime.lastUsedAt = Date.now();
    void this.#evictIdle();
    return runtime;
  }

  async release(jobId: number): Promise<void> {
    const runtime = this.#runtimes.get(jobId);
    this.#runtimes.delete(jobId);
    // The browser is the service's, shared by jobs: only the job's own connections close here.
    await runtime?.fetcher.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.#runtimes.keys()];
    await Promise.all(all.map((id) => this.release(id)));
  }

  async #evictIdle(): Promise<void> {
    const now = Date.now();
    for (const [id, runtime] of this.#runtimes)
      if (now - runtime.lastUsedAt > IDLE_RUNTIME_MS) await this.release(id);
  }
}
