import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../src/normalize/index.js';

describe('parsePrice', () => {
  it('reads the examples of the issue', () => {
    expect(parsePrice('US$:12.99')).toEqual({ amount: '12.99', currency: 'US$', currencyIso: 'USD' });
    expect(parsePrice("CHF 1'049,95")).toEqual({ amount: '1049.95', currency: 'CHF', currencyIso: 'CHF' });
    expect(parsePrice('12,-')).toEqual({ amount: '12', currency: null, currencyIso: null });
    expect(parsePrice('1.198,- Kr').amount).toBe('1198');
  });

  it('reads every kind of thousands separator', () => {
    expect(parsePrice('1.144.000 ₫').amount).toBe('1144000');
    expect(parsePrice('$1,695.00').amount).toBe('1695');
    expect(parsePrice("1'049.95").amount).toBe('1049.95');
    expect(parsePrice('120 000 000').amount).toBe('120000000');
    expect(parsePrice('1\u00a0298,00 €').amount).toBe('1298');
    expect(parsePrice('1\u202f298,50 €').amount).toBe('1298.5');
    expect(parsePrice('$119. 95').amount).toBe('119.95');
    expect(parsePrice('₹ 1,23,456.00').amount).toBe('123456');
    expect(parsePrice('29€90')).toMatchObject({ amount: '29.9', currency: '€' });
  });

  it('keeps amounts exact, without floats', () => {
    expect(parsePrice('1.11000000000000009770').amount).toBe('1.1100000000000000977');
    expect(parsePrice('99999999999999.99 €').amount).toBe('99999999999999.99');
  });

  it('takes the first end of a range and the price after "from"', () => {
    expect(parsePrice('From 26 to 50 €')).toMatchObject({ amount: '26', currency: '€' });
    expect(parsePrice('Estimate Price: $45,000 - $70,000').amount).toBe('45000');
    expect(parsePrice('A partir de 11,70 €').amount).toBe('11.7');
  });

  it('reads per-unit prices and skips quantities and old prices', () => {
    expect(parsePrice('$426.20/EA').amount).toBe('426.2');
    expect(parsePrice('2,99 € / kg').amount).toBe('2.99');
    expect(parsePrice('Buy Now - 2 Litre Was $120.00 Now $60.00').amount).toBe('60');
    expect(parsePrice('16.00 ft').amount).toBeNull();
  });

  it('maps marks to ISO codes only when unambiguous', () => {
    expect(parsePrice('€ 10').currencyIso).toBe('EUR');
    expect(parsePrice('£10').currencyIso).toBe('GBP');
    expect(parsePrice('419 руб.')).toEqual({ amount: '419', currency: 'руб.', currencyIso: 'RUB' });
    expect(parsePrice('45,00 zł').currencyIso).toBe('PLN');
    expect(parsePrice('$10').currencyIso).toBeNull();
    expect(parsePrice('150 kr').currencyIso).toBeNull();
    expect(parsePrice('$80.00 U.S.').currencyIso).toBe('USD');
  });

  it('uses the currency hint for a bare number and to settle an ambiguous mark', () => {
    expect(parsePrice('28', { currencyHint: '$' })).toEqual({
      amount: '28',
      currency: '$',
      currencyIso: null,
    });
    expect(parsePrice('12.50', { currencyHint: 'EUR' })).toEqual({
      amount: '12.5',
      currency: 'EUR',
      currencyIso: 'EUR',
    });
    expect(parsePrice('$12', { currencyHint: 'CAD' }).currencyIso).toBe('CAD');
    expect(parsePrice('$12', { currencyHint: 'EUR' }).currencyIso).toBeNull();
    expect(parsePrice('£54.17', { currencyHint: 'USD' })).toMatchObject({
      currency: '£',
      currencyIso: 'GBP',
    });
    expect(parsePrice('10 kr', { currencyHint: 'Pris i SEK' }).currencyIso).toBe('SEK');
  });

  it('uses the decimal separator hint', () => {
    expect(parsePrice('140.000', { decimalSeparator: '.' }).amount).toBe('140');
    expect(parsePrice('140.000').amount).toBe('140000');
    expect(parsePrice('1,500', { decimalSeparator: ',' }).amount).toBe('1.5');
    expect(parsePrice('1.500,25', { decimalSeparator: ',' }).amount).toBe('1500.25');
    expect(parsePrice('140€33', { decimalSeparator: '€' }).amount).toBe('140.33');
  });

  it('answers nothing, without throwing, for text that holds no price', () => {
    const none = { amount: null, currency: null, currencyIso: null };
    expect(parsePrice('')).toEqual(none);
    expect(parsePrice('abc')).toEqual(none);
    expect(parsePrice('Price')).toEqual(none);
    expect(parsePrice('1.2.3.4').amount).toBeNull();
    expect(parsePrice('July, 2004').amount).toBeNull();
    expect(parsePrice('9'.repeat(40)).amount).toBeNull();
  });

  it('stays fast and total on absurd input', () => {
    const inputs = [
      '1 '.repeat(500_000),
      '$'.repeat(1_000_000),
      '1.'.repeat(500_000),
      '$1 '.repeat(500_000),
      '1 kr '.repeat(200_000),
      '\u0000\uffff\ud800'.repeat(10_000),
      `${'x'.repeat(1_000_000)} $12`,
    ];
    const started = performance.now();
    for (const input of inputs) {
      expect(() => parsePrice(input, { currencyHint: input, decimalSeparator: null })).not.toThrow();
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    // Not a string at all, from untyped callers: still no throw.
    expect(parsePrice(undefined as unknown as string).amount).toBeNull();
  });
});
