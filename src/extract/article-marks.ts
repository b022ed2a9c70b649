import type { Element } from 'domhandler';
import type { MarkLink, PageBlocks, TextBlock } from './article-blocks.js';
import { STRONG_MARK } from './article-hints.js';
import { total } from './article-sums.js';

/**
 * Which boilerplate marks to believe. A class word is a hint, not a verdict: `sidebar`, `footer` or
 * `widget` on an element holding the article's paragraphs names a layout, not what the element holds.
 */

/** A block this long with few links is prose; the share of it under a marked element decides the mark. */
const PROSE_MIN_CHARS = 50;
const PROSE_MAX_LINK_DENSITY = 0.33;
/** A marked element holding more of the page's prose than this is a layout wrapper, not boilerplate. */
const WEAK_MARK_MAX_SHARE = 0.5;
const STRONG_MARK_MAX_SHARE = 0.9;
/** …or this many paragraphs of prose: a sidebar does not hold five paragraphs, an article part does. */
const WEAK_MARK_MAX_PARAGRAPHS = 5;

/**
 * Marks not to trust: a "sidebar" or "footer" element holding most of the page's prose, or several
 * paragraphs of it, is a layout wrapper around the article (or a part of it), not boilerplate; a
 * "comments" or "share" element is trusted unless it holds nearly all of the prose.
 */
export function voidedMarks(page: PageBlocks): Set<Element> {
  const n = page.blocks.length;
  const proseChars = new Float64Array(n + 1);
  const proseBlocks = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1) {
    const block = page.blocks[i] as TextBlock;
    const isProse =
      block.heading === 0 &&
      block.chars >= PROSE_MIN_CHARS &&
      block.linkChars <= block.chars * PROSE_MAX_LINK_DENSITY;
    proseChars[i + 1] = (proseChars[i] as number) + (isProse ? block.chars : 0);
    proseBlocks[i + 1] = (proseBlocks[i] as number) + (isProse ? 1 : 0);
  }
  const all = proseChars[n] as number;
  const voided = new Set<Element>();
  if (all === 0) return voided;
  for (const element of page.marked) {
    const span = page.spans.get(element);
    if (span === undefined) continue;
    const share = total(proseChars, span.start, span.end) / all;
    const trusted =
      span.mark === STRONG_MARK
        ? share <= STRONG_MARK_MAX_SHARE
        : share <= WEAK_MARK_MAX_SHARE && total(proseBlocks, span.start, span.end) < WEAK_MARK_MAX_PARAGRAPHS;
    if (!trusted) voided.add(element);
  }
  return voided;
}

/**
 * For each block, its innermost trusted mark: the boilerplate element it sits in, or `null`. Resolved
 * once per link of the mark chains (memoized), so that nested marks cost nothing per block.
 */
export function effectiveMarks(page: PageBlocks, voided: ReadonlySet<Element>): (Element | null)[] {
  const resolved = new Map<MarkLink, Element | null>();
  const pending: MarkLink[] = [];
  return page.blocks.map((block) => {
    let link = block.mark;
    let found: Element | null = null;
    while (link !== null) {
      const known = resolved.get(link);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (!voided.has(link.element)) {
        found = link.element;
        resolved.set(link, found);
        break;
      }
      pending.push(link);
      link = link.outer;
    }
    for (const visited of pending) resolved.set(visited, found);
    pending.length = 0;
    return found;
  });
}
