import type { Element } from 'domhandler';
import type { PageMetadata } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';
import { normalizeWhitespace, textOf } from './text.js';
import { resolveWebUrl } from './urls.js';

const WHITESPACE = /\s+/;
// A language tag as BCP 47 spells it (`en`, `pt-BR`, `zh-Hant-TW`); template leftovers such as
// `{{ lang }}` or `<?php echo $lang ?>` are not one and fall through to the next source.
const LANGUAGE_TAG = /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i;
const CHARSET_IN_CONTENT_TYPE = /charset\s*=\s*["']?([^\s"';]+)/i;

/** The page-level metadata, each field from the first source that has it (see `PageMetadata`). */
export function extractMetadata(page: ParsedPage): PageMetadata {
  const { index } = page;
  const named = new Map<string, string>(); // first non-empty value per name or property, lower-cased
  const httpEquiv = new Map<string, string>();
  let charset: string | null = null;
  for (const meta of index.metas) {
    const declared = meta.attribs['charset']?.trim();
    if (charset === null && declared) charset = declared.toLowerCase();
    const content = meta.attribs['content'];
    if (content === undefined) continue;
    const value = normalizeWhitespace(content);
    if (value === '') continue;
    for (const key of [meta.attribs['name'], meta.attribs['property']]) {
      const k = key?.trim().toLowerCase();
      if (k && !named.has(k)) named.set(k, value);
    }
    const equiv = meta.attribs['http-equiv']?.trim().toLowerCase();
    if (equiv && !httpEquiv.has(equiv)) httpEquiv.set(equiv, value);
  }
  charset ??= CHARSET_IN_CONTENT_TYPE.exec(httpEquiv.get('content-type') ?? '')?.[1]?.toLowerCase() ?? null;

  const titleText = index.title === null ? '' : textOf(index.title);
  return {
    title: named.get('og:title') ?? named.get('twitter:title') ?? (titleText || null),
    description:
      named.get('og:description') ?? named.get('description') ?? named.get('twitter:description') ?? null,
    lang: firstLanguageTag([
      index.html?.attribs['lang'],
      index.html?.attribs['xml:lang'],
      httpEquiv.get('content-language')?.split(',')[0],
      named.get('og:locale'),
      named.get('language'),
      named.get('dc.language'),
    ]),
    canonicalUrl: canonicalOf(index.linkTags, page.base),
    robots: named.get('robots') ?? null,
    viewport: named.get('viewport') ?? null,
    charset,
    generator: named.get('generator') ?? null,
  };
}

function firstLanguageTag(candidates: readonly (string | undefined)[]): string | null {
  for (const candidate of candidates) {
    const tag = candidate?.trim().replaceAll('_', '-');
    if (tag !== undefined && LANGUAGE_TAG.test(tag)) return tag;
  }
  return null;
}

function canonicalOf(linkTags: readonly Element[], base: URL): string | null {
  for (const link of linkTags) {
    const href = link.attribs['href'];
    const rel = link.attribs['rel'];
    if (href === undefined || rel === undefined) continue;
    if (!rel.toLowerCase().split(WHITESPACE).includes('canonical')) continue;
    const url = resolveWebUrl(href.trim(), base);
    if (url !== null) return url.href;
  }
  return null;
}
