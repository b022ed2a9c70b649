// The structured-data API and extruct's "uniform" forms (expected values checked against extruct's
// uniform.py on the same input when written).
import { describe, expect, it } from 'vitest';
import {
  extractPage,
  extractStructuredData,
  extractStructuredDataFromPage,
  parsePage,
  SYNTAXES,
  type Syntax,
} from '../../src/extract/index.js';
import { uniformDublinCore, uniformItems, uniformOpenGraph } from '../../src/extract/uniform.js';

describe('extractStructuredData', () => {
  const PAGE = `<html><head><meta property="og:title" content="T"><meta name="DC.title" content="D">
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/">
    <script type="application/ld+json">{"@type": "Thing"}</script></head>
    <body><div itemscope itemtype="http://schema.org/Thing"><a itemprop="url" href="/t">t</a></div>
    <div class="h-card">Ann</div></body></html>`;

  it('gives a key per syntax asked for, all of them by default', () => {
    const all = extractStructuredData(PAGE, { url: 'https://e.com/p' });
    expect(Object.keys(all).sort()).toEqual([...SYNTAXES].sort());
    expect(all['json-ld']).toEqual([{ '@type': 'Thing' }]);
    expect(all.microdata).toEqual([
      { type: 'http://schema.org/Thing', properties: { url: 'https://e.com/t' } },
    ]);
    expect(all.microformat).toEqual([{ type: ['h-card'], properties: { name: ['Ann'] } }]);
    expect(all.dublincore).toEqual([
      {
        namespaces: { DC: 'http://purl.org/dc/elements/1.1/' },
        elements: [{ name: 'DC.title', content: 'D', URI: 'http://purl.org/dc/elements/1.1/title' }],
        terms: [],
      },
    ]);
    expect(Object.keys(extractStructuredData(PAGE, { syntaxes: ['rdfa', 'opengraph'] }))).toEqual([
      'rdfa',
      'opengraph',
    ]);
  });

  it('reads a page extractPage already parsed, with or without the walk’s scan', () => {
    const page = parsePage(PAGE, new URL('https://e.com/p'));
    expect(extractStructuredDataFromPage(page)).toEqual(
      extractStructuredData(PAGE, { url: 'https://e.com/p' }),
    );
  });

  it('puts microdata, RDFa, microformats and Dublin Core in the page facts', () => {
    const facts = extractPage(PAGE, { url: 'https://e.com/p' });
    const data = extractStructuredData(PAGE, { url: 'https://e.com/p' });
    expect(facts.microdata).toEqual(data.microdata);
    expect(facts.rdfa).toEqual(data.rdfa);
    expect(facts.microformats).toEqual(data.microformat);
    expect(facts.dublinCore).toEqual(data.dublincore);
  });

  it('refuses an unknown syntax or a relative page URL, naming the fix', () => {
    expect(() => extractStructuredData(PAGE, { syntaxes: ['rdf' as Syntax] })).toThrow(
      /Unknown syntax "rdf"/,
    );
    expect(() => extractStructuredData(PAGE, { url: '/relative' })).toThrow(/not an absolute URL/);
  });

  it('never throws on what a page contains', () => {
    for (const html of [
      '',
      '\u0000\uffff<<>>',
      '<html itemscope itemref="x" property vocab role class="h-x vcard">',
    ]) {
      expect(() => extractStructuredData(html, { url: 'https://e.com/' })).not.toThrow();
    }
  });
});

describe('uniform forms', () => {
  const og = [
    {
      namespace: { og: 'http://ogp.me/ns#' },
      properties: [
        ['og:title', 'A'],
        ['og:image', ''],
        ['og:image', '1.jpg'],
        ['og:image', '2.jpg'],
        ['og:type', 'product'],
        ['og:title', 'B'],
        ['og:desc', ' '],
      ] as [string, string][],
    },
  ];

  it('OpenGraph: the first non-empty value of each property, or all of them with withOgArray', () => {
    expect(uniformOpenGraph(og, false)).toEqual([
      {
        'og:title': 'A',
        'og:image': '1.jpg',
        'og:desc': ' ',
        '@type': 'product',
        '@context': og[0]?.namespace,
      },
    ]);
    expect(uniformOpenGraph(og, true)).toEqual([
      {
        'og:title': ['A', 'B'],
        'og:image': ['1.jpg', '2.jpg'],
        'og:desc': ' ',
        '@type': 'product',
        '@context': og[0]?.namespace,
      },
    ]);
  });

  it('microdata: @context and @type from the type IRI, properties flattened; untyped items kept as they are', () => {
    const items = [
      {
        type: 'http://schema.org/Product',
        id: 'urn:1',
        properties: {
          offers: [{ type: 'http://schema.org/Offer', properties: { price: '9' } }, 'x'],
          brand: { properties: { name: 'ACME' } },
        },
      },
      { type: ['http://a.org/T', 'http://b.org/U'], properties: { n: '1' } },
      { type: 'http://rdf.data-vocabulary.org/#Product', properties: {} },
    ];
    expect(uniformItems(items, 'http://schema.org')).toEqual([
      {
        id: 'urn:1',
        '@type': 'Product',
        '@context': 'http://schema.org',
        offers: [{ '@type': 'Offer', price: '9' }, 'x'],
        brand: { properties: { name: 'ACME' } },
      },
      { '@type': ['http://a.org/T', 'http://b.org/U'], '@context': 'http://schema.org', n: '1' },
      { '@type': 'Product', '@context': 'http://rdf.data-vocabulary.org/' },
    ]);
  });

  it('Dublin Core: the type element becomes @type (skipping the next element, as extruct does)', () => {
    const dc = [
      {
        namespaces: {},
        elements: [
          { name: 'DC.type', content: 'Text', URI: 'u' },
          { name: 'DC.Type', content: 'Image', URI: 'u' },
          { name: 'title', content: 'T', URI: 'u' },
        ],
        terms: [],
      },
    ];
    expect(uniformDublinCore(dc)).toEqual([
      {
        elements: [
          { name: 'DC.Type', content: 'Image', URI: 'u' },
          { name: 'title', content: 'T', URI: 'u' },
        ],
        terms: [],
        '@context': {},
        '@type': 'Text',
      },
    ]);
  });
});
