import { describe, expect, it } from 'vitest';
import { cleanMpn, cleanSku } from '../../src/normalize/index.js';

describe('cleanSku and cleanMpn', () => {
  it('keep the code as the shop writes it', () => {
    expect(cleanSku('924/9556')).toBe('924/9556');
    expect(cleanSku(' VEI22G013-K11 ')).toBe('VEI22G013-K11');
    expect(cleanSku('603.471.02')).toBe('603.471.02');
    expect(cleanSku(94037710)).toBe('94037710');
    expect(cleanMpn('MQ2Y2SL/A')).toBe('MQ2Y2SL/A');
    expect(cleanMpn('HMP 2000')).toBe('HMP 2000');
  });

  it('drop labels, quotes and hashes around it', () => {
    expect(cleanSku('SKU: 46286401')).toBe('46286401');
    expect(cleanSku('Art.-Nr.: 4711-0815')).toBe('4711-0815');
    expect(cleanSku('Артикул: 73556')).toBe('73556');
    expect(cleanSku('"B00SVBPJI8"')).toBe('B00SVBPJI8');
    expect(cleanSku('# 12345')).toBe('12345');
    expect(cleanMpn('Model: A157S546')).toBe('A157S546');
    expect(cleanMpn('akg-008.')).toBe('akg-008');
  });

  it('keep the code that opens a code-and-name value', () => {
    expect(cleanSku('TE502955-1293415 Housse de canapé, chaise, fauteuil')).toBe('TE502955-1293415');
  });

  it('refuse placeholders, sentences and names without digits as part numbers', () => {
    for (const junk of ['null', 'undefined', 'N/A', '-', '0', '{{ product.sku }}', '', '   '])
      expect(cleanSku(junk)).toBeNull();
    expect(cleanSku('This product is one of our best sellers this year')).toBeNull();
    expect(cleanSku('x'.repeat(80))).toBeNull();
    expect(cleanMpn('Banqueta Marilyn')).toBeNull();
    expect(cleanSku({})).toBeNull();
  });
});
