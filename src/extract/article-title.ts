import type { PageBlocks, TextBlock } from './article-blocks.js';
import type { ParsedPage } from './parsed-page.js';
import { normalizeWhitespace, textOf } from './text.js';

/** Separators between a headline and the site name in a `<title>`: "Headline | Site", "Site - Headline". */
const TITLE_SEPARATOR = /\s+[|–—·•»«:-]\s+|\s+::\s+/;
const WORD = /[\p{L}\p{N}]+/gu;
/** Share of a heading's words found in the page title for the two to name the same article. */
const MIN_TITLE_OVERLAP = 0.6;
const MIN_SEGMENT_WORDS = 3;

/**
 * The article's headline: the `<h1>` nearest the article text when it agrees with the page's own title
 * (`og:title`, `<title>`), else that title, stripped of the site name it usually carries.
 */
export function articleTitle(page: ParsedPage, blocks: PageBlocks, kept: readonly number[]): string | null {
  const pageTitle = declaredTitle(page);
  const first = kept[0] ?? 0;
  const last = kept[kept.length - 1] ?? blocks.blocks.length - 1;
  let heading: TextBlock | null = null;
  let distance = Infinity;
  for (let i = 0; i <= last && i < blocks.blocks.length; i += 1) {
    const block = blocks.blocks[i] as TextBlock;
    if (block.heading !== 1) continue;
    const d = Math.abs(first - i);
    if (d < distance) {
      heading = block;
      distance = d;
    }
  }
  if (heading !== null && (pageTitle === null || overlap(heading.text, pageTitle) >= MIN_TITLE_OVERLAP)) {
    return heading.text;
  }
  return pageTitle === null ? null : withoutSiteName(pageTitle);
}

function declaredTitle(page: ParsedPage): string | null {
  for (const meta of page.index.metas) {
    const property = meta.attribs['property'] ?? meta.attribs['name'];
    if (property?.toLowerCase() !== 'og:title') continue;
    const content = normalizeWhitespace(meta.attribs['content'] ?? '');
    if (content !== '') return content;
  }
  const title = page.index.title === null ? '' : textOf(page.index.title);
  return title === '' ? null : title;
}

function withoutSiteName(title: string): string {
  const segments = title.split(TITLE_SEPARATOR);
  if (segments.length < 2) return title;
  let longest = '';
  for (const segment of segments) if (segment.length > longest.length) longest = segment;
  return (longest.match(WORD)?.length ?? 0) >= MIN_SEGMENT_WORDS ? longest.trim() : title;
}

/** The share of `text`'s words that `reference` also has, case-folded. */
function overlap(text: string, reference: string): number {
  const words = text.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return 0;
  const known = new Set(reference.toLowerCase().match(WORD) ?? []);
  let shared = 0;
  for (const word of words) if (known.has(word)) shared += 1;
  return shared / words.length;
}
