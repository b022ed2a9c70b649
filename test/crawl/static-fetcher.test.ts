import type http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetryableError, SkipError } from '../../src/core/index.js';
import { StaticFetcher, type FetchedPage } from '../../src/crawl/index.js';
import { startServer, testFetcher, type LocalServer } from './local-server.js';

const HTML = '<!doctype html><html><head><title>t</title></head><body><p>hello</p></body></html>';
const LIMIT = 1024 * 1024;
const STREAM_CHUNK = 64 * 1024;

let server: LocalServer;
let fetcher: StaticFetcher;
/** Bytes the 10 MB route managed to write before the client went away. */
let hugeWritten: Promise<number>;
let resolveHugeWritten: (bytes: number) => void;

function html(
  res: http.ServerResponse,
  body: string | Buffer,
  headers: http.OutgoingHttpHeaders = {},
  status = 200,
): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

const routes: Record<string, http.RequestListener> = {
  '/ok': (_req, res) => html(res, HTML),
  '/echo-headers': (req, res) => html(res, JSON.stringify(req.headers)),
  '/404': (_req, res) => html(res, '<p>nope</p>', {}, 404),
  '/500': (_req, res) => html(res, '<p>boom</p>', {}, 500),
  '/429': (_req, res) => {
    res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '7' });
    res.end('slow down');
  },
  '/r1': (_req, res) => res.writeHead(301, { location: '/r2' }).end(),
  '/r2': (_req, res) => res.writeHead(302, { location: 'r3#frag' }).end('moved'),
  '/r3': (_req, res) => html(res, HTML),
  '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => res.writeHead(307, { location: '/loop-a' }).end(),
  '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://example.com/file' }).end(),
  '/json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'),
  '/png-as-html': (_req, res) => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(4000, 7),
    ]);
    html(res, png);
  },
  '/noise-as-html': (_req, res) => {
    const noise = Buffer.alloc(4000);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 7919) % 256;
    html(res, noise);
  },
  '/untyped-html': (_req, res) => res.end(HTML),
  '/untyped-text': (_req, res) => res.end('just some words, not a page'),
  '/declared-huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(LIMIT * 10) });
    res.write('<html>');
    // Never finishes: the client must refuse on the header alone.
  },
  '/streamed-huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(STREAM_CHUNK, 'a');
    let written = 0;
    const total = 10 * 1024 * 1024;
    res.on('close', () => resolveHugeWritten(written));
    const pump = (): void => {
      while (written < total && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (written >= total) res.end();
    };
    pump();
  },
  '/gzip': (_req, res) => html(res, zlib.gzipSync(HTML), { 'content-encoding': 'gzip' }),
  '/br': (_req, res) => html(res, zlib.brotliCompressSync(HTML), { 'content-encoding': 'br' }),
  '/deflate': (_req, res) => html(res, zlib.deflateSync(HTML), { 'content-encoding': 'deflate' }),
  '/gzip-bomb': (_req, res) =>
    html(res, zlib.gzipSync(Buffer.alloc(LIMIT * 20, ' ')), { 'content-encoding': 'gzip' }),
  '/bad-gzip': (_req, res) => html(res, Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }),
  '/cp1252': (_req, res) =>
    html(res, Buffer.concat([Buffer.from('<p>caf'), Buffer.from([0xe9, 0x20, 0x80]), Buffer.from('</p>')]), {
      'content-type': 'text/html; charset=windows-1252',
    }),
  '/cp1252-quotes': (_req, res) =>
    html(res, Buffer.from([0x91, 0x61, 0x92, 0x20, 0x93, 0x62, 0x94, 0x20, 0x96, 0x20, 0x99]), {
      'content-type': 'text/html; charset=ISO-8859-1',
    }),
  '/latin1-meta': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      Buffer.concat([
        Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>na'),
        Buffer.from([0xef, 0x76, 0x65]),
        Buffer.from('</body></html>'),
      ]),
    );
  },
  '/hang': () => {
    // Never answers.
  },
  '/trickle': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html>');
    // Headers arrive, the body never ends: the overall timeout must still fire.
  },
};

beforeAll(async () => {
  server = await startServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else html(res, 'not found', {}, 404);
  });
  hugeWritten = new Promise((resolve) => {
    resolveHugeWritten = resolve;
  });
  fetcher = new StaticFetcher({
    userAgent: 'GleanerTest/1.0',
    requestTimeoutMs: 5_000,
    maxPageBytes: LIMIT,
    maxRedirects: 5,
  });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

const signal = (): AbortSignal => new AbortController().signal;

function get(
  path: string,
  extra: { fetcher?: StaticFetcher; accept?: 'html' | 'any' } = {},
): Promise<FetchedPage> {
  return (extra.fetcher ?? fetcher).fetch(
    { url: server.url(path), allowPrivateAddresses: true, ...(extra.accept ? { accept: extra.accept } : {}) },
    signal(),
  );
}

async function failure(promise: Promise<unknown>): Promise<{ name: string; code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; code: string; message: string };
    return { name: e.name, code: e.code, message: e.message };
  }
  throw new Error('expected the fetch to fail');
}

describe('StaticFetcher', () => {
  it('fetches a page with its headers, timings and the configured request headers', async () => {
    const page = await get('/ok');
    expect(page).toMatchObject({
      status: 200,
      html: HTML,
      bytes: HTML.length,
      redirects: [],
      contentType: 'text/html; charset=utf-8',
    });
    expect(page.finalUrl).toBe(page.url);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.timingsMs.ttfb).toBeGreaterThan(0);
    expect(page.timingsMs.total).toBeGreaterThanOrEqual(page.timingsMs.ttfb);
    const sent = JSON.parse((await get('/echo-headers')).html) as Record<string, string>;
    expect(sent['user-agent']).toBe('GleanerTest/1.0');
    expect(sent['accept']).toBe('text/html,application/xhtml+xml;q=0.9,*/*;q=0.1');
    expect(sent['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('returns pages of any status, and does not judge the content of error responses', async () => {
    expect((await get('/404')).status).toBe(404);
    expect((await get('/500')).status).toBe(500);
    const limited = await get('/429');
    expect(limited).toMatchObject({ status: 429, html: 'slow down' });
    expect(limited.headers['retry-after']).toBe('7');
  });

  it('follows redirects, recording every hop after the first', async () => {
    const page = await get('/r1');
    expect(page.status).toBe(200);
    expect(page.redirects).toEqual([server.url('/r2'), server.url('/r3')]);
    expect(page.finalUrl).toBe(server.url('/r3'));
    expect(page.url).toBe(server.url('/r1'));
  });

  it('refuses redirect loops, too many redirects and redirects out of http(s)', async () => {
    expect(await failure(get('/loop-a'))).toMatchObject({ name: 'SkipError', code: 'redirect-loop' });
    const strict = testFetcher({ maxPageBytes: LIMIT, maxRedirects: 1 });
    try {
      expect(await failure(get('/r1', { fetcher: strict }))).toMatchObject({
        name: 'SkipError',
        code: 'too-many-redirects',
      });
    } finally {
      await strict.close();
    }
    expect(await failure(get('/to-ftp'))).toMatchObject({ name: 'SkipError', code: 'invalid-url' });
  });

  it('refuses malformed and non-http URLs', async () => {
    for (const url of ['not a url', 'ftp://example.com/', 'javascript:alert(1)']) {
      const error = await failure(fetcher.fetch({ url, allowPrivateAddresses: true }, signal()));
      expect(error).toMatchObject({ name: 'SkipError', code: 'invalid-url' });
    }
  });

  it('skips non-HTML content types and binary content served as HTML', async () => {
    expect(await failure(get('/json'))).toMatchObject({
      code: 'not-html',
      message: expect.stringContaining('application/json'),
    });
    expect(await failure(get('/png-as-html'))).toMatchObject({ code: 'binary' });
    expect(await failure(get('/noise-as-html'))).toMatchObject({ code: 'binary' });
  });

  it('sniffs a body served without a content-type', async () => {
    expect((await get('/untyped-html')).html).toBe(HTML);
    expect(await failure(get('/untyped-text'))).toMatchObject({ code: 'not-html' });
  });

  it('takes any text with accept: any', async () => {
    expect((await get('/json', { accept: 'any' })).html).toBe('{"a":1}');
  });

  it('refuses a body declared larger than the limit without reading it', async () => {
    expect(await failure(get('/declared-huge'))).toMatchObject({ name: 'SkipError', code: 'too-large' });
  });

  it('stops reading a streamed body at the limit instead of buffering 10 MB', async () => {
    const started = performance.now();
    const error = await failure(get('/streamed-huge'));
    const elapsedMs = performance.now() - started;
    expect(error).toMatchObject({ name: 'SkipError', code: 'too-large' });
    const read = Number(/(\d+) bytes read/.exec(error.message)?.[1]);
    expect(read).toBeGreaterThan(LIMIT);
    expect(read).toBeLessThanOrEqual(LIMIT + STREAM_CHUNK);
    // The server stops when the socket closes; what it wrote is bounded by the kernel's buffers.
    expect(await hugeWritten).toBeLessThan(10 * 1024 * 1024);
    expect(elapsedMs).toBeLessThan(3_000);
  });

  it('decompresses gzip, brotli and deflate, and counts decompressed bytes against the limit', async () => {
    for (const path of ['/gzip', '/br', '/deflate']) {
      const page = await get(path);
      expect(page.html).toBe(HTML);
      expect(page.bytes).toBe(HTML.length);
    }
    expect(await failure(get('/gzip-bomb'))).toMatchObject({ code: 'too-large' });
    expect(await failure(get('/bad-gzip'))).toMatchObject({ name: 'SkipError', code: 'bad-encoding' });
  });

  it('decodes by the content-type charset, then by <meta charset>', async () => {
    expect((await get('/cp1252')).html).toBe('<p>café €</p>');
    expect((await get('/cp1252-quotes')).html).toBe('‘a’ “b” – ™');
    expect((await get('/latin1-meta')).html).toContain('naïve');
  });

  it('times out a server that never answers, or never finishes the body', async () => {
    const quick = testFetcher({ requestTimeoutMs: 200, maxPageBytes: LIMIT, maxRedirects: 5 });
    try {
      for (const path of ['/hang', '/trickle']) {
        const error = await failure(get(path, { fetcher: quick }));
        expect(error).toMatchObject({ name: 'RetryableError', code: 'timeout' });
      }
    } finally {
      await quick.close();
    }
  });

  it("rejects with the caller's abort reason, not as a retryable fault", async () => {
    const controller = new AbortController();
    const pending = fetcher.fetch(
      { url: server.url('/hang'), allowPrivateAddresses: true },
      controller.signal,
    );
    const reason = new Error('job cancelled');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('shares one job signal among many fetches without piling listeners on it, and aborts them all', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    try {
      const job = new AbortController();
      const pages = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          fetcher.fetch({ url: server.url(`/ok?${i}`), allowPrivateAddresses: true }, job.signal),
        ),
      );
      expect(pages.every((page) => page.status === 200)).toBe(true);
      const hanging = Array.from({ length: 3 }, () =>
        fetcher.fetch({ url: server.url('/hang'), allowPrivateAddresses: true }, job.signal),
      );
      const reason = new Error('job cancelled');
      job.abort(reason);
      for (const pending of hanging) await expect(pending).rejects.toBe(reason);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('fails a refused connection as retryable, an unresolvable host as skip', async () => {
    const gone = await startServer(() => {});
    const url = gone.url('/');
    await gone.close();
    const refused = fetcher.fetch({ url, allowPrivateAddresses: true }, signal());
    await expect(refused).rejects.toBeInstanceOf(RetryableError);
    expect(await failure(fetcher.fetch({ url, allowPrivateAddresses: true }, signal()))).toMatchObject({
      code: 'network',
    });
    for (const allowPrivateAddresses of [true, false]) {
      // .invalid never resolves (RFC 6761): the test reaches no outside host.
      const dns = fetcher.fetch({ url: 'http://gleaner-test.invalid/', allowPrivateAddresses }, signal());
      await expect(dns).rejects.toBeInstanceOf(SkipError);
      expect(
        await failure(
          fetcher.fetch({ url: 'http://gleaner-test.invalid/', allowPrivateAddresses }, signal()),
        ),
      ).toMatchObject({ code: 'dns', message: expect.stringContaining('gleaner-test.invalid') });
    }
  });

  it('reuses keep-alive connections to an origin', async () => {
    const local = await startServer((_req, res) => html(res, HTML));
    try {
      for (let i = 0; i < 10; i += 1)
        await fetcher.fetch({ url: local.url(`/p${i}`), allowPrivateAddresses: true }, signal());
      // undici may open a second socket while the first is still finishing its response; never ten.
      expect(local.connections()).toBeLessThanOrEqual(2);
    } finally {
      await local.close();
    }
  });

  it('refuses to fetch after close()', async () => {
    const closing = new StaticFetcher({
      userAgent: 'x',
      requestTimeoutMs: 1_000,
      maxPageBytes: LIMIT,
      maxRedirects: 1,
    });
    await closing.close();
    await closing.close();
    await expect(
      closing.fetch({ url: server.url('/ok'), allowPrivateAddresses: true }, signal()),
    ).rejects.toMatchObject({ code: 'closed' });
  });
});
