import { describe, expect, it } from 'vitest';
import { countryCurrency, currencyCodesOf, normalizeCurrency } from '../../src/normalize/index.js';

describe('normalizeCurrency', () => {
  it('reads ISO codes, retired codes and unambiguous marks', () => {
    expect(normalizeCurrency('eur')).toEqual({ iso: 'EUR', ambiguous: false });
    expect(normalizeCurrency('RUR')).toEqual({ iso: 'RUB', ambiguous: false });
    expect(normalizeCurrency('€')).toEqual({ iso: 'EUR', ambiguous: false });
    expect(normalizeCurrency('руб.')).toEqual({ iso: 'RUB', ambiguous: false });
    expect(normalizeCurrency('US$')).toEqual({ iso: 'USD', ambiguous: false });
    expect(normalizeCurrency('Lei')).toEqual({ iso: 'RON', ambiguous: false });
    expect(normalizeCurrency('тг.')).toEqual({ iso: 'KZT', ambiguous: false });
  });

  it("settles an ambiguous mark by the shop's country", () => {
    expect(normalizeCurrency('$', { pageUrl: 'https://www.bestbuy.ca/en-ca/product/1' })).toEqual({
      iso: 'CAD',
      ambiguous: true,
    });
    expect(normalizeCurrency('kr', { pageUrl: 'https://shop.example.se/p' })).toEqual({
      iso: 'SEK',
      ambiguous: true,
    });
    expect(normalizeCurrency('$')).toEqual({ iso: 'USD', ambiguous: true });
  });

  it('gives null for what is no currency', () => {
    expect(normalizeCurrency('hello')).toBeNull();
    expect(normalizeCurrency('')).toBeNull();
    expect(normalizeCurrency(3)).toBeNull();
  });

  it("names a host's country currency and the codes a written currency may stand for", () => {
    expect(countryCurrency('https://www.amazon.co.uk/dp/1')).toBe('GBP');
    expect(countryCurrency('https://www.otto.de/p/1')).toBe('EUR');
    expect(countryCurrency('https://example.com/')).toBeNull();
    expect(currencyCodesOf('€')).toEqual(['EUR']);
    expect(currencyCodesOf('$')).toContain('CLP');
    expect(currencyCodesOf('Rs')).toContain('PKR');
  });
});
