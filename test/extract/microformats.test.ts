// Expected values checked against mf2py (extruct's microformats parser, alt texts on) when written.
import { describe, expect, it } from 'vitest';
import { extractStructuredData } from '../../src/extract/index.js';

const microformats = (html: string, url?: string): unknown =>
  JSON.parse(
    JSON.stringify(
      extractStructuredData(html, { ...(url === undefined ? {} : { url }), syntaxes: ['microformat'] })
        .microformat,
    ),
  );

const PAGE = `<html><head><base href="/blog/"></head><body>
  <div class="h-card"><img src="me.jpg" alt="Ann"><a href="https://ann.example">Ann Example</a></div>
  <article class="h-entry"><h1 class="p-name">Title</h1><time class="dt-published" datetime="2013-06-13 9:00pm">13 June</time>
    <span class="dt-updated"><span class="value">2013-06-14</span> <span class="value">10:30am</span></span>
    <a class="p-author h-card" href="/ann">Ann</a><div class="e-content"><p>Hello <b>world</b></p><br>  <img src="x.png"></div>
    <a class="u-url" href="post-1">link</a></article>
  <div class="vcard"><span class="fn">Bob</span> <a class="url" href="http://bob.example">site</a></div>
  <div class="hentry"><h2 class="entry-title">Old post</h2><a rel="tag" href="/tags/news%20today">news</a>
    <a rel="bookmark" href="/p/1">#</a><div class="entry-content">Body</div></div>
  <div class="h-full w-full">Tailwind</div>
</body></html>`;

describe('microformats', () => {
  it('reads mf2 items, implied properties, the value-class pattern and classic microformats as mf2py does', () => {
    expect(microformats(PAGE, 'https://e.com/x/p')).toEqual([
      {
        type: ['h-card'],
        properties: {
          name: ['Ann Ann Example'],
          photo: [{ value: 'https://e.com/blog/me.jpg', alt: 'Ann' }],
          url: ['https://ann.example'],
        },
      },
      {
        type: ['h-entry'],
        properties: {
          name: ['Title'],
          published: ['2013-06-13 21:00'],
          updated: ['2013-06-14 10:30'],
          author: [
            { type: ['h-card'], properties: { name: ['Ann'], url: ['https://e.com/ann'] }, value: 'Ann' },
          ],
          content: [
            {
              html: '<p>Hello <b>world</b></p><br/> <img src="x.png"/>',
              value: 'Hello world\n https://e.com/blog/x.png',
            },
          ],
          url: ['https://e.com/blog/post-1'],
        },
      },
      { type: ['h-card'], properties: { name: ['Bob'], url: ['http://bob.example'] } },
      {
        type: ['h-entry'],
        properties: {
          name: ['Old post'],
          category: ['news today'],
          url: ['https://e.com/p/1'],
          content: [{ html: 'Body', value: 'Body' }],
        },
      },
      // Utility CSS classes look like microformats; extruct reads them as such, and so do we.
      { type: ['h-full'], properties: { name: ['Tailwind'] } },
    ]);
  });

  it('keeps relative URLs as written without a page URL', () => {
    const items = microformats('<div class="h-card"><img src="/me.jpg"><a href="about">Ann</a></div>');
    expect(items).toEqual([
      { type: ['h-card'], properties: { name: ['Ann'], photo: ['/me.jpg'], url: ['about'] } },
    ]);
  });

  it('survives pathological nesting and odd classes', () => {
    // Deeper than a naive recursive parse survives (three frames a level, about 10,000 frames of stack).
    const depth = 5_000;
    const deep = `<div class="h-entry">${'<div class="p-x h-y">'.repeat(depth)}z`;
    expect(() => microformats(deep)).not.toThrow();
    expect(() =>
      microformats('<div class="h- h-- p- vcard value-title" title><span class="value">'),
    ).not.toThrow();
  });
});
