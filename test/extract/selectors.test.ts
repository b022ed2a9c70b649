import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import { compileSelectors, extractPage, MAX_SELECTORS } from '../../src/extract/index.js';

const PAGE = `<html><head><base href="https://cdn.example/shop/"></head><body>
  <h1 class="title"> Blue
     kettle </h1>
  <span class="price">€ 12,50</span><span class="price"> </span><span class="price">€ 9</span>
  <img class="main" src="img/kettle.jpg" data-zoom=" big.jpg ">
  <a class="more" href="/more">More <script>ignored()</script>info</a>
  <a class="mail" href="mailto:shop@example.com">Mail</a><p class="w@lg">Wide</p>
</body></html>`;

function invalidField(spec: Record<string, unknown>): { field: string; message: string } {
  try {
    compileSelectors(spec as Record<string, string>);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    const { field, message } = error as InvalidInputError;
    return { field, message };
  }
  throw new Error('expected compileSelectors to throw');
}

describe('custom selectors', () => {
  it('selects normalized text, or an attribute, resolving href and src against the base', () => {
    const selectors = compileSelectors({
      title: 'h1.title',
      price: '.price',
      image: 'img.main@src',
      zoom: 'img.main@data-zoom',
      more: 'a.more@HREF',
      moreText: 'a.more',
      mail: 'a[href^="mailto:shop@example.com"]@href',
      missing: '.nothing',
      noAttribute: 'h1@data-none',
      escaped: '.w\\@lg',
    });
    expect(selectors.names).toEqual([
      'title',
      'price',
      'image',
      'zoom',
      'more',
      'moreText',
      'mail',
      'missing',
      'noAttribute',
      'escaped',
    ]);
    const facts = extractPage(PAGE, { url: 'https://shop.example/p/1', selectors });
    expect({ ...facts.selected }).toEqual({
      title: ['Blue kettle'],
      price: ['€ 12,50', '€ 9'],
      image: ['https://cdn.example/shop/img/kettle.jpg'],
      zoom: ['big.jpg'],
      more: ['https://cdn.example/more'],
      moreText: ['More info'],
      mail: ['mailto:shop@example.com'],
      missing: [],
      noAttribute: [],
      escaped: ['Wide'],
    });
  });

  it('is compiled once and reused across pages without carrying state over', () => {
    const selectors = compileSelectors({ item: 'ul > li:not(.ad)' });
    const first = extractPage('<ul><li>a</li><li class="ad">x</li><li>b</li></ul>', {
      url: 'https://a.example/',
      selectors,
    });
    const second = extractPage('<ul><li>c</li></ul><ol><li>no</li></ol>', {
      url: 'https://b.example/',
      selectors,
    });
    expect(first.selected['item']).toEqual(['a', 'b']);
    expect(second.selected['item']).toEqual(['c']);
  });

  it('rejects a selector that does not parse, naming it, the complaint and the fix', () => {
    const { field, message } = invalidField({ price: '.price', broken: 'div[' });
    expect(field).toBe('selectors.broken');
    expect(message).toContain('"div["');
    expect(message).toContain('Expected name');
    expect(message).toContain('for example "img.main@src"');
    expect(invalidField({ p: 'p:unknown-pseudo' }).message).toContain('Unknown pseudo-class');
    expect(invalidField({ p: 'p::before' }).field).toBe('selectors.p');
  });

  it('rejects an empty selector, an attribute without an element, and a non-string', () => {
    expect(invalidField({ a: '  ' }).field).toBe('selectors.a');
    expect(invalidField({ a: '@href' }).message).toContain('names an attribute but no element');
    expect(invalidField({ a: 42 }).message).toContain('a number');
  });

  it('rejects empty and unusable names', () => {
    expect(invalidField({ '': 'p' }).field).toBe('selectors.');
    expect(invalidField({ 'two words': 'p' }).field).toBe('selectors.two words');
    expect(invalidField({ '1st': 'p' }).message).toContain('starts with a letter');
    expect(invalidField(JSON.parse('{"__proto__": "p"}') as Record<string, unknown>).field).toBe(
      'selectors.__proto__',
    );
  });

  it('rejects a spec that is not an object, or has too many selectors', () => {
    expect(invalidField(null as unknown as Record<string, unknown>).field).toBe('selectors');
    const many = Object.fromEntries(Array.from({ length: MAX_SELECTORS + 1 }, (_, i) => [`s${i}`, 'p']));
    expect(invalidField(many).message).toContain(`at most ${MAX_SELECTORS}`);
  });
});
