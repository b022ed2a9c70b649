import { describe, expect, it } from 'vitest';
import { absoluteImageUrls } from '../../src/normalize/index.js';

describe('absoluteImageUrls', () => {
  it('resolves against the page, keeps http(s) only, drops fragments and duplicates', () => {
    expect(
      absoluteImageUrls(
        [
          '/img/a.jpg',
          'https://cdn.example/a.jpg#zoom',
          '//cdn.example/b.png',
          'data:image/png;base64,AAAA',
          '/img/a.jpg',
        ],
        'https://shop.example/p/1',
      ),
    ).toEqual(['https://shop.example/img/a.jpg', 'https://cdn.example/a.jpg', 'https://cdn.example/b.png']);
  });

  it('leaves out placeholders and what is no URL', () => {
    expect(
      absoluteImageUrls(['/static/spacer.gif', '/i/1x1.png', 42, '', 'http://[bad'], 'https://shop.example/'),
    ).toEqual([]);
  });

  it('keeps at most twenty', () => {
    const many = Array.from({ length: 30 }, (_, i) => `/img/${i}.jpg`);
    expect(absoluteImageUrls(many, 'https://shop.example/')).toHaveLength(20);
  });
});
