import { htmlFragmentText } from '../extract/index.js';

/**
 * Names and descriptions as clean text: markup and entities that pages leave in their values
 * (`Fish &amp; Chips`, `<p>…</p>` in a JSON-LD description, entities escaped twice) turned into text,
 * whitespace collapsed, and the length capped at a word boundary so one page cannot store a book.
 */

/** A product name longer than this is a page's text run on, not a name. */
export const MAX_NAME_CHARS = 300;
export const MAX_DESCRIPTION_CHARS = 5_000;

/** A tag or an entity: only then is the text parsed as HTML (`Fish & Chips` is already text). */
const MARKUP = /<[a-z!/]|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/** Text without markup or entities, whitespace collapsed, cut at `maxChars` (at a space, with `…`). */
export function cleanText(raw: unknown, maxChars: number): string | null {
  if (typeof raw !== 'string') return null;
  let text = raw;
  // Twice: `&amp;amp;` and `&lt;p&gt;` are entities escaped once too often by the page's template.
  for (let i = 0; i < 2 && MARKUP.test(text); i += 1) text = htmlFragmentText(text);
  text = text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
  if (text === '') return null;
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.8 ? cut.slice(0, space) : cut}…`;
}

/**
 * A product name, cleaned (see `cleanText`), at most `MAX_NAME_CHARS`.
 * @example cleanName('  Fish &amp; Chips\n') // 'Fish & Chips'
 */
export function cleanName(raw: unknown): string | null {
  return cleanText(raw, MAX_NAME_CHARS);
}

/**
 * A product description, cleaned (see `cleanText`), at most `MAX_DESCRIPTION_CHARS`.
 * @example cleanDescription('<p>Light.</p><p>Strong.</p>') // 'Light. Strong.'
 */
export function cleanDescription(raw: unknown): string | null {
  return cleanText(raw, MAX_DESCRIPTION_CHARS);
}
