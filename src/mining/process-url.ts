import { contentHash, describeError, policyOf, GleanerError, type GleanerConfig } from '../core/index.js';
import {
  nonHtmlExtension,
  normalizeUrl,
  parseRetryAfterMs,
  retryDelayMs,
  type FetchedPage,
} from '../crawl/index.js';
import { productProfile, productRecord } from '../datasets/index.js';
import type { PageFacts } from '../extract/index.js';
import type { FrontierEntry, PageWrite } from '../store/index.js';
import { fetchPage, type RenderNote } from './fetch-page.js';
import type { JobRuntime } from './job-runtime.js';
import type { UrlOutcome } from './outcome.js';
import { ProfileRun, schemaLinkPatternsOf } from './run-profiles.js';

export type RetrySettings = Pick<GleanerConfig, 'maxRetries' | 'retryBaseDelayMs'>;

// Statuses that mean "not now": the host is busy or down for a moment, so the URL is tried again later.
const RETRY_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);
// Statuses after which the host should be left alone for a while, not just this URL.
const BACKOFF_STATUSES = new Set([429, 503]);
// Profiles gathering without a browser only read what they are given: this bound is a safety net.
const STATIC_GATHER_TIMEOUT_MS = 5_000;

/**
 * Fetch, check and extract one frontier URL. Never throws for anything a page can do: every fault
 * becomes an outcome with a reason, so a worker survives any page.
 */
export async function processUrl(
  runtime: JobRuntime,
  entry: FrontierEntry,
  retry: RetrySettings,
  signal: AbortSignal,
): Promise<UrlOutcome> {
  const { spec } = runtime;
  const host = new URL(entry.url).host;
  if (spec.respectRobots) {
    const verdict = await runtime.robots.check(entry.url);
    if (!verdict.allowed) return { kind: 'skip', url: entry.url, reason: 'robots-disallowed' };
    if (verdict.crawlDelayMs) runtime.politeness.setCrawlDelay(host, verdict.crawlDelayMs);
  }
  const release = await runtime.politeness.acquire(host, signal);
  // One load feeds every profile: in the browser they gather during the fetch, on the live page.
  const run = runtime.profiles.length > 0 ? new ProfileRun(runtime.profiles) : null;
  let fetched: FetchedPage;
  let render: RenderNote;
  try {
    ({ fetched, render } = await fetchPage(runtime, entry.url, run, signal));
  } catch (error) {
    if (signal.aborted || policyOf(error) === 'fatal') throw error;
    return faultOutcome(entry, error, retry);
  } finally {
    release();
  }

  if (RETRY_STATUSES.has(fetched.status) && entry.attempts < retry.maxRetries) {
    const retryAfterMs = parseRetryAfterMs(fetched.headers['retry-after']);
    const delayMs = retryDelayMs(entry.attempts + 1, retry.retryBaseDelayMs, retryAfterMs);
    if (BACKOFF_STATUSES.has(fetched.status)) runtime.politeness.backoff(host, delayMs);
    return { kind: 'defer', url: entry.url, delayMs, reason: `HTTP ${fetched.status}` };
  }
  if (fetched.status >= 400) {
    return {
      kind: 'page',
      url: entry.url,
      state: 'failed',
      discovered: [],
      page: pageWrite(entry, fetched, null, `HTTP ${fetched.status}`, `http-${fetched.status}`),
    };
  }
  if (fetched.finalUrl !== entry.url && !runtime.scope.admits(fetched.finalUrl, entry.depth).ok) {
    return { kind: 'skip', url: entry.url, reason: `redirected out of scope to ${fetched.finalUrl}` };
  }

  let facts: PageFacts;
  try {
    facts = await runtime.extract(fetched.html, fetched.finalUrl);
  } catch (error) {
    // An extractor that cannot run at all (its worker threads do not start) fails the job with the reason:
    // every page would fail the same way, and the page stays pending for a rerun.
    if (signal.aborted || policyOf(error) === 'fatal') throw error;
    // Too slow, too large or crashing the extractor: the page is recorded with the reason, the job goes on.
    const code = error instanceof GleanerError ? error.code : 'extract-failed';
    return {
      kind: 'page',
      url: entry.url,
      state: 'failed',
      discovered: [],
      page: pageWrite(entry, fetched, null, describeError(error), code),
    };
  }

  const discovered: { url: string; depth: number }[] = [];
  const follow = !(spec.respectRobots && /\bnofollow\b|\bnone\b/i.test(facts.metadata.robots ?? ''));
  if (follow && entry.depth < spec.maxDepth) {
    for (const link of facts.links) {
      if (!link.internal && spec.sameSite) continue;
      if (spec.respectRobots && link.rel.includes('nofollow')) continue;
      const url = normalizeUrl(link.url);
      if (!url || runtime.seen.has(url) || nonHtmlExtension(url)) continue;
      runtime.seen.add(url);
      if (runtime.scope.admits(url, entry.depth + 1).ok) discovered.push({ url, depth: entry.depth + 1 });
    }
  }
  const { links, ...stored } = facts;
  // Static jobs' extractions stay as they were; jobs that may render say how each page was fetched.
  const extraction = spec.render === 'static' ? stored : { ...stored, render };
  const page = pageWrite(entry, fetched, { ...extraction, linkCount: links.length }, null, null);
  if (run) {
    if (render.mode === 'static')
      await run.gatherStatic(fetched.finalUrl, AbortSignal.timeout(STATIC_GATHER_TIMEOUT_MS));
    page.profiles = run.finish({ url: fetched.finalUrl, html: fetched.html, facts });
    const patterns = schemaLinkPatternsOf(page.profiles);
    if (patterns.length > 0) page.schemaLinkPatterns = patterns;
    const record = productRecord(
      page.profiles.find((p) => p.profile === productProfile.name),
      { url: fetched.finalUrl, topic: spec.topic },
      await runtime.topicRules,
    );
    if (record) page.records = [record];
  }
  page.links = links.map((l) => ({
    toUrl: l.url,
    anchorText: l.text.slice(0, 500),
    rel: l.rel.join(' '),
    internal: l.internal,
  }));
  return { kind: 'page', url: entry.url, state: 'done', discovered, page };
}

function faultOutcome(entry: FrontierEntry, error: unknown, retry: RetrySettings): UrlOutcome {
  const code = error instanceof GleanerError ? error.code : 'error';
  const message = describeError(error);
  if (policyOf(error) === 'retry' && entry.attempts < retry.maxRetries) {
    const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
    return {
      kind: 'defer',
      url: entry.url,
      delayMs: retryDelayMs(entry.attempts + 1, retry.retryBaseDelayMs, retryAfterMs),
      reason: message,
    };
  }
  const page: PageWrite = {
    url: entry.url,
    finalUrl: null,
    depth: entry.depth,
    httpStatus: null,
    contentHash: null,
    contentType: null,
    bytes: null,
    fetchedAt: new Date(),
    timings: {},
    redirects: [],
    error: message,
    errorCode: code,
    extraction: null,
    links: [],
  };
  return { kind: 'page', url: entry.url, state: 'failed', discovered: [], page };
}

function pageWrite(
  entry: FrontierEntry,
  fetched: FetchedPage,
  extraction: unknown,
  error: string | null,
  errorCode: string | null,
): PageWrite {
  return {
    url: entry.url,
    finalUrl: fetched.finalUrl,
    depth: entry.depth,
    httpStatus: fetched.status,
    contentHash: error ? null : contentHash(fetched.html),
    contentType: fetched.contentType,
    bytes: fetched.bytes,
    fetchedAt: fetched.fetchedAt,
    timings: fetched.timingsMs,
    redirects: fetched.redirects,
    error,
    errorCode,
    extraction,
    links: [],
  };
}
