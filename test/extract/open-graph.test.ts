import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';

const openGraphOf = (html: string) => extractPage(html, { url: 'https://example.com/' }).openGraph;

describe('OpenGraph', () => {
  it('keeps well-known vocabularies in document order, repeated properties repeated', () => {
    expect(
      openGraphOf(`<html><head>
        <meta property="og:title" content="Kettle"><meta property="og:image" content="/a.jpg">
        <meta property="og:image" content="/b.jpg"><meta property="product:price:amount" content="12.50">
        <meta property="twitter:card" content="summary"><meta name="og:description" content="name, not property">
        <meta property="og:empty">
      </head><body></body></html>`),
    ).toEqual([
      {
        namespace: { og: 'http://ogp.me/ns#', product: 'http://ogp.me/ns/product#' },
        properties: [
          ['og:title', 'Kettle'],
          ['og:image', '/a.jpg'],
          ['og:image', '/b.jpg'],
          ['product:price:amount', '12.50'],
        ],
      },
    ]);
  });

  it('takes prefixes declared on <html> and <head>; a well-known prefix keeps its standard URI', () => {
    expect(
      openGraphOf(`<html prefix="fb: http://ogp.me/ns/fb# og: https://example.com/og#">
        <head prefix="shop: http://shop.example/ns#">
        <meta property="fb:app_id" content="1"><meta property="shop:sku" content="K-1">
        <meta property="og:type" content="product"><meta property="other:x" content="dropped">
      </head></html>`),
    ).toEqual([
      {
        namespace: { fb: 'http://ogp.me/ns/fb#', og: 'http://ogp.me/ns#', shop: 'http://shop.example/ns#' },
        properties: [
          ['fb:app_id', '1'],
          ['shop:sku', 'K-1'],
          ['og:type', 'product'],
        ],
      },
    ]);
  });

  it('gives the head and the body an item each; metas nested deeper are not OpenGraph', () => {
    expect(
      openGraphOf(`<html><head><meta property="og:title" content="Head"></head>
        <body><meta property="og:title" content="Body"><div><meta property="og:title" content="Nested"></div></body></html>`),
    ).toEqual([
      { namespace: { og: 'http://ogp.me/ns#' }, properties: [['og:title', 'Head']] },
      { namespace: { og: 'http://ogp.me/ns#' }, properties: [['og:title', 'Body']] },
    ]);
  });

  it('counts metas of a page without an explicit <head> as the head (where a browser puts them)', () => {
    expect(openGraphOf('<meta property="og:title" content="No head"><p>text</p>')).toEqual([
      { namespace: { og: 'http://ogp.me/ns#' }, properties: [['og:title', 'No head']] },
    ]);
  });

  it('keeps values as written, entities decoded', () => {
    expect(
      openGraphOf('<head><meta property="og:title" content=" Tom &amp; Jerry "></head>')[0]?.properties,
    ).toEqual([['og:title', ' Tom & Jerry ']]);
  });

  it('is empty without OpenGraph', () => {
    expect(openGraphOf('<head><meta name="description" content="x"></head>')).toEqual([]);
  });
});
