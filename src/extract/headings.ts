import type { Heading } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';
import { textOf } from './text.js';

/** `<h1>` … `<h6>` in document order, empty ones included: an empty heading is itself a fact about a page. */
export function extractHeadings(page: ParsedPage): Heading[] {
  return page.index.headings.map((element) => ({
    level: element.name.charCodeAt(1) - 48, // 'h1' → 1: the index only holds h1…h6
    text: textOf(element),
  }));
}
