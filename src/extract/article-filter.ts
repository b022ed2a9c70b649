import { isTag, type Document, type Element } from 'domhandler';
import type { ElementSpan, PageBlocks, TextBlock } from './article-blocks.js';
import { parentElement } from './article-container.js';
import { linkDensity, total, type BlockSums } from './article-sums.js';

/**
 * Which blocks of the chosen container are the article: what sits inside it but is not (share bars,
 * related links, ad slots, bylines, comment forms) is left out by its markup (boilerplate-marked
 * subtrees) and by Readability's conditional cleaning of the lists, tables and divs that look like
 * anything but prose (few commas, more links than text, more images or inputs than paragraphs).
 */
export interface FilterOptions {
  /** Leave out marked subtrees inside the container. */
  dropMarked: boolean;
  /** Readability's conditional cleaning. */
  cleanConditionally: boolean;
  weighClasses: boolean;
}

const CLEANED_TAGS: ReadonlySet<string> = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'dl',
  'table',
  'form',
  'fieldset',
  'aside',
  'header',
  'footer',
  'nav',
]);
const LIST_TAGS: ReadonlySet<string> = new Set(['ul', 'ol']);
// Readability's: a block saying nothing but "Advertisement" or "Loading…", in the languages it knows.
const AD_WORDS = /^(?:ad(?:vertising|vertisement)?|pub(?:licité)?|werb(?:ung)?|广告|Реклама|Anuncio)$/iu;
const LOADING_WORDS = /^(?:loading|正在加载|Загрузка|chargement|cargando)(?:…|\.\.\.)?$/iu;

export function keepBlocks(
  page: PageBlocks,
  sums: BlockSums,
  roots: readonly (Element | Document)[],
  marks: readonly (Element | null)[],
  options: FilterOptions,
): number[] {
  const kept: number[] = [];
  const junk = new Map<Element, boolean>();
  for (const root of roots) {
    // A document (markup without `<html>` or `<body>`) spans every block.
    const rootSpan = (isTag(root) ? page.spans.get(root) : undefined) ?? {
      start: 0,
      end: page.blocks.length,
      depth: -1,
    };
    for (let i = rootSpan.start; i < rootSpan.end; i += 1) {
      const block = page.blocks[i] as TextBlock;
      if (options.dropMarked && markedInside(marks[i] ?? null, page, rootSpan)) continue;
      if (options.cleanConditionally && underJunk(block.owner, root, page, sums, junk, options)) continue;
      if (AD_WORDS.test(block.text) || LOADING_WORDS.test(block.text)) continue;
      kept.push(i);
    }
  }
  return kept;
}

/** Whether the block's innermost trusted mark lies inside the root (marks above it wrap the article). */
function markedInside(mark: Element | null, page: PageBlocks, rootSpan: Pick<ElementSpan, 'depth'>): boolean {
  if (mark === null) return false;
  const span = page.spans.get(mark);
  return span !== undefined && span.depth > rootSpan.depth;
}

/** Whether an element between the block and the root looks like anything but prose (memoized). */
function underJunk(
  owner: Element,
  root: Element | Document,
  page: PageBlocks,
  sums: BlockSums,
  junk: Map<Element, boolean>,
  options: FilterOptions,
): boolean {
  const path: Element[] = [];
  let verdict = false;
  for (let element: Element | null = owner; element !== null && element !== root;) {
    const known = junk.get(element);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    path.push(element);
    element = parentElement(element);
  }
  // Fill in from the outermost down: an element is junk when it or an ancestor below the root is.
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const element = path[i] as Element;
    verdict = verdict || looksLikeJunk(element, page, sums, options);
    junk.set(element, verdict);
  }
  return verdict;
}

function looksLikeJunk(element: Element, page: PageBlocks, sums: BlockSums, options: FilterOptions): boolean {
  if (!CLEANED_TAGS.has(element.name)) return false;
  const span = page.spans.get(element);
  if (span === undefined) return false;
  const weight = options.weighClasses ? span.hints.weight : 0;
  if (weight < 0) return true;
  const { start, end } = span;
  if (total(sums.commas, start, end) >= 10) return false;
  const chars = total(sums.chars, start, end);
  const density = linkDensity(sums, start, end);
  const paragraphs = total(sums.paragraphs, start, end);
  const listItems = total(sums.listItems, start, end);
  const listChars = total(sums.listChars, start, end);
  const headingChars = total(sums.headingChars, start, end);
  const isList = LIST_TAGS.has(element.name) || (chars > 0 && listChars / chars > 0.9);
  const inFigure = span.inFigure;
  const headingDensity = chars > 0 ? headingChars / chars : 0;
  if (!inFigure && span.images > 1 && paragraphs / span.images < 0.5) return true;
  if (!isList && listItems - 100 > paragraphs) return true;
  if (span.inputs > Math.floor(paragraphs / 3)) return true;
  if (
    !isList &&
    !inFigure &&
    headingDensity < 0.9 &&
    chars < 25 &&
    (span.images === 0 || span.images > 2) &&
    density > 0
  ) {
    return true;
  }
  if (!isList && weight < 25 && density > 0.2) return true;
  if (weight >= 25 && density > 0.5) return true;
  if ((span.embeds === 1 && chars < 75) || span.embeds > 1) return true;
  return false;
}
