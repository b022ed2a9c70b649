import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, normalizeGtin } from '../../src/normalize/index.js';

describe('normalizeGtin', () => {
  it('accepts GTIN-8, -12, -13 and -14 with a right check digit', () => {
    expect(normalizeGtin('96385074')).toEqual({ ok: true, gtin: '96385074', kind: 'GTIN-8' });
    expect(normalizeGtin('036000291452')).toEqual({ ok: true, gtin: '036000291452', kind: 'GTIN-12' });
    expect(normalizeGtin('4006381333931')).toEqual({ ok: true, gtin: '4006381333931', kind: 'GTIN-13' });
    expect(normalizeGtin('10012345678902')).toEqual({ ok: true, gtin: '10012345678902', kind: 'GTIN-14' });
    // Real codes from shop pages.
    expect(normalizeGtin('4054278533728')).toMatchObject({ ok: true });
    expect(normalizeGtin('190198419941')).toMatchObject({ ok: true, kind: 'GTIN-12' });
  });

  it('drops labels and separators printed around the digits', () => {
    expect(normalizeGtin('EAN: 4006381333931')).toMatchObject({ ok: true, gtin: '4006381333931' });
    expect(normalizeGtin('978-3-16-148410-0')).toMatchObject({ ok: true, gtin: '9783161484100' });
    expect(normalizeGtin(' 4 006381 333931 ')).toMatchObject({ ok: true, gtin: '4006381333931' });
    expect(normalizeGtin(4006381333931)).toMatchObject({ ok: true, gtin: '4006381333931' });
  });

  it('rejects a bad check digit with the reason', () => {
    const result = normalizeGtin('4006381333932');
    expect(result).toEqual({
      ok: false,
      reason: 'bad check digit: "4006381333932" ends in 2, its digits call for 1',
    });
  });

  it('rejects wrong lengths, letters and placeholders', () => {
    expect(normalizeGtin('12345')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('has 5 digits'),
    });
    expect(normalizeGtin('ABC123')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('other than digits'),
    });
    expect(normalizeGtin('0000000000000')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('placeholder'),
    });
    expect(normalizeGtin('')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeGtin(null)).toMatchObject({ ok: false });
  });

  it('converts a valid ISBN-10 to its ISBN-13, unless asked not to', () => {
    expect(normalizeGtin('ISBN 3-16-148410-X')).toEqual({
      ok: true,
      gtin: '9783161484100',
      kind: 'GTIN-13',
      fromIsbn10: '316148410X',
    });
    expect(normalizeGtin('0-306-40615-2')).toMatchObject({ ok: true, gtin: '9780306406157' });
    expect(normalizeGtin('0306406153')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ISBN-10'),
    });
    expect(normalizeGtin('0306406152', { isbn10: false })).toMatchObject({ ok: false });
  });

  it('computes GS1 check digits', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(isValidGtin('9780552173742')).toBe(true);
    expect(isValidGtin('9780552173743')).toBe(false);
  });
});
