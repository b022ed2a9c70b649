import type { Element } from 'domhandler';
import type { PageBlocks, TextBlock } from './article-blocks.js';

/**
 * schema.org `articleBody` from the page's JSON-LD: the publisher's own statement of what the article
 * says. It often lacks the paragraph breaks, is sometimes cut short or carries HTML, and is sometimes
 * the only copy of a text the page renders with script; so it checks and steers the extraction from the
 * markup rather than replacing it.
 */

/** An `articleBody` shorter than this says too little to check anything against. */
const MIN_BODY_WORDS = 50;
/** Objects visited in the JSON-LD, bounding the work on a huge or hostile graph. */
const MAX_VISITED = 10_000;
const TAG = /<[^>]*>/g;
const WORD = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 3;

export interface BodyHint {
  text: string;
  /** The body's word 3-grams, lower-cased. */
  shingles: Set<string>;
}

/** The longest `articleBody` string anywhere in the JSON-LD items (`@graph`s and nested objects included). */
export function jsonLdArticleBody(jsonLd: readonly unknown[]): BodyHint | null {
  let best = '';
  const stack: unknown[] = [...jsonLd];
  for (let visited = 0; stack.length > 0 && visited < MAX_VISITED; visited += 1) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'articleBody' && typeof item === 'string' && item.length > best.length) best = item;
        else if (typeof item === 'object' && item !== null) stack.push(item);
      }
    }
  }
  const text = best.replace(TAG, ' ').trim();
  const words = text.match(WORD) ?? [];
  if (words.length < MIN_BODY_WORDS) return null;
  return { text, shingles: shinglesOf(words) };
}

/** The share of the body's shingles that `text` also has: how much of the article the text holds. */
export function bodyCoverage(hint: BodyHint, text: string): number {
  const found = shinglesOf(text.match(WORD) ?? []);
  let shared = 0;
  for (const shingle of hint.shingles) if (found.has(shingle)) shared += 1;
  return hint.shingles.size > 0 ? shared / hint.shingles.size : 0;
}

/** Per block: +chars when most of its text is in the body, −chars when it is not (blocks too short: 0). */
export function blockAgreement(hint: BodyHint, blocks: readonly TextBlock[]): Float64Array {
  const agreement = new Float64Array(blocks.length);
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] as TextBlock;
    const words = block.text.match(WORD) ?? [];
    if (words.length < SHINGLE + 1) continue;
    const shingles = shinglesOf(words);
    let shared = 0;
    for (const shingle of shingles) if (hint.shingles.has(shingle)) shared += 1;
    agreement[i] = shared * 2 >= shingles.size ? block.chars : -block.chars;
  }
  return agreement;
}

/**
 * The element whose blocks agree best with the body (the most agreeing text, the least disagreeing),
 * or `null` when no block agrees (the page renders its text with script).
 */
export function bestAgreeingElement(page: PageBlocks, agreement: Float64Array): Element | null {
  const sums = new Float64Array(agreement.length + 1);
  for (let i = 0; i < agreement.length; i += 1) sums[i + 1] = (sums[i] as number) + (agreement[i] as number);
  let best: Element | null = null;
  let bestScore = 0;
  let bestDepth = -1;
  for (const [element, span] of page.spans) {
    const score = (sums[span.end] as number) - (sums[span.start] as number);
    // Ties go to the deeper element: the tightest container of the same text.
    if (score > bestScore || (score === bestScore && score > 0 && span.depth > bestDepth)) {
      best = element;
      bestScore = score;
      bestDepth = span.depth;
    }
  }
  return best;
}

function shinglesOf(words: readonly string[]): Set<string> {
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i += 1) {
    shingles.add(
      words
        .slice(i, i + SHINGLE)
        .join(' ')
        .toLowerCase(),
    );
  }
  return shingles;
}
