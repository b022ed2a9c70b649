// Expected values checked against extruct 0.14 (pyRdfa 3.5) on the same pages when written.
import { RdfaParser } from 'rdfa-streaming-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractStructuredData } from '../../src/extract/index.js';

const rdfa = (html: string, url?: string): unknown =>
  JSON.parse(
    JSON.stringify(
      extractStructuredData(html, { ...(url === undefined ? {} : { url }), syntaxes: ['rdfa'] }).rdfa,
    ),
  );

const XHV = 'http://www.w3.org/1999/xhtml/vocab#';
const SCHEMA = 'http://schema.org/';

describe('RDFa', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads a page as extruct does: OpenGraph metas, roles, vocabularies, lists and native literals', () => {
    const html = `<html prefix="ex: http://example.org/ns#"><head>
      <meta property="og:title" content="T"><meta property="fb:app_id" content="1"><meta property="og" content="BAD">
      <meta property="article:published_time" content="2020"><link rel="stylesheet" href="s.css"><link rel="license" href="/lic">
      </head><body><div role="main" id="m">x</div><nav role="navigation">y</nav>
      <div vocab="http://schema.org/" typeof="Product"><span property="name">Anvil</span>
        <span property="offers" typeof="Offer"><meta property="price" content="9" datatype="xsd:integer">
        <meta property="ok" content="true" datatype="xsd:boolean"></span>
        <ol><li property="step" inlist>a</li><li property="step" inlist>b</li></ol><a property="url" href="/p">p</a>
        <p property="description">Some <!-- hidden --> text</p></div></body></html>`;
    expect(rdfa(html, 'https://e.com/p')).toEqual([
      {
        '@id': 'https://e.com/p',
        'http://ogp.me/ns#title': [{ '@value': 'T' }],
        'http://ogp.me/ns/fb#app_id': [{ '@value': '1' }],
        'http://ogp.me/ns/article#published_time': [{ '@value': '2020' }],
        [`${XHV}license`]: [{ '@id': 'https://e.com/lic' }],
        'http://www.w3.org/ns/rdfa#usesVocabulary': [{ '@id': SCHEMA }],
      },
      {
        '@id': '_:b0',
        '@type': [`${SCHEMA}Product`],
        [`${SCHEMA}name`]: [{ '@value': 'Anvil' }],
        [`${SCHEMA}offers`]: [{ '@id': '_:b1' }],
        [`${SCHEMA}url`]: [{ '@id': 'https://e.com/p' }],
        // pyRdfa, on extruct's tree, counts comment text in a literal.
        [`${SCHEMA}description`]: [{ '@value': 'Some  hidden  text' }],
        [`${SCHEMA}step`]: [{ '@list': [{ '@value': 'a' }, { '@value': 'b' }] }],
      },
      {
        '@id': '_:b1',
        '@type': [`${SCHEMA}Offer`],
        [`${SCHEMA}price`]: [{ '@value': 9 }],
        [`${SCHEMA}ok`]: [{ '@value': true }],
      },
      // Roles are read apart from the parser: their triples come last.
      { '@id': 'https://e.com/p#m', [`${XHV}role`]: [{ '@id': `${XHV}main` }] },
      { '@id': '_:b4', [`${XHV}role`]: [{ '@id': `${XHV}navigation` }] },
    ]);
  });

  it('names a role subject base#id by concatenation, as pyRdfa does, even with a fragment in the base', () => {
    expect(rdfa('<div role="search" id="f">x</div>', 'https://e.com/p?q=1#start')).toEqual([
      { '@id': 'https://e.com/p?q=1#start#f', [`${XHV}role`]: [{ '@id': `${XHV}search` }] },
    ]);
  });

  it('follows RDFa 1.0 documents where real pages differ: reserved rel words, no prefix attribute, no role', () => {
    const html = `<html version="XHTML+RDFa 1.0" xmlns:dc="http://purl.org/dc/terms/" prefix="og: http://ogp.me/ns#">
      <head><link rel="stylesheet" href="s.css"><meta property="og:title" content="T"><meta property="dc:title" content="D">
      </head><body><div role="main">x</div></body></html>`;
    expect(rdfa(html, 'https://e.com/p')).toEqual([
      {
        '@id': 'https://e.com/p',
        [`${XHV}stylesheet`]: [{ '@id': 'https://e.com/s.css' }],
        'http://purl.org/dc/terms/title': [{ '@value': 'D' }],
      },
    ]);
  });

  it('replays only what matters from our parse: nothing for a page without RDFa, the head path for metas', () => {
    const open = vi.spyOn(RdfaParser.prototype, 'onTagOpen');
    const body = '<div><p>text</p><ul><li><a href="/x">x</a></li></ul></div>'.repeat(50);
    expect(rdfa(`<html><head><title>t</title></head><body>${body}</body></html>`)).toEqual([]);
    expect(open).not.toHaveBeenCalled();
    const withMetas = `<html><head><title>t</title><meta property="og:title" content="A">
      <meta property="og:type" content="website"></head><body>${body}</body></html>`;
    expect(rdfa(withMetas, 'https://e.com/')).toHaveLength(1);
    expect(open.mock.calls.map(([name]) => name)).toEqual(['html', 'head', 'meta', 'meta']);
  });

  it('never throws on broken markup or bad IRIs', () => {
    const html = `<div about="http://[bad" typeof="::" property="a:b:c" rel=":" resource="[_:]">
      <span property="http://x y" content="v"><p xmlns:="" prefix=": :"><i rev="x:" inlist>`;
    expect(() => rdfa(html, 'https://e.com/')).not.toThrow();
    expect(() => rdfa(html)).not.toThrow();
  });
});
