import { describe, expect, it } from 'vitest';
import { isPurchasable, normalizeAvailability } from '../../src/normalize/index.js';

describe('normalizeAvailability', () => {
  it('reads schema.org URLs, prefixed names and bare tokens in any spelling', () => {
    expect(normalizeAvailability('http://schema.org/InStock')).toBe('InStock');
    expect(normalizeAvailability('https://schema.org/OutOfStock')).toBe('OutOfStock');
    expect(normalizeAvailability('https://schema.org/PreOrder/')).toBe('PreOrder');
    expect(normalizeAvailability('http://data-vocabulary.org/in_stock')).toBe('InStock');
    expect(normalizeAvailability('schema:BackOrder')).toBe('BackOrder');
    expect(normalizeAvailability('in_stock')).toBe('InStock');
    expect(normalizeAvailability('OUT-OF-STOCK')).toBe('OutOfStock');
    expect(normalizeAvailability('LimitedAvailability')).toBe('LimitedAvailability');
    expect(normalizeAvailability('SoldOut')).toBe('SoldOut');
    expect(normalizeAvailability('InStoreOnly')).toBe('InStoreOnly');
    expect(normalizeAvailability('OnlineOnly')).toBe('OnlineOnly');
    expect(normalizeAvailability('Discontinued')).toBe('Discontinued');
    expect(normalizeAvailability('instock')).toBe('InStock');
    expect(normalizeAvailability(true)).toBe('InStock');
  });

  it('reads shop wording in eleven languages', () => {
    const cases: [string, string][] = [
      ['In stock', 'InStock'],
      ['Only 2 left in stock - order soon.', 'LimitedAvailability'],
      ['Currently unavailable.', 'OutOfStock'],
      ['Available for pre-order', 'PreOrder'],
      ['Auf Lager', 'InStock'],
      ['Derzeit nicht verfügbar', 'OutOfStock'],
      ['Nicht mehr lieferbar', 'Discontinued'],
      ['En stock', 'InStock'],
      ['Rupture de stock', 'OutOfStock'],
      ['Épuisé', 'SoldOut'],
      ['Disponible', 'InStock'],
      ['Agotado', 'SoldOut'],
      ['Sin stock', 'OutOfStock'],
      ['Disponibile', 'InStock'],
      ['Non disponibile', 'OutOfStock'],
      ['Op voorraad', 'InStock'],
      ['Niet op voorraad', 'OutOfStock'],
      ['Em estoque', 'InStock'],
      ['Esgotado', 'SoldOut'],
      ['В наличии', 'InStock'],
      ['Нет в наличии', 'OutOfStock'],
      ['Под заказ', 'BackOrder'],
      ['Dostępny', 'InStock'],
      ['Brak w magazynie', 'OutOfStock'],
      ['在庫あり', 'InStock'],
      ['在庫切れ', 'OutOfStock'],
      ['有货', 'InStock'],
      ['缺货', 'OutOfStock'],
      ['預購', 'PreOrder'],
    ];
    for (const [text, expected] of cases)
      expect([text, normalizeAvailability(text)]).toEqual([text, expected]);
  });

  it('reads a negation before the word it negates', () => {
    expect(normalizeAvailability('not available')).toBe('OutOfStock');
    expect(normalizeAvailability('unavailable')).toBe('OutOfStock');
    expect(normalizeAvailability('nicht lieferbar')).toBe('OutOfStock');
    expect(normalizeAvailability('NOT SOLD')).toBe('InStock');
  });

  it('says nothing about what is not an availability', () => {
    expect(normalizeAvailability('')).toBeNull();
    expect(normalizeAvailability('Free delivery on orders over £50')).toBeNull();
    expect(normalizeAvailability('https://schema.org/NewCondition')).toBeNull();
    expect(normalizeAvailability(42)).toBeNull();
    expect(normalizeAvailability('in stock '.repeat(40))).toBeNull();
  });

  it('tells what can be bought', () => {
    expect(isPurchasable('PreOrder')).toBe(true);
    expect(isPurchasable('LimitedAvailability')).toBe(true);
    expect(isPurchasable('SoldOut')).toBe(false);
    expect(isPurchasable('Discontinued')).toBe(false);
  });
});
