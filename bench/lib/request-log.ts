// What the demo site saw of one crawler, watched from inside the server process through node's HTTP
// diagnostics channels (the demo site itself is not changed). It gives all three crawlers one neutral
// clock: how long fetching the site's good pages took, apart from each crawler's way of ending (retry
// back-off on /bad/server-error, waiting out /bad/slow, process exit).
import dc from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ServerStats {
  /** Every request, robots.txt, sitemap, images, retries and redirect hops included. */
  requests: number;
  /** Distinct paths answered 200 text/html outside /bad/: the site's real pages this crawler got. */
  goodPages: number;
  /** From the first request to the last good page's response, in seconds. */
  goodSpanSeconds: number;
  /** From the first request to the last response of any kind, in seconds. */
  spanSeconds: number;
  /** Epoch ms of the first request and of the last good page's response, to place them in a CPU profile. */
  firstRequestAt: number;
  lastGoodPageAt: number;
  /** Requests by kind, to show what each crawler fetched. */
  byKind: Record<string, number>;
}

export class RequestLog {
  #requests = 0;
  #good = new Set<string>();
  #firstStart = 0;
  #lastGood = 0;
  #last = 0;
  #byKind: Record<string, number> = {};

  constructor() {
    dc.subscribe('http.server.request.start', (message) => {
      if (this.#requests === 0) this.#firstStart = performance.now();
      this.#requests += 1;
      watchContentType((message as { response: ServerResponse }).response);
    });
    dc.subscribe('http.server.response.finish', (message) => {
      const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
      const now = performance.now();
      this.#last = now;
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const kind = kindOf(path, response.statusCode, contentTypes.get(response) ?? '');
      this.#byKind[kind] = (this.#byKind[kind] ?? 0) + 1;
      if (kind === 'html 200') {
        this.#good.add(path);
        this.#lastGood = now;
      }
    });
  }

  /** The figures since the last call, then a fresh start for the next crawler. */
  take(): ServerStats {
    const stats: ServerStats = {
      requests: this.#requests,
      goodPages: this.#good.size,
      goodSpanSeconds: Math.max(0, this.#lastGood - this.#firstStart) / 1000,
      spanSeconds: Math.max(0, this.#last - this.#firstStart) / 1000,
      firstRequestAt: performance.timeOrigin + this.#firstStart,
      lastGoodPageAt: performance.timeOrigin + this.#lastGood,
      byKind: this.#byKind,
    };
    this.#requests = 0;
    this.#good = new Set();
    this.#firstStart = this.#lastGood = this.#last = 0;
    this.#byKind = {};
    return stats;
  }
}

// The demo site passes its headers to writeHead() alone, which getHeader() does not see afterwards.
const contentTypes = new WeakMap<ServerResponse, string>();

function watchContentType(response: ServerResponse): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    const headers = args.find((a): a is Record<string, unknown> => typeof a === 'object' && a !== null);
    contentTypes.set(response, String(headers?.['content-type'] ?? response.getHeader('content-type') ?? ''));
    return writeHead(...args);
  }) as ServerResponse['writeHead'];
}

function kindOf(path: string, status: number, contentType: string): string {
  if (path.startsWith('/bad/')) return 'bad pages';
  if (path === '/robots.txt' || path === '/sitemap.xml') return path.slice(1);
  if (status === 200 && contentType.startsWith('text/html')) return 'html 200';
  if (status === 200) return contentType.split(';')[0] || 'other';
  return `status ${status}`;
}
