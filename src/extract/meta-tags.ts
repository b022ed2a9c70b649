import type { ParsedPage } from './parsed-page.js';
import { normalizeWhitespace } from './text.js';

/** The attributes that name a meta's value; a meta with several is listed under each. */
const KEY_ATTRIBUTES = ['name', 'property', 'itemprop', 'http-equiv'] as const;

/**
 * Every `<meta>` that names its value and has a `content`, keyed by the lower-cased name, values
 * whitespace-normalized, in document order. Null-prototype, so a page's `<meta name="__proto__">` is a
 * key like any other.
 */
export function extractMetaTags(page: ParsedPage): Record<string, string[]> {
  const result = Object.create(null) as Record<string, string[]>;
  for (const meta of page.index.metas) {
    const content = meta.attribs['content'];
    if (content === undefined) continue;
    const value = normalizeWhitespace(content);
    const keys: string[] = [];
    for (const attribute of KEY_ATTRIBUTES) {
      const key = meta.attribs[attribute]?.trim().toLowerCase();
      // `<meta name="og:title" property="og:title">` is one value, not two.
      if (key === undefined || key === '' || keys.includes(key)) continue;
      (result[key] ??= []).push(value);
      keys.push(key);
    }
  }
  return result;
}
