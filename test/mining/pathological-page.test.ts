import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPages } from '../../src/store/index.js';
import { startTestGleaner, waitForFinalJob, type TestGleaner } from '../harness/gleaner.js';

// Hundreds of thousands of unclosed, nested elements: the kind of page on which extractors take tens of seconds.
const DEEP = '<html><body>' + '<div><span><b>'.repeat(300_000) + 'deep';

describe('a page that would stall extraction', () => {
  let server: Server;
  let origin: string;
  let t: TestGleaner;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const body =
        request.url === '/deep'
          ? DEEP
          : request.url === '/'
            ? '<a href="/deep">deep</a> <a href="/ok">ok</a>'
            : '<title>fine</title>';
      response
        .writeHead(request.url === '/robots.txt' ? 404 : 200, { 'content-type': 'text/html' })
        .end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    t = await startTestGleaner('pglite', { extractTimeoutMs: 300 });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('is abandoned with a reason while the job goes on', async () => {
    const job = await t.gleaner.mining.submit(
      { topic: 'deep', startUrls: [`${origin}/`], useSitemaps: false },
      { allowPrivateAddresses: true },
    );
    const done = await waitForFinalJob(t.gleaner, job.id);
    expect(done.status).toBe('completed');
    const pages = new Map(
      (await listPages(t.gleaner.db, { jobId: job.id, limit: 10, offset: 0 })).map((p) => [
        new URL(p.url).pathname,
        p,
      ]),
    );
    expect(pages.get('/deep')?.errorCode).toBe('extract-timeout');
    expect(pages.get('/ok')?.error).toBeNull();
  });
});
