import { afterAll, describe, expect, it } from 'vitest';
import { ExtractionPool, extractPage } from '../../src/extract/index.js';

const PAGE = `<!doctype html><html lang="en"><head><title>T</title><script type="application/ld+json">{"@type":"Product","sku":"A1"}</script></head>
<body><h1>Head</h1><p class="price">$12.00</p><a href="/x">x</a><img src="/i.jpg"></body></html>`;

/** Markup that makes any HTML parser work hard: hundreds of thousands of unclosed, nested elements. */
const pathological = (depth: number) => '<div><span><b>'.repeat(depth) + 'deep' + '</b>'.repeat(10);

describe('the extraction pool', () => {
  const pool = new ExtractionPool({ workers: 1, timeoutMs: 300, maxMemoryMb: 128 });
  afterAll(async () => {
    await pool.close();
  });

  it('extracts in a worker exactly what extractPage extracts in this thread', async () => {
    const url = 'https://shop.test/p/1';
    const facts = await pool.extract(PAGE, { url, selectors: { price: '.price' } });
    expect(facts).toEqual(
      JSON.parse(
        JSON.stringify(
          extractPage(PAGE, {
            url,
            selectors: (await import('../../src/extract/index.js')).compileSelectors({ price: '.price' }),
          }),
        ),
      ),
    );
    expect(facts.selected.price).toEqual(['$12.00']);
  });

  it('stops a page that takes too long, and goes on with the next', async () => {
    await expect(
      pool.extract(pathological(300_000), { url: 'https://shop.test/deep' }),
    ).rejects.toMatchObject({ code: 'extract-timeout', policy: 'skip' });
    const facts = await pool.extract(PAGE, { url: 'https://shop.test/after' });
    expect(facts.metadata.title).toBe('T');
  });

  it('stops a page that needs too much memory, and goes on with the next', async () => {
    const small = new ExtractionPool({ workers: 1, timeoutMs: 60_000, maxMemoryMb: 64 });
    try {
      const huge = '<p class="a b c">' + 'word '.repeat(4) + '</p>';
      await expect(
        small.extract(huge.repeat(600_000), { url: 'https://shop.test/huge' }),
      ).rejects.toMatchObject({ code: 'extract-memory' });
      expect((await small.extract(PAGE, { url: 'https://shop.test/after' })).jsonLd).toHaveLength(1);
    } finally {
      await small.close();
    }
  }, 60_000);

  it('reports a bad selector as invalid input, naming it', async () => {
    await expect(
      pool.extract(PAGE, { url: 'https://shop.test/', selectors: { price: 'div[' } }),
    ).rejects.toMatchObject({ field: 'selectors.price' });
  });

  it('runs pages in parallel on several workers', async () => {
    const many = new ExtractionPool({ workers: 2, timeoutMs: 5000, maxMemoryMb: 256 });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => many.extract(PAGE, { url: `https://shop.test/p/${i}` })),
      );
      expect(results.map((r) => r.url)).toEqual(
        Array.from({ length: 20 }, (_, i) => `https://shop.test/p/${i}`),
      );
    } finally {
      await many.close();
    }
  });
});
