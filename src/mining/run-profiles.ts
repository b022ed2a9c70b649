import { describeError } from '../core/index.js';
import type { CdpDomain, LivePage, LiveVisit } from '../crawl/index.js';
import {
  schemaLinker,
  schemaLinkPatternUpserts,
  type PageSnapshot,
  type Profile,
} from '../profiles/index.js';
import type { PageProfileWrite, SchemaLinkPatternWrite } from '../store/index.js';

interface Gathered {
  raw?: unknown;
  error?: string;
  durationMs: number;
}

/** Whether any of these profiles needs a rendered page. */
export function needsBrowser(profiles: readonly Profile[]): boolean {
  return profiles.some((p) => p.needsBrowser);
}

/** The CDP domains the profiles need, together: enabled once, before the one load they all gather from. */
export function cdpDomainsOf(profiles: readonly Profile[]): CdpDomain[] {
  return [...new Set(profiles.flatMap((p) => p.cdpDomains))].sort();
}

/** The patterns the schema linker learnt on a page, for `schema_link_patterns` (none without it). */
export function schemaLinkPatternsOf(results: readonly PageProfileWrite[]): SchemaLinkPatternWrite[] {
  const linker = results.find((r) => r.profile === schemaLinker.name && r.error === null);
  return linker ? schemaLinkPatternUpserts(linker.attributes) : [];
}

/**
 * The asked-for profiles on one page. One load feeds them all: `liveVisit()` is handed to the browser
 * fetcher, whose tab runs every `gather` on the loaded page (at the same time, but `exclusive` ones
 * after, alone), each bounded by the page's deadline, each failure the profile's own. `gatherStatic()`
 * does the same without a browser (`live: null`). After extraction, `finish()` turns what each gathered
 * into attributes and a 0-100 quality, again failing per profile.
 */
export class ProfileRun {
  readonly #profiles: readonly Profile[];
  readonly #gathered = new Map<string, Gathered>();

  constructor(profiles: readonly Profile[]) {
    this.#profiles = profiles;
  }

  liveVisit(): LiveVisit {
    const withScripts = this.#profiles.filter((p) => p.pageScripts !== undefined);
    return {
      domains: cdpDomainsOf(this.#profiles),
      ...(withScripts.length > 0
        ? { scripts: async () => (await Promise.all(withScripts.map((p) => p.pageScripts!()))).flat() }
        : {}),
      visit: (live) => this.#gatherAll(live.url, live, live.signal),
    };
  }

  /** Static mode: every profile gathers with `live: null`, bounded by `signal`. */
  gatherStatic(url: string, signal: AbortSignal): Promise<void> {
    return this.#gatherAll(url, null, signal);
  }

  /** The stored results: one per profile, in the order asked. */
  finish(page: PageSnapshot): PageProfileWrite[] {
    return this.#profiles.map((profile) => {
      const gathered = this.#gathered.get(profile.name) ?? {
        error: 'not gathered: the page was not loaded in the browser, or its time ran out first',
        durationMs: 0,
      };
      const failed = (error: string, durationMs: number): PageProfileWrite => ({
        profile: profile.name,
        attributes: {},
        quality: null,
        error,
        durationMs,
      });
      if (gathered.error !== undefined) return failed(gathered.error, gathered.durationMs);
      const started = performance.now();
      try {
        const attributes = profile.toAttributes(gathered.raw, page);
        const quality = profile.quality(attributes);
        if (!Number.isFinite(quality)) throw new Error(`quality() returned ${String(quality)}, not a number`);
        return {
          profile: profile.name,
          // Through JSON once: what is stored is what a reader gets back (no undefined, no class instances).
          attributes: JSON.parse(JSON.stringify(attributes)) as Record<string, unknown>,
          quality: Math.round(Math.min(100, Math.max(0, quality))),
          error: null,
          durationMs: gathered.durationMs + (performance.now() - started),
        };
      } catch (error) {
        return failed(`toAttributes/quality failed: ${describeError(error)}`, gathered.durationMs);
      }
    });
  }

  async #gatherAll(url: string, live: LivePage | null, signal: AbortSignal): Promise<void> {
    const together = this.#profiles.filter((p) => !p.exclusive);
    const alone = this.#profiles.filter((p) => p.exclusive);
    await Promise.all(together.map((p) => this.#gather(p, url, live, signal)));
    for (const profile of alone) await this.#gather(profile, url, live, signal);
  }

  async #gather(profile: Profile, url: string, live: LivePage | null, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    try {
      // Through a promise: a gather that throws before its first await is caught the same way.
      const raw = await untilAborted(
        signal,
        Promise.resolve().then(() => profile.gather({ url, live })),
      );
      this.#gathered.set(profile.name, { raw, durationMs: performance.now() - started });
    } catch (error) {
      this.#gathered.set(profile.name, {
        error: `gather failed: ${describeError(error)}`,
        durationMs: performance.now() - started,
      });
    }
  }
}

/** `work`, or a rejection as soon as `signal` aborts (the work itself cannot be cancelled). */
function untilAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(new Error('the page ran out of time before this profile started'));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('cut at the page deadline (GLEANER_BROWSER_PAGE_TIMEOUT_MS)'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
