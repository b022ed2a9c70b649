import { renderDocument } from './layout.js';
import type { RenderContext } from './render-context.js';
import { jsonForScript } from './text.js';
import type { DemoLabTruth } from './types.js';

/** `/lab/seo`: language alternates, a skipped heading level, images without alt, tiny links, an Article. */

export const LAB_SEO_PATH = '/lab/seo';
const GERMAN = 'https://example.org/de/lab/seo';

export function labSeoTruth(origin: string): Omit<DemoLabTruth['seo'], 'path'> {
  return {
    hreflang: [
      { lang: 'en', url: `${origin}${LAB_SEO_PATH}` },
      { lang: 'de', url: GERMAN },
      { lang: 'x-default', url: `${origin}${LAB_SEO_PATH}` },
    ],
    skippedLevels: ['h1>h3'],
    schemaTypes: ['Article', 'Person'],
    missingAlt: 2,
    smallTapTargets: 5,
  };
}

const PARAGRAPHS = [
  'Search engines read a page much as a careful visitor does: the title and description first, then the headings, the main text, the links and the images. Each of these says what the page is about, and each can be written well or badly.',
  'A good title names the page in a few words and ends with the site name. A good description says in one or two sentences what a reader will find. Both appear in search results, so they decide whether anyone clicks.',
  'Headings give the page its outline. One main heading names the page; second-level headings divide it; third-level headings divide those sections again. Skipping a level leaves a reader, or a screen reader, guessing how the parts belong together.',
  'Images need a text alternative that says what they show. Without one, a search engine sees a file name and a blind reader hears nothing at all. Decorative images are the exception: an empty alternative tells both to pass over them.',
  'Links should be large enough to tap on a phone and far enough apart that a thumb does not hit the wrong one. Links crowded into a tiny line of small text are the most common mobile problem we find.',
  'Finally, a page that exists in several languages should say so with language alternates, so that each reader is sent to the version in their own language, and one canonical address should name the page itself.',
];

export function renderLabSeo(ctx: RenderContext): string {
  const self = ctx.absolute(LAB_SEO_PATH);
  const head = `<link rel="alternate" hreflang="en" href="${self}">
<link rel="alternate" hreflang="de" href="${GERMAN}">
<link rel="alternate" hreflang="x-default" href="${self}">
<style>.tiny-links { list-style: none; padding: 0; display: flex; gap: 2px; } .tiny-links a { font-size: 9px; line-height: 10px; display: inline-block; }</style>
<script type="application/ld+json">
${jsonForScript({
  '@context': 'https://schema.org',
  '@type': 'Article',
  headline: 'How search engines read a page',
  author: { '@type': 'Person', name: 'Demo Editor' },
  datePublished: '2024-03-01',
})}
</script>
`;
  const main = `<article>
<h1>How search engines read a page</h1>
${PARAGRAPHS.slice(0, 3)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
<h3>Images and links</h3>
<img src="/images/banners/hero.jpg" width="600" height="200">
<img src="/images/banners/team.jpg" alt="" width="600" height="200">
${PARAGRAPHS.slice(3)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
<ul class="tiny-links"><li><a href="/about">a</a></li><li><a href="/contact">c</a></li><li><a href="/blog">b</a></li><li><a href="/brands">br</a></li><li><a href="/status">s</a></li></ul>
</article>`;
  return renderDocument(
    ctx,
    {
      path: LAB_SEO_PATH,
      title: 'How search engines read a page',
      description:
        'Titles, descriptions, headings, alt text, tap targets and language alternates: what search engines read and how to write each well.',
      ogType: 'article',
      head,
    },
    main,
  );
}
