import type { Element } from 'domhandler';
import type { PageImage } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';
import { normalizeWhitespace } from './text.js';
import { resolveWebUrl } from './urls.js';

// Where lazy-loading scripts keep the real URL until the image scrolls into view.
const LAZY_SOURCE_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original'] as const;

/** Every `<img>` with a web URL, in document order, with the state of its alt text (an accessibility fact). */
export function extractImages(page: ParsedPage): PageImage[] {
  const images: PageImage[] = [];
  for (const element of page.index.images) {
    const source = sourceOf(element);
    const url = source === null ? null : resolveWebUrl(source, page.base);
    if (url === null) continue;
    const rawAlt = element.attribs['alt'];
    const alt = rawAlt === undefined ? null : normalizeWhitespace(rawAlt);
    images.push({
      src: url.href,
      alt,
      altState: alt === null ? 'missing' : alt === '' ? 'empty' : 'present',
    });
  }
  return images;
}

/** `src`, unless it is missing or a placeholder (a data: URI) and a lazy-loading attribute holds the real one. */
export function sourceOf(element: Element): string | null {
  const src = element.attribs['src']?.trim();
  if (src !== undefined && src !== '' && !src.startsWith('data:')) return src;
  for (const attribute of LAZY_SOURCE_ATTRIBUTES) {
    const lazy = element.attribs[attribute]?.trim();
    if (lazy !== undefined && lazy !== '') return lazy;
  }
  return null;
}
