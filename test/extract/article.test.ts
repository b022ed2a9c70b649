import { describe, expect, it } from 'vitest';
import {
  aggregateScores,
  extractArticle,
  extractArticleText,
  extractPage,
  parsePage,
  scorePage,
} from '../../src/extract/index.js';

const URL_ = 'https://news.example/2024/05/river-survey';
const article = (html: string) => extractArticleText(html, URL_);

const PARAGRAPHS = [
  'The survey of the river, begun in the spring, counted more than forty species of fish along the lower reaches, a number the team had not expected so close to the city.',
  'Volunteers waded into the shallows at dawn, carrying nets, notebooks and thermometers, and recorded the water temperature at every bend of the stream.',
  'The results, published on Monday, suggest that the clean-up of the old mill, finished two years ago, has brought back species that had been absent for decades.',
  'Further counts are planned for the autumn, when the salmon return, and the council has promised to publish the full data set on its website.',
];

/** A news page: navigation, a cookie banner, a share bar, related links, comments and a footer around it. */
function newsPage(body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')): string {
  return `<!doctype html><html lang="en"><head>
    <title>Fish return to the river | The Daily Example</title>
    <meta property="og:title" content="Fish return to the river">
  </head><body>
    <div class="cookie-banner">We use cookies to improve your experience. <a href="/privacy">Learn more</a></div>
    <header class="site-header"><a href="/">The Daily Example</a>
      <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
      <li><a href="/weather">Weather</a></li></ul></nav></header>
    <main><article>
      <h1>Fish return to the river</h1>
      <div class="byline">By Ann Writer, 12 May 2024</div>
      <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
      <div class="article-body">${body}</div>
      <aside class="related"><h3>Related stories</h3><ul>
        <li><a href="/a">Ducks are back on the canal, and they brought friends</a></li>
        <li><a href="/b">The mill that poisoned the river for a century, and how it was cleaned</a></li>
      </ul></aside>
    </article></main>
    <section id="comments"><h3>3 comments</h3>
      <div class="comment"><p>Great news! I used to fish there as a boy, and I never thought I would see salmon in it again in my lifetime.</p></div>
    </section>
    <footer><p>© 2024 The Daily Example. All rights reserved. Registered in England, company number 123456.</p></footer>
  </body></html>`;
}

describe('extractArticle: boilerplate', () => {
  it('keeps the paragraphs and leaves out navigation, banners, share bars, related links, comments and the footer', () => {
    const result = article(newsPage());
    expect(result).not.toBeNull();
    const text = result?.text ?? '';
    for (const paragraph of PARAGRAPHS) expect(text).toContain(paragraph);
    for (const boilerplate of [
      'cookies',
      'Sport',
      'Share on',
      'Related stories',
      'Ducks are back',
      'I used to fish there',
      'All rights reserved',
      'By Ann Writer',
    ]) {
      expect(text).not.toContain(boilerplate);
    }
  });

  it('separates paragraphs with a blank line, counts them and their words, and leaves the headline out', () => {
    const result = article(newsPage());
    expect(result?.text).toBe(PARAGRAPHS.join('\n\n'));
    expect(result?.paragraphs).toBe(4);
    expect(result?.wordCount).toBe(PARAGRAPHS.join(' ').split(/\s+/).length);
    expect(result?.title).toBe('Fish return to the river');
  });

  it('keeps subheadings and list items inside the article, list items one per line', () => {
    const body = `<p>${PARAGRAPHS[0]}</p><h2>What they found</h2><p>${PARAGRAPHS[1]}</p>
      <ul><li>Brown trout in the upper pools</li><li>Eels below the weir</li><li>Minnows everywhere</li></ul>
      <p>${PARAGRAPHS[2]}</p><p>${PARAGRAPHS[3]}</p>`;
    const text = article(newsPage(body))?.text ?? '';
    expect(text).toContain(`${PARAGRAPHS[0]}\n\nWhat they found\n\n${PARAGRAPHS[1]}`);
    expect(text).toContain('Brown trout in the upper pools\nEels below the weir\nMinnows everywhere');
  });

  it('leaves out inline links lists such as "Read more" between paragraphs, but keeps links inside prose', () => {
    const body = `<p>${PARAGRAPHS[0]}</p>
      <p>Read more: <a href="/x">Council votes to fund a new fish ladder at the old weir</a></p>
      <p>${PARAGRAPHS[1]} The <a href="/report">full report</a> is online.</p><p>${PARAGRAPHS[2]}</p>`;
    const text = article(newsPage(body))?.text ?? '';
    expect(text).not.toContain('fish ladder');
    expect(text).toContain('The full report is online.');
  });

  it('reads no hidden text: display:none, the hidden attribute, screen-reader-only text, tooltips', () => {
    const body = `<p>${PARAGRAPHS[0]}<span class="sr-only"> Opens in a new window</span></p>
      <p style="display: none">Secret draft paragraph that readers never see on the page at all.</p>
      <p hidden>Another hidden paragraph that is not meant for the reader of this page.</p>
      <p>${PARAGRAPHS[1]} <span class="tooltip">Tooltip text shown on hover only</span></p>
      <p>${PARAGRAPHS[2]}</p>`;
    const text = article(newsPage(body))?.text ?? '';
    for (const hidden of ['Opens in a new window', 'Secret draft', 'Another hidden', 'Tooltip text']) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain(PARAGRAPHS[2]);
  });

  it('joins an article split by an ad slot, leaving the ad out', () => {
    const body = `<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>
      <div class="ad-slot"><span>Advertisement</span><a href="https://ads.example/buy">Buy the new kettle now, half price, today only</a></div>
      <p>${PARAGRAPHS[2]}</p><p>${PARAGRAPHS[3]}</p>`;
    expect(article(newsPage(body))?.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('does not take a layout wrapper or a CMS topic class for boilerplate', () => {
    const html = `<html><body class="single has-sidebar cookies-not-set">
      <div class="layout-with-sidebar">
        <article class="post type-post status-publish tag-ads tag-social category-comments">
          ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}
        </article>
        <div class="sidebar"><h3>Popular</h3><p>Short teaser for another story on this site.</p></div>
      </div></body></html>`;
    expect(article(html)?.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('finds an article written in a language without spaces or Latin commas', () => {
    const zh = [
      '今年春天开始的河流调查，在下游发现了四十多种鱼类，这个数字让调查队感到意外，因为这里离城市很近。',
      '志愿者们在黎明时分走进浅滩，带着渔网、笔记本和温度计，记录下每一个河湾的水温。',
      '周一公布的结果表明，两年前完成的旧磨坊清理工作，使消失了几十年的物种重新回到了这里。',
    ];
    const html = `<html><body><nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
      <div class="content">${zh.map((p) => `<p>${p}</p>`).join('')}</div>
      <div class="footer"><a href="/about">关于我们</a> <a href="/contact">联系我们</a></div></body></html>`;
    expect(article(html)?.text).toBe(zh.join('\n\n'));
  });
});

describe('extractArticle: pages without an article', () => {
  it('returns null for a page with no text', () => {
    expect(
      article('<html><head><title>Empty</title></head><body><img src="a.png"></body></html>'),
    ).toBeNull();
    expect(article('')).toBeNull();
    expect(article('<html><body><script>document.write("x")</script></body></html>')).toBeNull();
  });

  it('returns little for a page of navigation only', () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/c/${i}">Category ${i}</a></li>`).join(
      '',
    );
    const result = article(`<html><body><nav><ul>${links}</ul></nav><footer>© Shop</footer></body></html>`);
    expect(result?.wordCount ?? 0).toBeLessThan(10);
  });
});

describe('extractArticle: JSON-LD articleBody', () => {
  const body = PARAGRAPHS.join('\n\n');
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    articleBody: body,
  });

  it('takes the articleBody when the page renders its text with script', () => {
    const html = `<html><head><title>Fish return | Example</title>
      <script type="application/ld+json">${jsonLd}</script></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="app">Loading…</div>
      <footer><p>Subscribe to our newsletter for weekly updates about the river and the town.</p></footer></body></html>`;
    const result = article(html);
    expect(result?.text).toBe(body);
    expect(result?.paragraphs).toBe(4);
  });

  it('takes the articleBody when the body is empty', () => {
    const html = `<html><head><script type="application/ld+json">${jsonLd}</script></head><body><div id="root"></div></body></html>`;
    expect(article(html)?.text).toBe(body);
  });

  it('steers to the element holding the articleBody when the scoring picked another', () => {
    // A long thread of reader posts outscores the short article, which is not a sibling of the thread;
    // the publisher's articleBody says which is the article.
    const posts = Array.from(
      { length: 30 },
      (_, i) =>
        `<div class="post"><p>Reader ${i} writes: the weir, the mill, the council, the salmon, the trout, the eels, the volunteers, all of it matters to the town, and we should celebrate it properly.</p></div>`,
    ).join('');
    const html = `<html><head><script type="application/ld+json">${jsonLd}</script></head><body>
      <div class="layout"><div class="left"><div class="story">${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></div>
      <div class="thread">${posts}</div></div></body></html>`;
    const withoutHint = article(html.replace(jsonLd, '{}'))?.text ?? '';
    expect(withoutHint).not.toContain(PARAGRAPHS[0]);
    const text = article(html)?.text ?? '';
    expect(text).toBe(PARAGRAPHS.join('\n\n'));
  });
});

describe('extractArticle: robustness', () => {
  it('survives a deeply nested document without overflowing the stack', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${PARAGRAPHS[0]}</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(article(html)?.text).toBe(PARAGRAPHS[0]);
  });

  it('survives deeply nested boilerplate and inline elements', () => {
    const html = `<body>${'<div class="ad"><span><a href="#">x '.repeat(5_000)}${'</a></span></div>'.repeat(5_000)}
      <div>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></body>`;
    expect(article(html)?.text).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('is linear on a huge page', () => {
    const html = `<body><div class="post">${PARAGRAPHS.map((p) => `<p>${p}</p>`)
      .join('')
      .repeat(2_000)}</div></body>`;
    const result = article(html);
    expect(result?.paragraphs).toBe(8_000);
  });

  it('reads a page without a body element, and broken markup', () => {
    expect(article(`<p>${PARAGRAPHS[0]}`)?.text).toBe(PARAGRAPHS[0]);
    expect(article(`<html><frameset><frame src="a.html"></frameset></html>`)).toBeNull();
    expect(article(`<div><p>${PARAGRAPHS[1]}<table><tr><td>cell</div></p>`)?.text).toContain(PARAGRAPHS[1]);
  });

  it('works on the one parse that extractPage makes, and reports the article in the page facts', () => {
    const facts = extractPage(newsPage(), { url: URL_ });
    expect(facts.article?.text).toBe(PARAGRAPHS.join('\n\n'));
    const page = parsePage(newsPage(), new URL(URL_));
    expect(extractArticle(page)).toEqual(facts.article);
  });
});

describe('shingle F1 (the article-extraction-benchmark metric)', () => {
  it("tokenizes as Python's Unicode \\w+: letters, numbers and underscore; combining marks split", () => {
    // Python: re.findall(r'\w+', 'हिन्दी café_bar ½ x²') == ['ह', 'न', 'द', 'café_bar', '½', 'x²']
    expect(scorePage('हिन्दी café_bar ½ x²', 'ह-न-द (café_bar) ½, x²!')).toMatchObject({
      precision: 1,
      recall: 1,
    });
    expect(scorePage('हिन्दी café_bar ½ x²', 'हिन्दी cafe_bar ½ x²').f1).toBe(0);
  });

  it('matches 4-gram shingles as multisets, normalized per page (figures from evaluate.py)', () => {
    expect(scorePage('a b c d a b c d', 'a b c d')).toMatchObject({ tp: 0.2, fp: 0, fn: 0.8, precision: 1 });
    expect(scorePage('a b c d a b c d', 'a b c d').recall).toBeCloseTo(0.2, 12);
    expect(scorePage('The cat sat on the mat today', 'The cat sat on the mat')).toMatchObject({
      precision: 1,
      recall: 0.75,
    });
    // Fewer than four tokens make one shingle of them all.
    expect(scorePage('x', 'x')).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('leaves pages out of a mean as the benchmark does, and takes F1 from the mean precision and recall', () => {
    const pages = [
      scorePage('a b c d a b c d', 'a b c d'),
      scorePage('The cat sat on the mat today', 'The cat sat on the mat'),
      scorePage('', 'nothing here at all'), // precision 0, no recall
      scorePage('x', 'x'),
      scorePage('', ''), // neither
      scorePage('hello world foo bar', ''), // recall 0, no precision
    ];
    const scores = aggregateScores(pages);
    expect(scores.precision).toBeCloseTo(0.75, 12);
    expect(scores.recall).toBeCloseTo(0.4875, 12);
    expect(scores.f1).toBeCloseTo(0.5909090909090908, 12);
    expect(scores.n).toBe(6);
  });
});
