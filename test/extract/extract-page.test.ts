import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import { extractPage } from '../../src/extract/index.js';

const URL_ = 'https://www.shop.example/products/42?ref=home';
const extract = (html: string, url = URL_) => extractPage(html, { url });

describe('extractPage: metadata', () => {
  const page = `<!doctype html>
    <html lang="en-GB"><head>
      <meta charset="UTF-8">
      <title>  Blue   Kettle &amp; Cups | Shop </title>
      <meta name="description" content=" A blue
        kettle. ">
      <meta name="robots" content="index, follow">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="WordPress 6.4">
      <link rel="stylesheet" href="/s.css">
      <link rel="Canonical" href="/products/42#top">
    </head><body><h1>Blue kettle</h1></body></html>`;

  it('reads every field from its usual place, whitespace-normalized and entity-decoded', () => {
    expect(extract(page).metadata).toEqual({
      title: 'Blue Kettle & Cups | Shop',
      description: 'A blue kettle.',
      author: null,
      date: null,
      dateModified: null,
      image: null,
      logo: null,
      publisher: 'Shop',
      lang: 'en-GB',
      url: 'https://www.shop.example/products/42',
      canonicalUrl: 'https://www.shop.example/products/42',
      audio: null,
      video: null,
      robots: 'index, follow',
      viewport: 'width=device-width, initial-scale=1',
      charset: 'utf-8',
      generator: 'WordPress 6.4',
    });
  });

  it('prefers the OpenGraph title and description, as the page presents itself when shared', () => {
    const facts = extract(`<html><head><title>Kettle | Shop</title>
      <meta name="description" content="plain"><meta property="og:title" content="Kettle">
      <meta property="og:description" content="shared"></head></html>`);
    expect(facts.metadata.title).toBe('Kettle');
    expect(facts.metadata.description).toBe('shared');
  });

  it('falls back to twitter:title, then content-language and og:locale for the language', () => {
    const facts = extract(`<head><meta name="twitter:title" content="Tweeted">
      <meta http-equiv="Content-Language" content="de-AT, en"></head>`);
    expect(facts.metadata.title).toBe('Tweeted');
    expect(facts.metadata.lang).toBe('de-AT');
    expect(
      extract('<html lang="{{ lang }}"><meta property="og:locale" content="pt_BR"></html>').metadata.lang,
    ).toBe('pt-BR');
  });

  it('reads the charset from the http-equiv content type', () => {
    expect(
      extract('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">').metadata.charset,
    ).toBe('iso-8859-1');
  });

  it('gives null for everything an empty or non-HTML input does not say, and the page URL for its URL', () => {
    for (const html of ['', 'just text', '<<<>>>', '\u0000\u0001']) {
      const facts = extract(html);
      const { url, ...rest } = facts.metadata;
      expect(url).toBe(URL_);
      expect(Object.values(rest).every((value) => value === null)).toBe(true);
      expect(facts.jsonLd).toEqual([]);
      expect(facts.links).toEqual([]);
    }
  });

  it('takes the document title, not an SVG title', () => {
    expect(extract('<body><svg><title>icon</title></svg></body>').metadata.title).toBeNull();
    expect(extract('<svg><title>icon</title></svg><title>Real</title>').metadata.title).toBe('Real');
  });
});

describe('extractPage: meta', () => {
  it('lists every named meta under its lower-cased key, in document order, under each name it carries', () => {
    const facts = extract(`<head>
      <meta property="og:image" content="/a.jpg"><meta property="OG:Image" content="/b.jpg">
      <meta name="og:title" property="og:title" content="Both">
      <meta itemprop="price" content=" 12.50 "><meta http-equiv="X-UA-Compatible" content="IE=edge">
      <meta name="no-content"><meta name="__proto__" content="safe"></head>`);
    expect(Object.keys(facts.meta)).toEqual([
      'og:image',
      'og:title',
      'price',
      'x-ua-compatible',
      '__proto__',
    ]);
    expect(facts.meta['og:image']).toEqual(['/a.jpg', '/b.jpg']);
    expect(facts.meta['og:title']).toEqual(['Both']);
    expect(facts.meta['price']).toEqual(['12.50']);
    expect(facts.meta['x-ua-compatible']).toEqual(['IE=edge']);
    // A key like any other, not a prototype.
    expect(Object.getOwnPropertyDescriptor(facts.meta, '__proto__')?.value).toEqual(['safe']);
  });
});

describe('extractPage: links', () => {
  it('resolves against the page URL, drops fragments and non-web schemes, and marks internal links', () => {
    const facts = extract(`<body>
      <a href="/cart#top">Cart</a>
      <a href="https://shop.example/about" rel="Nofollow  noopener">About <b>us</b></a>
      <a href="//cdn.other.example/x">CDN</a>
      <a href="javascript:void(0)">JS</a><a href="mailto:a@b.example">Mail</a>
      <a href="tel:+1">Tel</a><a href="data:text/html,hi">Data</a><a name="anchor">no href</a>
      <a href="http://[bad">Bad</a>
      <a href="?page=2&amp;sort=asc"><img src="next.png" alt="Next page"></a>
    </body>`);
    expect(facts.links).toEqual([
      { url: 'https://www.shop.example/cart', text: 'Cart', rel: [], internal: true },
      { url: 'https://shop.example/about', text: 'About us', rel: ['nofollow', 'noopener'], internal: true },
      { url: 'https://cdn.other.example/x', text: 'CDN', rel: [], internal: false },
      {
        url: 'https://www.shop.example/products/42?page=2&sort=asc',
        text: 'Next page',
        rel: [],
        internal: true,
      },
    ]);
  });

  it('resolves against <base href>, itself relative to the page', () => {
    const facts = extract(`<head><base href="/catalog/"><base href="https://ignored.example/"></head>
      <body><a href="item?id=1">Item</a><img src="pic.jpg"></body>`);
    expect(facts.links[0]?.url).toBe('https://www.shop.example/catalog/item?id=1');
    expect(facts.images[0]?.src).toBe('https://www.shop.example/catalog/pic.jpg');
  });

  it('ignores a base that is not a web URL', () => {
    expect(extract('<base href="javascript:alert(1)"><a href="x">x</a>').links[0]?.url).toBe(
      'https://www.shop.example/products/x',
    );
  });
});

describe('extractPage: images', () => {
  it('resolves sources, falls back to lazy-loading attributes, and reports the alt state', () => {
    const facts = extract(`<body>
      <img src="/a.jpg" alt=" Red  mug ">
      <img src="b.jpg" alt="">
      <img src="c.jpg">
      <img data-src="/lazy.jpg" alt="lazy">
      <img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="x">
      <img src="data:image/gif;base64,R0lGOD">
      <img alt="no source">
    </body>`);
    expect(facts.images).toEqual([
      { src: 'https://www.shop.example/a.jpg', alt: 'Red mug', altState: 'present' },
      { src: 'https://www.shop.example/products/b.jpg', alt: '', altState: 'empty' },
      { src: 'https://www.shop.example/products/c.jpg', alt: null, altState: 'missing' },
      { src: 'https://www.shop.example/lazy.jpg', alt: 'lazy', altState: 'present' },
      { src: 'https://www.shop.example/real.jpg', alt: 'x', altState: 'present' },
    ]);
  });
});

describe('extractPage: headings and word count', () => {
  it('lists h1-h6 with normalized text, empty ones included', () => {
    const facts = extract('<h1> Main <small>title</small></h1><h3>Deep<br>er</h3><h2></h2><h7>not one</h7>');
    expect(facts.headings).toEqual([
      { level: 1, text: 'Main title' },
      { level: 3, text: 'Deep er' },
      { level: 2, text: '' },
    ]);
  });

  it('counts visible body words only', () => {
    const facts = extract(`<html><head><title>Not counted</title><style>p { color: red }</style></head>
      <body><p>One two<b>three</b></p><li>four</li><li>five-six</li>
      <script>var notCounted = 1;</script><noscript>not counted</noscript><template><p>not counted</p></template>
      <div hidden>not counted</div><div style="display: none">not counted</div>
      <p>don't 3.5 €</p><p>日本語</p></body></html>`);
    // One, two·three (inline, one word), four, five-six, don't, 3.5, 日, 本, 語
    expect(facts.wordCount).toBe(9);
  });

  it('counts each Han or kana character as a word, and does not let Latin letters swallow them', () => {
    expect(extract('<p>iPhone用戶請注意 • 50€ — ★ </p>').wordCount).toBe(7);
  });
});

describe('extractPage: malformed markup', () => {
  it('survives unclosed and misnested tags', () => {
    const facts = extract(
      '<html><body><div><p>Open <a href="/x">link <b>bold</p></div><h2>After<img src=i.png alt=ok',
    );
    expect(facts.links.map((link) => link.url)).toEqual(['https://www.shop.example/x']);
    expect(facts.headings[0]?.level).toBe(2);
    expect(facts.wordCount).toBeGreaterThan(0);
  });

  it('walks a pathologically deep tree without overflowing the stack', () => {
    // Deeper than a recursive walk survives with Node's default stack (about 10,000 frames).
    const depth = 30_000;
    const facts = extract(`${'<div>'.repeat(depth)}<a href="/deep">deep</a>`);
    expect(facts.links).toHaveLength(1);
    expect(facts.wordCount).toBe(1);
  });

  it('decodes entities in text and attributes, but not in scripts', () => {
    const facts = extract(`<title>Tom &amp; Jerry&#39;s &eacute;t&eacute;</title>
      <a href="/q?a=1&amp;b=2">x &lt; y</a>
      <script type="application/ld+json">{"name": "A &amp; B"}</script>`);
    expect(facts.metadata.title).toBe("Tom & Jerry's été");
    expect(facts.links[0]).toMatchObject({ url: 'https://www.shop.example/q?a=1&b=2', text: 'x < y' });
    expect(facts.jsonLd).toEqual([{ name: 'A &amp; B' }]);
  });
});

describe('extractPage: options', () => {
  it('rejects a page URL that is not absolute, naming the field', () => {
    expect(() => extract('<p>x</p>', '/relative')).toThrow(InvalidInputError);
    try {
      extract('<p>x</p>', 'not a url');
    } catch (error) {
      expect(error).toMatchObject({ field: 'url', policy: 'invalid-input' });
    }
  });

  it('gives an empty selection when no selectors are given', () => {
    expect(extract('<p>x</p>').selected).toEqual({});
  });
});
