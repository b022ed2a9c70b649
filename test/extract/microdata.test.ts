import { describe, expect, it } from 'vitest';
import { extractStructuredData, type StructuredDataOptions } from '../../src/extract/index.js';
import { MAX_ITEM_DEPTH } from '../../src/extract/microdata.js';

const microdata = (html: string, options: Omit<StructuredDataOptions, 'syntaxes'> = {}): unknown =>
  JSON.parse(JSON.stringify(extractStructuredData(html, { ...options, syntaxes: ['microdata'] }).microdata));

describe('microdata: values by element', () => {
  it('reads each element kind as the W3C rules (and extruct) say', () => {
    const html = `<div itemscope itemtype="http://schema.org/Thing">
      <meta itemprop="m" content="meta value">
      <img itemprop="img" src=" pic.jpg ">
      <img itemprop="lazy" content="lazy.jpg">
      <a itemprop="a" href="page">link text</a>
      <link itemprop="link" href="http://schema.org/InStock">
      <audio itemprop="audio" src="a.mp3"></audio>
      <object itemprop="object" data="o.swf"></object>
      <data itemprop="data" value="42">forty-two</data>
      <meter itemprop="meter" value="0.5">half</meter>
      <time itemprop="time" datetime="2020-01-02">2 January</time>
      <time itemprop="timeNoAttr">2 January</time>
      <span itemprop="content" content="from content">from text</span>
      <span itemprop="text">  plain
        text </span>
      <img itemprop="emptySrc" src="">
    </div>`;
    expect(microdata(html, { url: 'https://shop.example/dir/p' })).toEqual([
      {
        type: 'http://schema.org/Thing',
        properties: {
          m: 'meta value',
          img: 'https://shop.example/dir/pic.jpg',
          lazy: 'https://shop.example/dir/lazy.jpg',
          a: 'https://shop.example/dir/page',
          link: 'http://schema.org/InStock',
          audio: 'https://shop.example/dir/a.mp3',
          object: 'https://shop.example/dir/o.swf',
          data: '42',
          meter: '0.5',
          time: '2020-01-02',
          timeNoAttr: '',
          content: 'from content',
          text: 'plain text',
          emptySrc: '',
        },
      },
    ]);
  });

  it('keeps relative URLs as written when there is no base, and absolute ones unnormalized', () => {
    const html = `<div itemscope><a itemprop="rel" href="/x?y=1">x</a><a itemprop="abs" href="HTTP://Example.COM">y</a></div>`;
    expect(microdata(html)).toEqual([{ properties: { rel: '/x?y=1', abs: 'HTTP://Example.COM' } }]);
    expect(microdata(html, { url: 'https://shop.example/a/b' })).toEqual([
      { properties: { rel: 'https://shop.example/x?y=1', abs: 'HTTP://Example.COM' } },
    ]);
  });

  it('describes schema.org action inputs', () => {
    const html = `<div itemscope itemtype="https://schema.org/SearchAction">
      <input itemprop="query-input" name="q" required><input itemprop="x-output"></div>`;
    expect(microdata(html)).toEqual([
      {
        type: 'https://schema.org/SearchAction',
        properties: { 'query-input': { valueRequired: true, valueName: 'q' }, 'x-output': {} },
      },
    ]);
  });

  it('lays text out as html-text does: blocks on lines, no space before punctuation, scripts dropped', () => {
    const html = `<div itemscope><div itemprop="t"><h2>Title</h2><p>One <b>two</b>, three<script>x()</script>.</p>
      <ul><li>a</li><li>b</li></ul>(<i>note</i>)</div></div>`;
    expect(microdata(html)).toEqual([{ properties: { t: 'Title\n\nOne two, three.\n\na\nb\n\n(note)' } }]);
  });
});

describe('microdata: items', () => {
  const product = `<div itemscope itemtype="http://schema.org/Product" itemid=" urn:x ">
    <span itemprop="name">Anvil</span>
    <div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">9</span></div>
    <span itemprop="name">Anvil II</span>
  </div>`;

  it('nests items, lists repeated properties and takes itemid', () => {
    expect(microdata(product)).toEqual([
      {
        type: 'http://schema.org/Product',
        id: 'urn:x',
        properties: {
          name: ['Anvil', 'Anvil II'],
          offers: { type: 'http://schema.org/Offer', properties: { price: '9' } },
        },
      },
    ]);
  });

  it('strict mode: type and every value are lists', () => {
    expect(microdata(product, { strict: true })).toEqual([
      {
        type: ['http://schema.org/Product'],
        id: 'urn:x',
        properties: {
          name: ['Anvil', 'Anvil II'],
          offers: [{ type: ['http://schema.org/Offer'], properties: { price: ['9'] } }],
        },
      },
    ]);
  });

  it('flat mode: every item listed with its iid, nested ones referenced by iid_ref', () => {
    expect(microdata(product, { nested: false })).toEqual([
      {
        iid: 1,
        type: 'http://schema.org/Product',
        id: 'urn:x',
        properties: { name: ['Anvil', 'Anvil II'], offers: { iid_ref: 2 } },
      },
      { iid: 2, type: 'http://schema.org/Offer', properties: { price: '9' } },
    ]);
  });

  it('adds the laid-out text with addTextContent', () => {
    const items = microdata('<p itemscope><b itemprop="n">Ann</b> is here</p>', { addTextContent: true });
    expect(items).toEqual([{ properties: { n: 'Ann' }, textContent: 'Ann is here' }]);
  });

  it('an item without properties stands for its own value', () => {
    expect(microdata('<a itemscope href="/x">x</a>')).toEqual([{ value: '/x' }]);
  });
});

describe('microdata: itemref', () => {
  it('brings in the referenced properties, the referenced element itself when it is a property', () => {
    const html = `<div itemscope itemref="extra more"><span itemprop="a">1</span></div>
      <p id="extra"><span itemprop="b">2</span></p><span id="more" itemprop="c">3</span>`;
    expect(microdata(html)).toEqual([{ properties: { a: '1', b: '2', c: '3' } }]);
  });

  it('ends itemref cycles instead of looping (each item is read once)', () => {
    const html = `<div id="a" itemscope itemref="b"><span itemprop="x">1</span></div>
      <div id="b" itemscope itemprop="y" itemref="a b"><span itemprop="z">2</span></div>`;
    // As extruct: b's reference to a brings a's own properties; its reference to itself gives null.
    expect(microdata(html)).toEqual([
      { properties: { x: '1', y: { properties: { z: '2', x: '1', y: null } } } },
    ]);
    expect(microdata(html, { nested: false })).toEqual([
      { iid: 1, properties: { x: '1', y: { iid_ref: 2 } } },
      { iid: 2, properties: { z: '2', x: '1', y: { iid_ref: 2 } } },
    ]);
  });

  it('survives a reference to its own ancestor and to ids that do not exist', () => {
    const html = `<section id="top"><div itemscope itemprop="self" itemref="top missing"><b itemprop="n">x</b></div></section>`;
    expect(microdata(html)).toEqual([{ properties: { n: 'x', self: null } }]);
  });
});

describe('microdata: pathological pages', () => {
  it('reads deeply nested items without overflowing the stack; the deepest surface as items of their own', () => {
    const depth = 3 * MAX_ITEM_DEPTH;
    const html = `${'<div itemscope itemprop="child">'.repeat(depth)}<b itemprop="leaf">x</b>${'</div>'.repeat(depth)}`;
    const items = microdata(html) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(1);
    expect(JSON.stringify(items)).toContain('"leaf":"x"');
  });

  it('never throws on odd attributes', () => {
    const html = `<div itemscope itemtype="" itemprop="" itemref=""><meta itemscope itemprop>
      <span itemprop=" a  b ">v</span><link itemscope itemprop="l"><img itemprop="i"></div>`;
    expect(microdata(html)).toEqual([{ properties: { a: 'v', b: 'v', l: { value: '' }, i: '' } }]);
  });
});
