import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import { buildDemoCatalog } from '../../src/demo/index.js';

function gtinValid(gtin: string): boolean {
  // Independent of the generator's own helper: GS1 weights 1,3,1,3… from the left over 12 digits.
  if (!/^\d{13}$/.test(gtin)) return false;
  const sum = [...gtin.slice(0, 12)].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === Number(gtin[12]);
}

describe('buildDemoCatalog', () => {
  const catalog = buildDemoCatalog();

  it('is deterministic for a seed and differs between seeds', () => {
    const again = buildDemoCatalog();
    expect(JSON.stringify(again.products)).toBe(JSON.stringify(catalog.products));
    expect(JSON.stringify(again.articles)).toBe(JSON.stringify(catalog.articles));
    const other = buildDemoCatalog({ seed: 7 });
    expect(other.products.map((p) => p.name)).not.toEqual(catalog.products.map((p) => p.name));
  });

  it('has the asked-for counts, with variants among the products', () => {
    expect(catalog.products).toHaveLength(800);
    expect(catalog.articles).toHaveLength(150);
    const variants = catalog.products.filter((p) => p.variantOf !== null);
    expect(variants.length).toBeGreaterThan(50);
    for (const variant of variants) {
      const parent = catalog.productsById.get(variant.variantOf!)!;
      expect(parent.variantOf).toBeNull();
      expect(parent.variantIds).toContain(variant.id);
      expect(variant.name.startsWith(parent.name)).toBe(true);
    }
    const small = buildDemoCatalog({ products: 5, articles: 0 });
    expect(small.products).toHaveLength(5);
    expect(small.blogPageCount).toBe(1);
  });

  it('has a three-level tree of about twenty leaves and about thirty brands', () => {
    const leaves = catalog.categories.filter((c) => c.leaf);
    expect(leaves).toHaveLength(20);
    expect(leaves.every((c) => c.level === 3 && c.trail.length === 3)).toBe(true);
    expect(catalog.brands).toHaveLength(30);
    expect(new Set(catalog.categories.map((c) => c.slug)).size).toBe(catalog.categories.length);
  });

  it('gives every product a valid, unique GTIN-13 and unique id, SKU, slug', () => {
    expect(catalog.products.every((p) => gtinValid(p.gtin13))).toBe(true);
    for (const key of ['gtin13', 'id', 'sku', 'slug'] as const) {
      expect(new Set(catalog.products.map((p) => p[key])).size).toBe(catalog.products.length);
    }
  });

  it('mixes markup, currencies, availability and missing fields', () => {
    const parents = catalog.products.filter((p) => p.variantOf === null);
    const share = (predicate: (p: (typeof parents)[number]) => boolean) =>
      parents.filter(predicate).length / parents.length;
    expect(share((p) => p.markup === 'json-ld')).toBeGreaterThan(0.33);
    expect(share((p) => p.markup === 'json-ld')).toBeLessThan(0.5);
    expect(share((p) => p.markup === 'microdata')).toBeGreaterThan(0.22);
    expect(share((p) => p.markup === 'none')).toBeGreaterThan(0.22);
    expect(share((p) => p.currency === 'USD')).toBeGreaterThan(0.6);
    expect(share((p) => p.currency === 'EUR')).toBeGreaterThan(0.1);
    expect(share((p) => p.currency === 'GBP')).toBeGreaterThan(0.04);
    for (const field of ['brand', 'gtin', 'category'] as const) {
      expect(share((p) => !p.shown[field])).toBeGreaterThan(0.05);
      expect(share((p) => !p.shown[field])).toBeLessThan(0.4);
    }
    expect(new Set(parents.map((p) => p.availability))).toEqual(
      new Set(['InStock', 'OutOfStock', 'PreOrder']),
    );
    expect(parents.every((p) => /^\d+\.\d{2}$/.test(p.price))).toBe(true);
    const quirks = catalog.products.flatMap((p) => (p.jsonLdQuirk ? [p.jsonLdQuirk] : []));
    expect(new Set(quirks)).toEqual(new Set(['invalid-extra-block', 'comment', 'control-characters']));
    expect(quirks.length).toBeLessThan(20);
  });

  it('writes descriptions that name the product type, so the category can be learnt from text', () => {
    for (const product of catalog.products) {
      expect(product.description.toLowerCase()).toContain(product.type.toLowerCase());
      expect(product.description.split('. ').length).toBeGreaterThanOrEqual(3);
    }
  });

  it('writes articles with several sections, newest first', () => {
    const dates = catalog.articles.map((a) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(new Set(catalog.articles.map((a) => a.slug)).size).toBe(catalog.articles.length);
    for (const article of catalog.articles) {
      expect(article.sections.length).toBeGreaterThanOrEqual(3);
      expect(article.intro.join(' ').split('. ').length).toBeGreaterThanOrEqual(3);
    }
  });

  it('rejects bad options with the field at fault', () => {
    expect(() => buildDemoCatalog({ products: -1 })).toThrow(InvalidInputError);
    expect(() => buildDemoCatalog({ articles: 1.5 })).toThrow(/articles/);
  });
});
