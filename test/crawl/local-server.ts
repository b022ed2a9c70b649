import { StaticFetcher, type StaticFetcherOptions } from '../../src/crawl/index.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port><path>` */
  url(path?: string): string;
  port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral 127.0.0.1 port, for tests that must not mock the network. */
export async function startServer(handler: http.RequestListener): Promise<LocalServer> {
  const server = http.createServer(handler);
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A promise and its resolver, to wait on an event instead of sleeping. */
export function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A fetcher with small, test-friendly limits; `overrides` change any of them. */
export function testFetcher(overrides: Partial<StaticFetcherOptions> = {}): StaticFetcher {
  return new StaticFetcher({
    userAgent: 'x',
    requestTimeoutMs: 5_000,
    maxPageBytes: 1024 * 1024,
    maxRedirects: 3,
    ...overrides,
  });
}
