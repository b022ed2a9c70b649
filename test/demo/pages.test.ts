import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoProductTruth, type DemoSite } from '../../src/demo/index.js';

function jsonLdBlocks(html: string): string[] {
  return [...html.matchAll(/<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/g)].map(
    (m) => m[1]!,
  );
}

/** The product's own block: related-product cards elsewhere on the page may name other brands. */
function productBlock(html: string): string {
  return html.slice(html.indexOf('<article class="product"'), html.indexOf('</article>'));
}

describe('the demo site pages and files', () => {
  let site: DemoSite;
  const pages = new Map<string, string>();
  const page = async (path: string): Promise<string> => {
    if (!pages.has(path)) pages.set(path, await (await fetch(site.url + path)).text());
    return pages.get(path)!;
  };
  const products = (predicate: (p: DemoProductTruth) => boolean) => site.truth.products.filter(predicate);

  beforeAll(async () => {
    site = await startDemoSite({ products: 400, articles: 20 });
    await Promise.all(site.truth.products.map((p) => page(p.path)));
  });
  afterAll(() => site.close());

  it('serves robots.txt that disallows /private/ and names the sitemap on this host', async () => {
    const response = await fetch(`${site.url}/robots.txt`);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/private\/$/m);
    expect(text).toContain(`Sitemap: ${site.url}/sitemap.xml`);
    for (const path of site.truth.disallowedPaths) {
      expect(path.startsWith('/private/')).toBe(true);
      expect((await fetch(site.url + path)).status).toBe(200);
    }
  });

  it('lists every product and article in the sitemap with absolute URLs', async () => {
    const xml = await (await fetch(`${site.url}/sitemap.xml`)).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const expected = [
      ...site.truth.products.map((p) => p.path),
      ...site.truth.articles.map((a) => a.path),
    ].map((path) => site.url + path);
    expect(locs.sort()).toEqual(expected.sort());
  });

  it('puts the true product facts in JSON-LD pages', async () => {
    const clean = products((p) => p.markup === 'json-ld' && p.jsonLdQuirk === undefined);
    expect(clean.length).toBeGreaterThan(50);
    for (const product of clean) {
      const data = JSON.parse(jsonLdBlocks(await page(product.path))[0]!) as Record<string, unknown> & {
        offers: Record<string, unknown>;
      };
      expect(data['@type']).toBe('Product');
      expect(data['sku']).toBe(product.sku);
      expect(data['image']).toBe(product.imageUrl);
      // Some shops write the price as a string, some as a number: both must mean the true amount.
      const price = data.offers['price'];
      expect(typeof price === 'number' ? price : Number(price)).toBe(Number(product.price));
      if (typeof price === 'string') expect(price).toBe(product.price);
      expect(data.offers['priceCurrency']).toBe(product.currency);
      expect(data.offers['availability']).toBe(`https://schema.org/${product.availability}`);
      expect(data['gtin13']).toBe(product.shown.gtin ? product.gtin13 : undefined);
      expect(data['brand']).toEqual(
        product.shown.brand ? { '@type': 'Brand', name: product.brand } : undefined,
      );
    }
  });

  it('flaws a few JSON-LD blocks the way real sites do', async () => {
    for (const product of products((p) => p.jsonLdQuirk !== undefined)) {
      const blocks = jsonLdBlocks(await page(product.path));
      if (product.jsonLdQuirk === 'invalid-extra-block') {
        expect(() => JSON.parse(blocks[0]!)).not.toThrow();
        expect(() => JSON.parse(blocks[1]!)).toThrow(SyntaxError);
        continue;
      }
      expect(() => JSON.parse(blocks[0]!)).toThrow(SyntaxError);
      // What a tolerant parser does: drop comments, escape raw control characters.
      const repaired = blocks[0]!
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/[\u0000-\u001f]/g, (c) => (c === '\n' ? ' ' : c === '\t' ? ' ' : ''));
      expect((JSON.parse(repaired) as { sku: string }).sku).toBe(product.sku);
    }
  });

  it('marks microdata pages with Product and Offer itemprops holding the true values', async () => {
    for (const product of products((p) => p.markup === 'microdata')) {
      const html = productBlock(await page(product.path));
      expect(html).toContain('itemscope itemtype="https://schema.org/Product"');
      expect(html).toContain('itemprop="offers" itemscope itemtype="https://schema.org/Offer"');
      expect(html).toContain(`itemprop="price" content="${product.price}"`);
      expect(html).toContain(`<meta itemprop="priceCurrency" content="${product.currency}">`);
      expect(html).toContain(
        `<link itemprop="availability" href="https://schema.org/${product.availability}">`,
      );
    }
  });

  it('leaves no markup on the bare pages, only a visible price beside a buy button', async () => {
    for (const product of products((p) => p.markup === 'none')) {
      const html = await page(product.path);
      expect(html).not.toContain('application/ld+json');
      expect(html).not.toContain('itemscope');
      const visible = /<span class="price">([^<]+)<\/span>/.exec(productBlock(html))![1]!;
      const digits = product.price.replace('.', '');
      expect(visible.replace(/\D/g, '')).toBe(digits);
      expect(productBlock(html)).toMatch(/class="add-to-cart"/);
    }
  });

  it('states brand, GTIN and category only where the truth says they are shown', async () => {
    for (const product of site.truth.products) {
      const html = await page(product.path);
      const own = productBlock(html);
      expect(html.includes(product.gtin13)).toBe(product.shown.gtin);
      expect(own.includes(`Brand: `)).toBe(product.shown.brand);
      expect(html.includes('<nav aria-label="breadcrumb">')).toBe(product.shown.category);
      expect(own.includes('<th>Category</th>')).toBe(product.shown.category);
    }
  });

  it('gives product images alt text, empty alt or none', async () => {
    const kinds = new Set<string>();
    for (const product of site.truth.products) {
      const img = new RegExp(`<img src="${new URL(product.imageUrl).pathname}"([^>]*)>`).exec(
        productBlock(await page(product.path)),
      )![1]!;
      kinds.add(img.includes('alt=""') ? 'empty' : img.includes('alt="') ? 'text' : 'missing');
    }
    expect(kinds).toEqual(new Set(['text', 'empty', 'missing']));
  });

  it('serves product photos as real JPEGs and the catalogue as a PDF', async () => {
    const photo = await fetch(site.truth.products[0]!.imageUrl);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await photo.arrayBuffer());
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(bytes.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const pdf = Buffer.from(await (await fetch(`${site.url}/files/catalog.pdf`)).arrayBuffer());
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.4');
    const startxref = Number(/startxref\n(\d+)/.exec(pdf.toString('latin1'))![1]);
    expect(pdf.subarray(startxref, startxref + 4).toString()).toBe('xref');
  });

  it('renders articles with headings, author and date', async () => {
    for (const article of site.truth.articles) {
      const html = await page(article.path);
      expect(html).toContain(`<h1>${article.title.replace(/'/g, '&#39;')}</h1>`);
      expect(html).toContain(`<span class="author">${article.author}</span>`);
      expect(html).toContain(`<time datetime="${article.publishedAt}">`);
      expect((html.match(/<h2>/g) ?? []).length).toBeGreaterThanOrEqual(3);
      expect((html.match(/<p[ >]/g) ?? []).length).toBeGreaterThanOrEqual(6);
    }
  });
});
