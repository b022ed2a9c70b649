import { describe, expect, it } from 'vitest';
import { normalizeBrand } from '../../src/normalize/index.js';

describe('normalizeBrand', () => {
  it('keeps a brand name, cleaned', () => {
    expect(normalizeBrand('KÄRCHER')).toBe('KÄRCHER');
    expect(normalizeBrand(' Tikkers ')).toBe('Tikkers');
    expect(normalizeBrand('Jack Daniel&#39;s')).toBe("Jack Daniel's");
    expect(normalizeBrand('Hope &amp; Ivy Tall')).toBe('Hope & Ivy Tall');
  });

  it('takes labels and marketplace bylines off', () => {
    expect(normalizeBrand('Brand: Tefal')).toBe('Tefal');
    expect(normalizeBrand('Marke: Bosch')).toBe('Bosch');
    expect(normalizeBrand('Visit the PetSafe Store')).toBe('PetSafe');
    expect(normalizeBrand('Besuchen Sie den DeLonghi-Store')).toBe('DeLonghi');
    expect(normalizeBrand('Visiter la boutique Ankerkraut')).toBe('Ankerkraut');
    expect(normalizeBrand('Ver mais artigos da Marca: Panasonic')).toBe('Panasonic');
  });

  it('refuses what names no brand', () => {
    for (const junk of [
      'Generic',
      'No brand',
      'N/A',
      'https://schema.org/Brand',
      '12345',
      '$metabrand',
      '{{brand}}',
      '',
    ])
      expect(normalizeBrand(junk)).toBeNull();
    expect(
      normalizeBrand('A very long text that is certainly not the name of any brand at all, really not'),
    ).toBeNull();
    expect(normalizeBrand(42)).toBeNull();
  });
});
