import { isTag, type Document, type Element } from 'domhandler';
import type { PageBlocks, TextBlock } from './article-blocks.js';
import { articleBodyHint } from './article-hints.js';
import { linkDensity, type BlockSums } from './article-sums.js';

/**
 * Which part of the page holds the article: Readability's candidate scoring over our text blocks. Every
 * paragraph-like block gives points (two, one per comma, one per hundred characters up to three) to its
 * container and, halving and thirding, to the ancestors above; each candidate's points are scaled by
 * its link density and weighted by what its tag and class say. The best candidate, widened to an
 * ancestor when several strong candidates share it, plus the siblings that score close to it, is the
 * article.
 */

export interface SelectionOptions {
  /** Leave out of the scoring the blocks under boilerplate-marked elements (Readability's "unlikelys"). */
  skipMarked: boolean;
  /** Weigh candidates by their class and id words. */
  weighClasses: boolean;
}

export interface Selection {
  /** The top candidate and the siblings joined to it, in document order (or the whole page). */
  roots: (Element | Document)[];
}

const MAX_ANCESTOR_LEVELS = 5;
const TOP_CANDIDATES = 5;
const MIN_PARAGRAPH_CHARS = 25;
const MIN_ALTERNATIVES = 3;
const TAG_SCORES: ReadonlyMap<string, number> = new Map([
  ['div', 5],
  ['article', 10],
  ['main', 5],
  ['pre', 3],
  ['td', 3],
  ['blockquote', 3],
  ['address', -3],
  ['ol', -3],
  ['ul', -3],
  ['dl', -3],
  ['dd', -3],
  ['dt', -3],
  ['li', -3],
  ['form', -3],
  ['h1', -5],
  ['h2', -5],
  ['h3', -5],
  ['h4', -5],
  ['h5', -5],
  ['h6', -5],
  ['th', -5],
]);
/** A bonus for the element the markup names as the article body: schema.org `articleBody`, a CMS class. */
const BODY_HINT_BONUS = [0, 15, 40] as const;

export function selectContent(
  page: PageBlocks,
  sums: BlockSums,
  root: Element | Document,
  marks: readonly (Element | null)[],
  options: SelectionOptions,
): Selection {
  const { blocks, spans } = page;
  const above = ancestorsOf(root);
  const raw = new Map<Element, number>();
  const initialScore = (element: Element): number => {
    const hints = spans.get(element)?.hints ?? page.hints.read(element);
    let score = TAG_SCORES.get(element.name) ?? 0;
    if (options.weighClasses) score += hints.weight;
    return score + BODY_HINT_BONUS[articleBodyHint(element, hints)];
  };

  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] as TextBlock;
    if (block.heading > 0 || block.inList || block.chars < MIN_PARAGRAPH_CHARS) continue;
    if (options.skipMarked && marks[i] !== null) continue;
    const points = 2 + block.commas + Math.min(Math.floor(block.chars / 100), 3);
    let element: Element | null = paragraphParent(page, i, block);
    for (let level = 0; level < MAX_ANCESTOR_LEVELS && element !== null; level += 1) {
      // The root's ancestors (`<html>`) are not candidates, as in Readability.
      if (above.has(element)) break;
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      raw.set(element, (raw.get(element) ?? initialScore(element)) + points / divider);
      if (element === root) break;
      element = parentElement(element);
    }
  }
  // Nothing reads as a paragraph: the whole page, for the filters to sort out (Readability does the same).
  if (raw.size === 0) return { roots: [root] };

  const scores = new Map<Element, number>();
  const top: Element[] = [];
  for (const [element, score] of raw) {
    const span = spans.get(element);
    const density = span === undefined ? 0 : linkDensity(sums, span.start, span.end);
    const final = score * (1 - density);
    scores.set(element, final);
    insertTop(top, element, scores);
  }

  let best = top[0];
  if (best === undefined || best === root) return { roots: [root] };
  best = widenToSharedAncestor(best, top, scores, root);
  if (!scores.has(best)) scores.set(best, initialScore(best));
  best = climbToBetterParent(best, scores, root);
  // A lone child: its parent's siblings are the ones worth joining.
  for (let parent = parentElement(best); parent !== null && parent !== root; parent = parentElement(best)) {
    if (elementChildren(parent).length !== 1) break;
    best = parent;
  }
  if (!scores.has(best)) scores.set(best, initialScore(best));
  return { roots: joinSiblings(best, page, sums, scores) };
}

/** Where a paragraph's points go first: its parent, or the container itself for loose text in a `div`. */
function paragraphParent(page: PageBlocks, index: number, block: TextBlock): Element | null {
  const owner = block.owner;
  const span = page.spans.get(owner);
  // A container with other blocks in it holds this text as one of its paragraphs (Readability wraps such
  // text in a `<p>`); a container of this text alone is the paragraph.
  if (span !== undefined && span.end - span.start > 1 && owner.name !== 'p') return owner;
  let parent = parentElement(owner);
  // A `<div>` around a single paragraph is the paragraph (Readability unwraps it).
  while (parent !== null && parent.name === 'div') {
    const parentSpan = page.spans.get(parent);
    if (parentSpan === undefined || parentSpan.start !== index || parentSpan.end !== index + 1) break;
    if (elementChildren(parent).length !== 1) break;
    parent = parentElement(parent);
  }
  return parent;
}

function insertTop(top: Element[], element: Element, scores: ReadonlyMap<Element, number>): void {
  const score = scores.get(element) as number;
  let i = top.length;
  while (i > 0 && (scores.get(top[i - 1] as Element) as number) < score) i -= 1;
  if (i >= TOP_CANDIDATES) return;
  top.splice(i, 0, element);
  if (top.length > TOP_CANDIDATES) top.pop();
}

/** Several candidates nearly as good as the best, under one ancestor: the article is that ancestor. */
function widenToSharedAncestor(
  best: Element,
  top: readonly Element[],
  scores: ReadonlyMap<Element, number>,
  root: Element | Document,
): Element {
  const bestScore = scores.get(best) as number;
  const alternatives: Set<Element>[] = [];
  for (let i = 1; i < top.length; i += 1) {
    const candidate = top[i] as Element;
    if ((scores.get(candidate) as number) / bestScore >= 0.75) alternatives.push(ancestorsOf(candidate));
  }
  if (alternatives.length < MIN_ALTERNATIVES) return best;
  for (let parent = parentElement(best); parent !== null && parent !== root; parent = parentElement(parent)) {
    let holding = 0;
    for (const ancestors of alternatives) if (ancestors.has(parent)) holding += 1;
    if (holding >= MIN_ALTERNATIVES) return parent;
  }
  return best;
}

/** Readability: a parent scoring higher than the child on the way up holds more of the article. */
function climbToBetterParent(
  best: Element,
  scores: ReadonlyMap<Element, number>,
  root: Element | Document,
): Element {
  let lastScore = scores.get(best) as number;
  const threshold = lastScore / 3;
  for (let parent = parentElement(best); parent !== null && parent !== root; parent = parentElement(parent)) {
    const score = scores.get(parent);
    if (score === undefined) continue;
    if (score < threshold) break;
    if (score > lastScore) return parent;
    lastScore = score;
  }
  return best;
}

const SENTENCE_END = /\.( |$)/;

function joinSiblings(
  best: Element,
  page: PageBlocks,
  sums: BlockSums,
  scores: ReadonlyMap<Element, number>,
): Element[] {
  const parent = parentElement(best);
  if (parent === null) return [best];
  const bestScore = scores.get(best) as number;
  const threshold = Math.max(10, bestScore * 0.2);
  const bestClass = best.attribs['class'] ?? '';
  const roots: Element[] = [];
  for (const sibling of elementChildren(parent)) {
    if (sibling === best) {
      roots.push(sibling);
      continue;
    }
    const bonus = bestClass !== '' && sibling.attribs['class'] === bestClass ? bestScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      roots.push(sibling);
      continue;
    }
    // A paragraph: a `<p>`, or an element holding nothing but one run of text (Readability's div-to-p).
    const span = page.spans.get(sibling);
    if (span === undefined || span.end - span.start !== 1) continue;
    const block = page.blocks[span.start] as TextBlock;
    if (block.owner !== sibling && sibling.name !== 'p') continue;
    const text = block.text;
    const density = linkDensity(sums, span.start, span.end);
    if (text.length > 80 ? density < 0.25 : density === 0 && SENTENCE_END.test(text)) roots.push(sibling);
  }
  return roots;
}

export function parentElement(element: Element): Element | null {
  const parent = element.parent;
  return parent !== null && isTag(parent) ? parent : null;
}

export function elementChildren(element: Element): Element[] {
  return element.children.filter(isTag);
}

function ancestorsOf(node: Element | Document): Set<Element> {
  const ancestors = new Set<Element>();
  if (!isTag(node)) return ancestors;
  for (let parent = parentElement(node); parent !== null; parent = parentElement(parent)) {
    ancestors.add(parent);
  }
  return ancestors;
}
