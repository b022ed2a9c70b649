import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';
import { extractMetadata } from '../../src/extract/metadata.js';
import { createMetadataCollector } from '../../src/extract/metadata-signals.js';
import { parsePage } from '../../src/extract/parsed-page.js';

const PAGE_URL = 'https://news.example.com/2019/03/05/a-story?ref=home#top';
const metadataOf = (html: string, url = PAGE_URL) => extractPage(html, { url }).metadata;
const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('author', () => {
  it('reads a JSON-LD author given as a string, an object, or an array (joined with "and")', () => {
    const article = (author: unknown) => jsonLd({ '@type': 'NewsArticle', author });
    expect(metadataOf(article('Jane Doe')).author).toBe('Jane Doe');
    expect(metadataOf(article({ '@type': 'Person', name: 'Jane Doe' })).author).toBe('Jane Doe');
    expect(
      metadataOf(article([{ '@type': 'Person', name: 'Jane Doe' }, { name: 'John Roe' }, 'Jane Doe'])).author,
    ).toBe('Jane Doe and John Roe');
    expect(metadataOf(article({ '@type': 'Person', givenName: 'Jane', familyName: 'Doe' })).author).toBe(
      'Jane Doe',
    );
  });

  it('follows an @id reference inside a @graph, and reads the article before other nodes', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': '#page', author: { name: 'Page Owner' } },
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe' },
        { '@type': 'BlogPosting', author: { '@id': '#jane' } },
      ],
    };
    expect(metadataOf(jsonLd(graph)).author).toBe('Jane Doe');
  });

  it('skips a JSON-LD author that is a URL, and an article:author profile URL, for the next source', () => {
    const html = `${jsonLd({ '@type': 'Article', author: 'https://example.com/staff/jane' })}
      <meta property="article:author" content="https://www.facebook.com/jane">
      <meta name="author" content="Jane Doe">`;
    expect(metadataOf(html).author).toBe('Jane Doe');
  });

  it('reads Dublin Core and vendor author metas, but not a numeric id', () => {
    expect(metadataOf('<meta name="DC.creator" content="Jane Doe">').author).toBe('Jane Doe');
    expect(
      metadataOf('<meta name="page:author" content="27281"><meta name="sailthru.author" content="Gina Hall">')
        .author,
    ).toBe('Gina Hall');
  });

  it('reads microdata, then rel=author, then bylines, cleaning "By" and a trailing date', () => {
    expect(
      metadataOf('<div itemprop="author" itemscope><span itemprop="name">Jane Doe</span> Staff</div>').author,
    ).toBe('Jane Doe');
    expect(metadataOf('<p>by <a rel="author" href="/u/kyt">Kyt Dotson</a></p>').author).toBe('Kyt Dotson');
    expect(metadataOf('<div class="byline">By Tracey Lien April 30, 2016 3 AM PT</div>').author).toBe(
      'Tracey Lien',
    );
    expect(metadataOf('<p class="byline">Analysis by Jeff Foust Monday, November 18, 2019</p>').author).toBe(
      'Jeff Foust',
    );
    expect(
      metadataOf('<span class="post-author-name"><a href="/a/bc">Bruno Campos</a> -</span>').author,
    ).toBe('Bruno Campos');
  });

  it('holds visible bylines to two words and a short length, and ignores comment authors', () => {
    expect(metadataOf('<div class="author">admin</div>').author).toBeNull();
    expect(metadataOf(`<div class="author">${'very long words '.repeat(10)}</div>`).author).toBeNull();
    expect(metadataOf('<div class="comment-author">Jane Doe</div>').author).toBeNull();
    expect(metadataOf('<div class="externalAuthorizers">Sign in with Google</div>').author).toBeNull();
  });

  it('falls back to the Twitter handle last, without its "@"', () => {
    const html = '<meta name="twitter:creator" content="@segment"><div class="author">Jane Doe</div>';
    expect(metadataOf(html).author).toBe('Jane Doe');
    expect(metadataOf('<meta name="twitter:creator" content="@segment">').author).toBe('segment');
  });
});

describe('dates', () => {
  it('reads JSON-LD datePublished and dateModified of the main entity as instants', () => {
    const html = jsonLd([
      { '@type': 'VideoObject', uploadDate: '2016-04-28T10:30:01Z' },
      {
        '@type': 'NewsArticle',
        datePublished: '2016-05-24T07:00:00-0700',
        dateModified: 'Thu, May 26 2016 9:00 EDT',
      },
    ]);
    expect(metadataOf(html)).toMatchObject({
      date: '2016-05-24T14:00:00.000Z',
      dateModified: '2016-05-26T13:00:00.000Z',
    });
  });

  it('reads the OpenGraph, Dublin Core and itemprop metas, skipping values that are not dates', () => {
    const html = `<meta property="article:published_time" content="0000-00-00 00:00:00">
      <meta name="DC.date.issued" content="2019-03-05">
      <meta property="article:modified_time" content="not yet">
      <meta itemprop="dateModified" content="1551830400">`;
    expect(metadataOf(html)).toMatchObject({
      date: '2019-03-05T00:00:00.000Z',
      dateModified: '2019-03-06T00:00:00.000Z',
    });
  });

  it('ignores http-equiv Last-Modified: the time the response was made, not the content', () => {
    const html = '<meta http-equiv="Last-Modified" content="Wed, 25 May 2016 04:07:00 GMT">';
    expect(metadataOf(html, 'https://example.com/page').dateModified).toBeNull();
  });

  it('falls back to <time datetime>, preferring the one in the article', () => {
    const html = `<aside><time datetime="2020-01-01">old</time></aside>
      <article><time datetime="2019-03-05T10:00:00+01:00">5 March</time></article>`;
    expect(metadataOf(html, 'https://example.com/page').date).toBe('2019-03-05T09:00:00.000Z');
  });

  it('reads dates written in bylines and date-classed elements, then in the URL path', () => {
    const url = 'https://example.com/story';
    expect(metadataOf('<div class="date">Thursday, May 26, 2016</div>', url).date).toBe(
      '2016-05-26T12:00:00.000Z',
    );
    expect(metadataOf('<p class="post-meta">by <a rel="author">Kyt</a> | May 16, 2016</p>', url).date).toBe(
      '2016-05-16T12:00:00.000Z',
    );
    expect(metadataOf('<p>Nothing dated here.</p>').date).toBe('2019-03-05T12:00:00.000Z');
    expect(metadataOf('<p>Nothing dated here.</p>', 'https://example.com/1969/07/20/moon').date).toBeNull();
  });

  it('reads an ambiguous numeric date by the page language', () => {
    const html = (lang: string) => `<html lang="${lang}"><div class="date">03/04/2019</div></html>`;
    expect(metadataOf(html('en-US'), 'https://example.com/a').date).toBe('2019-03-04T12:00:00.000Z');
    expect(metadataOf(html('en-GB'), 'https://example.com/a').date).toBe('2019-04-03T12:00:00.000Z');
    expect(metadataOf(html('fr'), 'https://example.com/a').date).toBe('2019-04-03T12:00:00.000Z');
  });
});

describe('image', () => {
  it('prefers og:image:secure_url, resolves relative URLs, and drops the fragment', () => {
    const html = `<meta property="og:image" content="/img/a.jpg#x">
      <meta property="og:image:secure_url" content="">
      <meta name="twitter:image" content="https://cdn.example.com/b.jpg">`;
    expect(metadataOf(html).image).toBe('https://news.example.com/img/a.jpg');
  });

  it('falls back to the Twitter card, JSON-LD ImageObjects, and the article image behind a lazy loader', () => {
    expect(metadataOf('<meta name="twitter:image:src" content="//cdn.example.com/t.png">').image).toBe(
      'https://cdn.example.com/t.png',
    );
    const article = jsonLd({ '@type': 'Article', image: [{ '@type': 'ImageObject', url: '/lead.jpg' }] });
    expect(metadataOf(article).image).toBe('https://news.example.com/lead.jpg');
    const lazy = `<img src="/logo.png"><article><img src="data:image/gif;base64,R0lG" data-src="/hero.jpg"></article>`;
    expect(metadataOf(lazy).image).toBe('https://news.example.com/hero.jpg');
  });

  it('never takes a video or audio file, a javascript: URL, or a tracking pixel for the image', () => {
    const html = `<meta property="og:image" content="https://example.com/clip.mp4">
      <meta name="twitter:image" content="javascript:alert(1)">
      <img src="/pixel.gif" width="1" height="1"><img src="/photo.jpg">`;
    expect(metadataOf(html).image).toBe('https://news.example.com/photo.jpg');
  });
});

describe('logo', () => {
  it('reads og:logo and itemprop=logo first', () => {
    expect(metadataOf('<meta property="og:logo" content="/brand.png">').logo).toBe(
      'https://news.example.com/brand.png',
    );
    expect(metadataOf('<img itemprop="logo" src="/logo.svg"><link rel="icon" href="/f.png">').logo).toBe(
      'https://news.example.com/logo.svg',
    );
  });

  it('takes a square JSON-LD publisher logo, and passes over a wide wordmark for the icons', () => {
    const article = (width: number, height: number) =>
      jsonLd({
        '@type': 'NewsArticle',
        publisher: {
          '@type': 'Organization',
          logo: { '@type': 'ImageObject', url: '/mark.png', width, height },
        },
      });
    const icons = '<link rel="icon" href="/favicon-32.png" sizes="32x32">';
    expect(metadataOf(article(310, 310) + icons).logo).toBe('https://news.example.com/mark.png');
    expect(metadataOf(article(600, 60) + icons).logo).toBe('https://news.example.com/favicon-32.png');
    expect(metadataOf(article(600, 60)).logo).toBe('https://news.example.com/mark.png');
  });

  it('picks the biggest icon, touch icons and PNGs before ICOs and SVGs, square before not', () => {
    const html = `<link rel="shortcut icon" href="/favicon.ico">
      <link rel="icon" type="image/png" sizes="32x32" href="/favicon-32x32.png">
      <link rel="mask-icon" href="/pinned.svg">
      <link rel="apple-touch-icon" sizes="180x180" href="/apple-touch-icon.png">
      <link rel="icon" sizes="600x300" href="/wide.png">`;
    expect(metadataOf(html).logo).toBe('https://news.example.com/apple-touch-icon.png');
    expect(metadataOf('<link rel="icon" href="/favicon.ico"><link rel="icon" href="/f.svg">').logo).toBe(
      'https://news.example.com/f.svg',
    );
    expect(metadataOf('<meta name="msapplication-TileColor" content="#fff">').logo).toBeNull();
  });
});

describe('publisher', () => {
  it('reads a JSON-LD publisher named inline before og:site_name, and og:site_name before a referenced one', () => {
    const inline = jsonLd({
      '@type': 'NewsArticle',
      publisher: { '@type': 'Organization', name: 'ChannelPro' },
    });
    expect(metadataOf(`${inline}<meta property="og:site_name" content="channelpro">`).publisher).toBe(
      'ChannelPro',
    );
    const referenced = jsonLd({
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Becker Friedman Institute for Economics' },
        { '@type': 'WebPage', publisher: { '@id': '#org' } },
      ],
    });
    expect(metadataOf(`${referenced}<meta property="og:site_name" content="BFI">`).publisher).toBe('BFI');
    expect(metadataOf(referenced).publisher).toBe('Becker Friedman Institute for Economics');
  });

  it("falls back to the application name, the logo's alt text, then the <title>'s site part", () => {
    expect(metadataOf('<meta name="application-name" content="Engadget">').publisher).toBe('Engadget');
    expect(
      metadataOf('<div class="site-logo"><a href="/"><img src="/l.png" alt="Acme News"></a></div>').publisher,
    ).toBe('Acme News');
    expect(metadataOf('<title>A story | Acme News</title>').publisher).toBe('Acme News');
  });

  it('takes the end of the title that spells the host, else the end that is not the headline', () => {
    const url = 'http://smittenkitchen.com/blog/raita';
    expect(
      metadataOf('<title>raita salad | smitten kitchen</title><h1>smitten kitchen</h1>', url).publisher,
    ).toBe('smitten kitchen');
    expect(
      metadataOf('<title>Random Thoughts - awk driven IoT</title><h1>awk driven IoT</h1>').publisher,
    ).toBe('Random Thoughts');
    expect(metadataOf('<title>Just a title</title>').publisher).toBeNull();
  });
});

describe('url', () => {
  it('reads og:url, resolved, then twitter:url (also from a value attribute), then canonical', () => {
    expect(metadataOf('<meta property="og:url" content="/2019/03/05/a-story">').url).toBe(
      'https://news.example.com/2019/03/05/a-story',
    );
    expect(metadataOf('<meta name="twitter:url" value="https://news.example.com/s">').url).toBe(
      'https://news.example.com/s',
    );
    expect(metadataOf('<link rel="canonical" href="/canonical">').url).toBe(
      'https://news.example.com/canonical',
    );
  });

  it('passes over an og:url that points at the home page from a deeper page', () => {
    const html =
      '<meta property="og:url" content="https://news.example.com/"><link rel="canonical" href="/c">';
    expect(metadataOf(html).url).toBe('https://news.example.com/c');
  });

  it('falls back to the page URL without its fragment', () => {
    expect(metadataOf('<p>hi</p>').url).toBe('https://news.example.com/2019/03/05/a-story?ref=home');
  });
});

describe('audio and video', () => {
  it('takes og:video only when it is a video file or declared as one, not a player page', () => {
    expect(
      metadataOf('<meta property="og:video" content="https://www.youtube.com/embed/x">').video,
    ).toBeNull();
    const typed = `<meta property="og:video:url" content="https://cdn.example.com/stream">
      <meta property="og:video:type" content="video/mp4">`;
    expect(metadataOf(typed).video).toBe('https://cdn.example.com/stream');
    expect(metadataOf('<meta property="og:video" content="/v/clip.webm">').video).toBe(
      'https://news.example.com/v/clip.webm',
    );
  });

  it('reads JSON-LD media objects, <video>/<audio> and their sources', () => {
    const video = (contentUrl: string, encodingFormat?: string) =>
      metadataOf(jsonLd({ '@type': 'VideoObject', contentUrl, encodingFormat })).video;
    expect(video('https://cdn.example.com/v/clip.mp4')).toBe('https://cdn.example.com/v/clip.mp4');
    expect(video('https://cdn.example.com/v/manifest', 'video/mp4')).toBe(
      'https://cdn.example.com/v/manifest',
    );
    expect(video('https://edition.example.com/videos/2019/10/11/trade-talks.cnn')).toBeNull(); // a player page
    expect(
      metadataOf(jsonLd({ '@type': 'ImageObject', contentUrl: 'https://cdn.example.com/a.png' })).video,
    ).toBeNull();
    expect(
      metadataOf('<video><source src="/a.m3u8" type="application/x-mpegURL"><source src="/a.mp4"></video>')
        .video,
    ).toBe('https://news.example.com/a.m3u8');
    expect(
      metadataOf('<audio preload="none" src="https://cdn.example.com/ep1.mp3?aid=embed"></audio>').audio,
    ).toBe('https://cdn.example.com/ep1.mp3?aid=embed');
    expect(metadataOf('<video src="blob:https://news.example.com/1"></video>').video).toBeNull();
  });

  it('takes a link to an audio file, but not a path that merely ends in an extension-like word', () => {
    expect(metadataOf('<a href="/files/episode-4.mp3">Download</a>').audio).toBe(
      'https://news.example.com/files/episode-4.mp3',
    );
    expect(metadataOf('<a href="/preference/edition/au">Australia edition</a>').audio).toBeNull();
  });
});

describe('description and title', () => {
  it('prefers the Twitter card to the plain description, and falls back to JSON-LD', () => {
    const html = `<meta name="description" content="A site about cooking.">
      <meta name="twitter:description" content="Cucumber raita, inverted.">`;
    expect(metadataOf(html).description).toBe('Cucumber raita, inverted.');
    expect(
      metadataOf(jsonLd({ '@type': 'Recipe', description: 'Tom &amp; Jerry’s salad' })).description,
    ).toBe('Tom & Jerry’s salad');
  });

  it('falls back to the JSON-LD headline and the first <h1> when there is no <title>', () => {
    expect(metadataOf(jsonLd({ '@type': 'Article', headline: 'Headline' })).title).toBe('Headline');
    expect(metadataOf('<h1> First </h1><h1>Second</h1>').title).toBe('First');
  });
});

describe('robustness', () => {
  it('gives the same metadata with the walk-time signals as without them', () => {
    const html = `<html lang="en"><title>Story | Site</title><div class="byline">By Jane Doe, May 5, 2019</div>
      <video><source src="/v.mp4"></video></html>`;
    const url = new URL('https://example.com/story');
    const collector = createMetadataCollector();
    const walked = parsePage(html, url, [collector.visit]);
    expect(extractMetadata(walked, { signals: collector.signals })).toEqual(
      extractMetadata(parsePage(html, url)),
    );
  });

  it('survives broken and hostile JSON-LD', () => {
    const deep = `${'{"@type": "Article", "image": {"url": '.repeat(3000)}"x"${'}}'.repeat(3000)}`;
    const html = `<script type="application/ld+json">{"@type": "Article", "author": </script>
      <script type="application/ld+json">${deep}</script>
      ${jsonLd({ '@type': 'Article', author: { '@id': '#missing' }, datePublished: { nope: 1 }, image: [null, 7] })}`;
    expect(metadataOf(html)).toMatchObject({ author: null, date: '2019-03-05T12:00:00.000Z', image: null });
  });
});
