import type { GleanerConfig } from '../core/index.js';
import { HostPoliteness, RobotsCache, StaticFetcher, type Fetcher, type Scope } from '../crawl/index.js';
import type { ExtractionPool, PageFacts } from '../extract/index.js';
import { scopeOf, type MiningJobSpec } from './job-spec.js';

/**
 * What a worker keeps for a job between its slices: the connection pool, robots.txt answers, per-host
 * politeness and the URLs already seen. Rebuilt from the database after a restart, so it is only a cache.
 */
export interface JobRuntime {
  spec: MiningJobSpec;
  fetcher: Fetcher;
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
  'userAgent' | 'requestTimeoutMs' | 'maxPageBytes' | 'maxRedirects' | 'perHostConcurrency' | 'perHostDelayMs'
>;

// Runtimes of jobs no slice touched for this long are closed (their keep-alive connections released).
const IDLE_RUNTIME_MS = 60_000;

export class JobRuntimes {
  readonly #settings: CrawlSettings;
  readonly #pool: ExtractionPool;
  readonly #runtimes = new Map<number, JobRuntime>();

  constructor(settings: CrawlSettings, pool: ExtractionPool) {
    this.#settings = settings;
    this.#pool = pool;
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
      runtime = {
        spec,
        fetcher,
        robots: new RobotsCache(fetcher, {
          userAgent: this.#settings.userAgent,
          allowPrivateAddresses: spec.allowPrivateAddresses,
        }),
        politeness: new HostPoliteness({
          perHostConcurrency: this.#settings.perHostConcurrency,
          perHostDelayMs: this.#settings.perHostDelayMs,
        }),
        scope: scopeOf(spec),
        extract: (html, url) => this.#pool.extract(html, { url, selectors: spec.selectors }),
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
