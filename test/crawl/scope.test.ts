import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import { normalizeUrl, Scope } from '../../src/crawl/index.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://Shop.Example:443/a/b?x=1#top', undefined, 'https://shop.example/a/b?x=1'],
    ['http://shop.example:80/', undefined, 'http://shop.example/'],
    ['http://shop.example:8080', undefined, 'http://shop.example:8080/'],
    ['../c?b=2&a=1', 'https://shop.example/x/y/z', 'https://shop.example/x/c?b=2&a=1'],
    ['#only-a-fragment', 'https://shop.example/p', 'https://shop.example/p'],
    ['  https://shop.example/p  ', undefined, 'https://shop.example/p'],
    ['mailto:a@b.example', undefined, null],
    ['javascript:void(0)', 'https://shop.example/', null],
    ['ftp://shop.example/', undefined, null],
    ['not a url', undefined, null],
    ['http://', undefined, null],
  ])('%s (base %s) → %s', (url, base, expected) => {
    expect(normalizeUrl(url, base)).toBe(expected);
  });
});

describe('Scope', () => {
  const startUrls = ['https://www.shop.example/'];

  it('keeps to the start hosts, treating www. as the same site', () => {
    const scope = new Scope({ startUrls, maxDepth: 5 });
    expect(scope.admits('https://shop.example/a', 1)).toEqual({ ok: true });
    expect(scope.admits('http://www.shop.example/b', 1)).toEqual({ ok: true });
    expect(scope.admits('https://blog.shop.example/', 1)).toEqual({ ok: false, reason: 'off-site' });
    expect(scope.admits('https://other.example/', 1)).toEqual({ ok: false, reason: 'off-site' });
    expect(scope.admits('mailto:x@shop.example', 1)).toEqual({ ok: false, reason: 'off-site' });
    expect(
      new Scope({ startUrls, sameSite: false, maxDepth: 5 }).admits('https://other.example/', 1),
    ).toEqual({ ok: true });
  });

  it('stops beyond maxDepth', () => {
    const scope = new Scope({ startUrls, maxDepth: 2 });
    expect(scope.admits('https://shop.example/a', 2)).toEqual({ ok: true });
    expect(scope.admits('https://shop.example/a', 3)).toEqual({ ok: false, reason: 'too-deep' });
  });

  it('matches path globs on path and query, full-URL globs on the URL', () => {
    const scope = new Scope({
      startUrls,
      include: ['/products/**', 'https://shop.example/category/*'],
      exclude: ['/products/*/reviews', '/**/*.pdf', '/search?q=*'],
      maxDepth: 5,
    });
    expect(scope.admits('https://shop.example/products/shoes', 1)).toEqual({ ok: true });
    expect(scope.admits('https://shop.example/products/shoes/red?size=9', 1)).toEqual({ ok: true });
    expect(scope.admits('https://shop.example/category/shoes', 1)).toEqual({ ok: true });
    // `*` stays within a segment; `**` crosses them.
    expect(scope.admits('https://shop.example/category/shoes/red', 1)).toEqual({
      ok: false,
      reason: 'not-included',
    });
    expect(scope.admits('https://shop.example/about', 1)).toEqual({ ok: false, reason: 'not-included' });
    expect(scope.admits('https://shop.example/products/shoes/reviews', 1)).toEqual({
      ok: false,
      reason: 'excluded',
    });
    expect(scope.admits('https://shop.example/products/manual.pdf', 1)).toEqual({
      ok: false,
      reason: 'excluded',
    });
    // `?` is the literal query separator, not a wildcard.
    const search = new Scope({ startUrls, exclude: ['/search?q=*'], maxDepth: 5 });
    expect(search.admits('https://shop.example/search?q=shoes', 1)).toEqual({
      ok: false,
      reason: 'excluded',
    });
    expect(search.admits('https://shop.example/searchXq=shoes', 1)).toEqual({ ok: true });
  });

  it('exempts start URLs from include, but not from exclude', () => {
    const scope = new Scope({ startUrls, include: ['/products/**'], maxDepth: 5 });
    expect(scope.admits('https://www.shop.example/', 0)).toEqual({ ok: true });
    expect(scope.admits('https://www.shop.example/#top', 0)).toEqual({ ok: true });
    const excluding = new Scope({ startUrls, exclude: ['/'], maxDepth: 5 });
    expect(excluding.admits('https://www.shop.example/', 0)).toEqual({ ok: false, reason: 'excluded' });
  });

  it('rejects invalid globs and start URLs with the field at fault', () => {
    const fieldOf = (make: () => unknown): string | undefined => {
      try {
        make();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).field;
      }
      return undefined;
    };
    expect(fieldOf(() => new Scope({ startUrls, include: ['/products/[abc'], maxDepth: 1 }))).toBe('include');
    expect(fieldOf(() => new Scope({ startUrls, exclude: [''], maxDepth: 1 }))).toBe('exclude');
    expect(fieldOf(() => new Scope({ startUrls, include: ['products/**'], maxDepth: 1 }))).toBe('include');
    expect(fieldOf(() => new Scope({ startUrls: ['ftp://x.example/'], maxDepth: 1 }))).toBe('startUrls');
  });
});
