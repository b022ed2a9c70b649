import { SkipError, RetryableError, type GleanerError } from '../../core/index.js';
import { isHtmlType, parseContentType } from '../content-sniff.js';
import { tooLarge } from '../body-reader.js';
import type { FetchedPage, PageRequest } from '../types.js';
import { browserMemory, browserTimeout, toNavigationError } from './browser-errors.js';
import type { BrowserTab, TabLimits } from './browser-tab.js';
import type { LoadState } from './load-state.js';
import { captureScript } from './page-scripts.js';

export interface LoadLimits extends TabLimits {
  /** Wait this long for `load`, then take what has loaded (after DOMContentLoaded, or what there is). */
  loadTimeoutMs: number;
  /** After `load`, wait at most this long for the network to go quiet (script-rendered content). */
  settleMs: number;
  /** Elements beyond which the page is not serialized (`too-large`). */
  maxDomNodes: number;
}

// The network counts as quiet after this long without a request starting or ending.
const QUIET_MS = 100;
const HEAP_POLL_MS = 250;
// A heap poll unanswered this long means the renderer is stuck in one task.
const HEAP_POLL_STUCK_MS = 2_500;
// Serializing a page that navigates away by script is retried this often.
const CAPTURE_ATTEMPTS = 3;

/**
 * Load `request.url` in the tab and capture it: navigation, `load` with a cap (then whatever has loaded),
 * a short wait for the network to go quiet, the bounds (heap, DOM size, body size), the rendered HTML.
 * Throws errors that carry their policy; `load` holds what was met on the way.
 */
export async function loadPage(
  tab: BrowserTab,
  request: PageRequest,
  load: LoadState,
  limits: LoadLimits,
): Promise<FetchedPage> {
  const url = request.url;
  const fetchedAt = new Date();
  const stopPolling = pollHeap(tab, load, limits);
  try {
    let navigationError: unknown = null;
    const navigation = tab.navigate(url).then(
      () => true,
      (error: unknown) => {
        navigationError = error;
        return false;
      },
    );
    const navigated = await load.within(
      Promise.race([navigation, sleep(limits.loadTimeoutMs).then(() => null)]),
    );
    // A navigation cut short by the page's own next navigation (a script redirect) is not a failure.
    if (navigated === false && load.hops.length < 2) throw toNavigationError(navigationError, url);
    await untilLoaded(tab, load, limits);

    const response = load.mainResponse;
    if (response === null) throw browserTimeout(url, limits.loadTimeoutMs);
    const status = response.status;
    const headers = flattenHeaders(response.headers);
    const contentType = headers['content-type'] ?? null;
    const ok = status >= 200 && status < 300;
    const type = parseContentType(contentType);
    if (ok && type !== null && !isHtmlType(type.mime))
      throw new SkipError(`${url}: content-type ${type.mime} is not HTML`, { code: 'not-html' });
    let html = '';
    if (ok) {
      await checkHeap(tab, load, limits);
      html = await capture(tab, load, limits, url);
      if (looksBinary(html))
        throw new SkipError(`${url}: binary content served as ${contentType ?? 'no content-type'}`, {
          code: 'binary',
        });
    }
    const finalUrl = finalUrlOf(tab, load, url);
    return {
      url,
      finalUrl,
      status,
      headers,
      contentType,
      html,
      bytes: Buffer.byteLength(html),
      fetchedAt,
      timingsMs: {
        total: load.elapsedMs(),
        ttfb: load.ttfbMs ?? load.elapsedMs(),
        ...(load.domContentLoadedMs === null ? {} : { domContentLoaded: load.domContentLoadedMs }),
        ...(load.loadMs === null ? {} : { load: load.loadMs }),
      },
      redirects: load.hops.slice(1),
      warnings: load.warnings,
    };
  } catch (error) {
    throw load.failure ?? toNavigationError(error, url);
  } finally {
    stopPolling();
  }
}

/**
 * Wait for `load` (at most until the load cap), then for the network to go quiet; again when a script
 * sent the page elsewhere meanwhile (each navigation is a hop, bounded by maxRedirects).
 */
async function untilLoaded(tab: BrowserTab, load: LoadState, limits: LoadLimits): Promise<void> {
  for (;;) {
    await load.within(Promise.race([load.milestone('load'), sleep(limits.loadTimeoutMs - load.elapsedMs())]));
    if (load.mainResponse === null) throw browserTimeout(tab.url, limits.loadTimeoutMs);
    if (load.loadMs === null) return stopLoading(tab, load, limits.loadTimeoutMs);
    const hops = load.hops.length;
    await settle(load, limits.settleMs);
    if (load.hops.length === hops && load.loadMs !== null) return;
  }
}

/** `load` did not come in time: stop the network, and a script that holds the parser, and take the page. */
async function stopLoading(tab: BrowserTab, load: LoadState, capMs: number): Promise<void> {
  const parsed = load.domContentLoadedMs !== null;
  load.warn(
    `load not finished after ${capMs} ms; took what had loaded${parsed ? '' : ' (before DOMContentLoaded)'}`,
  );
  await load.within(tab.cdp.send('Page.stopLoading')).catch(rethrowFailure(load));
  if (!parsed) await load.within(tab.cdp.send('Runtime.terminateExecution')).catch(rethrowFailure(load));
}

/**
 * After `load`, scripts often fetch the content they render: when requests are still in flight, wait
 * until none has started or ended for a moment, at most `settleMs`. A page quiet at `load` is taken at
 * once (requests started by load handlers are already counted then). A page that never goes quiet
 * (polling, infinite scroll) is taken as it is at the cap.
 */
async function settle(load: LoadState, settleMs: number): Promise<void> {
  if (load.inflight === 0) return;
  const until = performance.now() + settleMs;
  for (;;) {
    const now = performance.now();
    if (load.inflight === 0 && now - load.lastNetworkAt >= QUIET_MS) return;
    if (now >= until) {
      load.warn(
        `network still busy ${settleMs} ms after load (${load.inflight} requests in flight); took the page as it was`,
      );
      return;
    }
    await load.within(sleep(Math.min(QUIET_MS / 2, until - now)));
  }
}

/** Serialize the document, refusing it first when its DOM is past the bound, and after when its text is. */
async function capture(tab: BrowserTab, load: LoadState, limits: LoadLimits, url: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await load.within(
        tab.evaluate(captureScript(limits.maxDomNodes)) as Promise<{
          nodes: number;
          html: string | null;
        }>,
      );
      if (result.html === null)
        throw new SkipError(
          `${url}: the rendered page has ${result.nodes} elements, over the bound of ${limits.maxDomNodes} (GLEANER_BROWSER_MAX_DOM_NODES)`,
          { code: 'too-large' },
        );
      if (result.html.length > limits.maxPageBytes || Buffer.byteLength(result.html) > limits.maxPageBytes)
        throw tooLarge(
          url,
          limits.maxPageBytes,
          `the rendered page is ${Buffer.byteLength(result.html)} bytes`,
        );
      return result.html;
    } catch (error) {
      // The page navigated while it was read (a script redirect): read the new document.
      const navigatedAway = error instanceof Error && /context was destroyed|navigation/i.test(error.message);
      if (load.failure || !navigatedAway || attempt >= CAPTURE_ATTEMPTS) throw error;
      await load.within(Promise.race([load.milestone('domcontentloaded'), sleep(200)]));
      await load.within(sleep(50));
    }
  }
}

/** Poll the page's JS heap while it loads; past the bound the load fails with `browser-memory`. */
function pollHeap(tab: BrowserTab, load: LoadState, limits: LoadLimits): () => void {
  let pendingSince: number | null = null;
  const timer = setInterval(() => {
    if (pendingSince !== null) {
      if (performance.now() - pendingSince > HEAP_POLL_STUCK_MS) load.heapPollStuck = true;
      return;
    }
    pendingSince = performance.now();
    void checkHeap(tab, load, limits)
      .catch(() => undefined)
      .finally(() => {
        pendingSince = null;
      });
  }, HEAP_POLL_MS);
  return () => clearInterval(timer);
}

async function checkHeap(tab: BrowserTab, load: LoadState, limits: LoadLimits): Promise<void> {
  const { usedSize } = await load.within(tab.cdp.send('Runtime.getHeapUsage'));
  // What the previous page of the tab left is garbage not collected yet: the page is charged its growth.
  const usedMb = usedSize / (1024 * 1024) - (load.heapBaselineMb ?? 0);
  load.heapMb = Math.max(load.heapMb, usedMb);
  if (usedMb > limits.pageMemoryMb) {
    load.fail(browserMemory(load.hops.at(-1) ?? tab.url, usedMb, limits.pageMemoryMb));
    await load.failed;
  }
}

function finalUrlOf(tab: BrowserTab, load: LoadState, url: string): string {
  const current = tab.url;
  if (current.startsWith('http:') || current.startsWith('https:')) return current.replace(/#.*$/, '');
  return load.hops.at(-1) ?? url;
}

/** Header names lowercased, repeated headers (CDP joins them with a line break) joined with ', '. */
function flattenHeaders(raw: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) headers[name.toLowerCase()] = value.split('\n').join(', ');
  return headers;
}

/**
 * Bytes that are not text reach the DOM as U+FFFD and control characters; a page whose start is mostly
 * those was binary served as HTML.
 */
function looksBinary(html: string): boolean {
  const bodyAt = html.indexOf('<body');
  const sample = html.slice(bodyAt < 0 ? 0 : bodyAt, (bodyAt < 0 ? 0 : bodyAt) + 1024);
  let odd = 0;
  for (const char of sample) {
    const code = char.charCodeAt(0);
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) odd += 1;
  }
  return sample.length > 64 && odd >= sample.length * 0.1;
}

function rethrowFailure(load: LoadState): (error: unknown) => void {
  return (error) => {
    if (load.failure) throw load.failure;
    if (error instanceof RetryableError || error instanceof SkipError) throw error as GleanerError;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
}
