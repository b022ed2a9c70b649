import { describe, expect, it } from 'vitest';
import { nonHtmlExtension } from '../../src/crawl/index.js';

describe('nonHtmlExtension', () => {
  it.each([
    ['https://a.test/files/catalog.pdf', 'pdf'],
    ['https://a.test/img/Photo.JPG?w=300', 'jpg'],
    ['https://a.test/app.js#x', 'js'],
    ['https://a.test/product/blue-shoe', null],
    ['https://a.test/page.html', null],
    ['https://a.test/v1.2/item', null],
    ['https://a.test/search?q=file.pdf', null],
    ['https://cdn.example.com', null],
  ])('%s → %s', (url, expected) => {
    expect(nonHtmlExtension(url)).toBe(expected);
  });
});
