import type { Element } from 'domhandler';
import { collectBlocks, type PageBlocks, type TextBlock } from './article-blocks.js';
import { selectContent, type SelectionOptions } from './article-container.js';
import { reviseByContext } from './article-context.js';
import { keepBlocks, type FilterOptions } from './article-filter.js';
import { effectiveMarks, voidedMarks } from './article-marks.js';
import { blockSums, type BlockSums } from './article-sums.js';
import {
  bestAgreeingElement,
  blockAgreement,
  bodyCoverage,
  jsonLdArticleBody,
  type BodyHint,
} from './article-json-ld.js';
import { articleTitle } from './article-title.js';
import { extractJsonLd } from './json-ld.js';
import type { Article, PageFacts } from './page-facts.js';
import { parsePage, type ParsedPage } from './parsed-page.js';
import { countWords, normalizeWhitespace } from './text.js';
import { parsePageUrl } from './urls.js';

/** What extraction already knows about the page and the article reads rather than recomputes. */
export type ArticleFacts = Partial<Pick<PageFacts, 'jsonLd'>>;

/**
 * Readability gives up on a container holding less text than this and tries again with fewer of its
 * heuristics; so do we.
 */
const RETRY_BELOW_CHARS = 500;
/** Below this share of the JSON-LD `articleBody` found in the text, the text is checked against it. */
const MIN_BODY_COVERAGE = 0.5;
const PARAGRAPH_BREAK = /\n\s*\n|\r\n\s*\r\n/;
const ALL_FILTERS: FilterOptions = { dropMarked: true, cleanConditionally: true, weighClasses: true };

interface Attempt extends SelectionOptions {
  cleanConditionally: boolean;
}

// Readability's retries: each drops one more heuristic, for the pages where it threw the article away.
const ATTEMPTS: readonly Attempt[] = [
  { skipMarked: true, weighClasses: true, cleanConditionally: true },
  { skipMarked: false, weighClasses: true, cleanConditionally: true },
  { skipMarked: false, weighClasses: false, cleanConditionally: true },
  { skipMarked: false, weighClasses: false, cleanConditionally: false },
];

/**
 * The main article text of a parsed page, or `null` when the page has no text at all (nor a JSON-LD
 * `articleBody`). Never throws; linear in the page's size (one walk, then passes over the text blocks).
 * `facts.jsonLd`, when given, spares parsing the page's JSON-LD again.
 */
export function extractArticle(page: ParsedPage, facts?: ArticleFacts): Article | null {
  const root = page.index.body ?? page.index.html ?? page.document;
  const hint = jsonLdArticleBody(facts?.jsonLd ?? extractJsonLd(page).items);
  const blocks = collectBlocks(root);
  if (blocks.blocks.length === 0)
    return hint === null ? null : articleFromBody(hint, articleTitle(page, blocks, []));
  const sums = blockSums(blocks.blocks);
  const marks = effectiveMarks(blocks, voidedMarks(blocks));
  let best: number[] = [];
  let bestChars = -1;
  for (const attempt of ATTEMPTS) {
    const selection = selectContent(blocks, sums, root, marks, attempt);
    const cleaned = keepBlocks(blocks, sums, selection.roots, marks, {
      dropMarked: attempt.skipMarked,
      cleanConditionally: attempt.cleanConditionally,
      weighClasses: attempt.weighClasses,
    });
    const kept = reviseByContext(blocks.blocks, cleaned);
    const chars = keptChars(blocks, kept);
    if (chars > bestChars) {
      best = kept;
      bestChars = chars;
    }
    if (chars >= RETRY_BELOW_CHARS) break;
  }

  if (hint !== null) {
    const checked = checkAgainstBody(hint, blocks, sums, best, marks);
    if (checked === null) return articleFromBody(hint, articleTitle(page, blocks, []));
    best = checked;
  }

  const title = articleTitle(page, blocks, best);
  return assemble(blocks, best, title);
}

/**
 * The JSON-LD `articleBody` as a check: when the extracted text holds little of it, the container was
 * likely the wrong one, and the element whose text agrees best with the body is taken instead; when no
 * text on the page agrees with it, the page renders its article with script and the body is all there is
 * (`null`).
 */
function checkAgainstBody(
  hint: BodyHint,
  blocks: PageBlocks,
  sums: BlockSums,
  kept: number[],
  marks: readonly (Element | null)[],
): number[] | null {
  const coverage = bodyCoverage(hint, textOfBlocks(blocks, kept));
  if (coverage >= MIN_BODY_COVERAGE) return kept;
  const agreement = blockAgreement(hint, blocks.blocks);
  const element = bestAgreeingElement(blocks, agreement);
  if (element === null) return coverage > 0 ? kept : null;
  const alternative = reviseByContext(blocks.blocks, keepBlocks(blocks, sums, [element], marks, ALL_FILTERS));
  return bodyCoverage(hint, textOfBlocks(blocks, alternative)) > coverage ? alternative : kept;
}

function articleFromBody(hint: BodyHint, title: string | null): Article {
  const paragraphs = hint.text
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => normalizeWhitespace(paragraph))
    .filter((paragraph) => paragraph !== '');
  const text = paragraphs.join('\n\n');
  return { title, text, paragraphs: paragraphs.length, wordCount: countWords(text) };
}

function textOfBlocks(page: PageBlocks, kept: readonly number[]): string {
  return kept.map((i) => (page.blocks[i] as TextBlock).text).join('\n');
}

/**
 * `extractArticle` on HTML: parses the page (once) and extracts its article. Prefer `extractPage`, whose
 * facts carry the article, when the page's other facts are wanted too: it parses once for all of them.
 * @throws InvalidInputError when `url` is not an absolute URL.
 */
export function extractArticleText(html: string, url: string): Article | null {
  return extractArticle(parsePage(html, parsePageUrl(url)));
}

function keptChars(page: PageBlocks, kept: readonly number[]): number {
  let chars = 0;
  for (const i of kept) chars += (page.blocks[i] as TextBlock).chars;
  return chars;
}

function assemble(page: PageBlocks, kept: readonly number[], title: string | null): Article | null {
  const normalizedTitle = title === null ? null : normalizeWhitespace(title).toLowerCase();
  const parts: string[] = [];
  let paragraphs = 0;
  let previous: TextBlock | null = null;
  for (const i of kept) {
    const block = page.blocks[i] as TextBlock;
    // The headline is the title, not a paragraph of the text.
    if (block.heading > 0 && normalizedTitle !== null && block.text.toLowerCase() === normalizedTitle)
      continue;
    if (previous !== null) parts.push(previous.inList && block.inList ? '\n' : '\n\n');
    parts.push(block.text);
    paragraphs += 1;
    previous = block;
  }
  if (paragraphs === 0) return null;
  const text = parts.join('');
  return { title, text, paragraphs, wordCount: countWords(text) };
}
