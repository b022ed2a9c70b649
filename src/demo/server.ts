import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUGE_PAGE_BYTES } from './bad-pages.js';
import { BadBodies } from './bad-responses.js';
import { buildDemoCatalog } from './catalog.js';
import type { DemoCatalog } from './catalog-types.js';
import { renderErrorPage, renderSlowPage } from './info-pages.js';
import { RenderContext } from './render-context.js';
import { resolveDemoSiteOptions, type ResolvedDemoSiteOptions } from './site-options.js';
import { buildSiteRoutes, type Route, type SiteRoutes } from './site-routes.js';
import { buildDemoTruth } from './truth.js';
import type { DemoBadPage, DemoSite, DemoSiteOptions } from './types.js';

const HTML = 'text/html; charset=utf-8';

/**
 * Starts the demo site on `host:port` (an ephemeral port by default) and resolves once it listens.
 * Pages are rendered on request from the catalog built here; the truth describes exactly this site.
 */
export async function startDemoSite(options: DemoSiteOptions = {}): Promise<DemoSite> {
  const resolved = resolveDemoSiteOptions(options);
  const catalog = buildDemoCatalog({
    products: resolved.products,
    articles: resolved.articles,
    seed: resolved.seed,
  });
  const site = buildSiteRoutes(catalog);
  const server = new DemoServer(catalog, site, resolved);
  const origin = await server.listen();
  return { url: origin, truth: buildDemoTruth(catalog, site, origin), close: () => server.close() };
}

class DemoServer {
  readonly #catalog: DemoCatalog;
  readonly #site: SiteRoutes;
  readonly #options: ResolvedDemoSiteOptions;
  readonly #server: Server;
  readonly #bodies: BadBodies;
  /** Pending `/bad/slow` answers, cleared on close so that no timer outlives the server. */
  readonly #slowTimers = new Set<NodeJS.Timeout>();
  #ctx: RenderContext | null = null;
  #closing: Promise<void> | null = null;

  constructor(catalog: DemoCatalog, site: SiteRoutes, options: ResolvedDemoSiteOptions) {
    this.#catalog = catalog;
    this.#site = site;
    this.#options = options;
    this.#bodies = new BadBodies(options.seed);
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#options.port, this.#options.host, () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
    const { address, port } = this.#server.address() as AddressInfo;
    const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    // Renderers need the origin for absolute links, and it is known only now.
    this.#ctx = new RenderContext(this.#catalog, origin);
    return origin;
  }

  /** Idempotent: a second call waits for the first. Open keep-alive sockets are dropped, not waited for. */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      for (const timer of this.#slowTimers) clearTimeout(timer);
      this.#slowTimers.clear();
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    return this.#closing;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const ctx = this.#ctx!;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(
        res,
        405,
        'text/plain; charset=utf-8',
        'Method not allowed: the demo site answers GET and HEAD.\n',
        head,
        { allow: 'GET, HEAD' },
      );
      return;
    }
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', 'Bad request: unparseable URL.\n', head);
      return;
    }
    const route = this.#site.routes.get(path);
    try {
      this.#answer(ctx, route, path, res, head);
    } catch (error) {
      // A rendering bug must not take the server down mid-crawl; the 500 makes it visible in tests.
      if (!res.headersSent)
        send(res, 500, 'text/plain; charset=utf-8', `Demo site error: ${String(error)}\n`, head);
      else res.destroy();
    }
  }

  #answer(
    ctx: RenderContext,
    route: Route | undefined,
    path: string,
    res: ServerResponse,
    head: boolean,
  ): void {
    switch (route?.type) {
      case undefined:
        send(res, 404, HTML, renderErrorPage(ctx, path, 404), head);
        return;
      case 'page':
      case 'private':
        send(res, 200, HTML, route.render(ctx), head);
        return;
      case 'asset':
        send(res, 200, route.contentType, route.body(ctx), head);
        return;
      case 'redirect':
        send(res, route.status, 'text/plain; charset=utf-8', `Redirecting to ${route.location}\n`, head, {
          location: route.location,
        });
        return;
      case 'bad':
        this.#answerBad(ctx, route.bad, res, head);
        return;
    }
  }

  #answerBad(ctx: RenderContext, bad: DemoBadPage, res: ServerResponse, head: boolean): void {
    switch (bad.kind) {
      case 'not-found':
        send(res, 404, HTML, renderErrorPage(ctx, bad.path, 404), head);
        return;
      case 'server-error':
        send(res, 500, HTML, renderErrorPage(ctx, bad.path, 500), head);
        return;
      case 'redirect-loop':
        send(res, 302, 'text/plain; charset=utf-8', 'Found\n', head, { location: bad.redirectsTo ?? '/' });
        return;
      case 'redirect':
        // Absolute here, relative in the loop: crawlers must resolve both.
        send(res, 301, 'text/plain; charset=utf-8', 'Moved permanently\n', head, {
          location: ctx.absolute(bad.redirectsTo ?? '/'),
        });
        return;
      case 'binary':
        send(res, 200, HTML, this.#bodies.binary(), head);
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          this.#slowTimers.delete(timer);
          send(res, 200, HTML, renderSlowPage(ctx), head);
        }, this.#options.slowPageDelayMs);
        this.#slowTimers.add(timer);
        res.once('close', () => {
          clearTimeout(timer);
          this.#slowTimers.delete(timer);
        });
        return;
      }
      case 'huge':
        res.writeHead(200, { 'content-type': HTML, 'content-length': HUGE_PAGE_BYTES });
        if (head) res.end();
        else this.#bodies.streamHuge(res).catch(() => res.destroy());
        return;
    }
  }
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  head: boolean,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length, ...headers });
  res.end(head ? undefined : bytes);
}
