import type { Element } from 'domhandler';
import { extractJsonLd } from './json-ld.js';
import { resolveAuthor, resolvePublisher } from './metadata-author.js';
import { MetaValues, boundedTextOf, type MetadataContext } from './metadata-context.js';
import { resolveDates } from './metadata-dates.js';
import { buildJsonLdView, isObject, listOf, nameOf, textOf, type JsonLdView } from './metadata-json-ld.js';
import { resolveAudio, resolveImage, resolveLogo, resolveVideo } from './metadata-media.js';
import { collectMetadataSignals, type MetadataSignals } from './metadata-signals.js';
import type { PageMetadata } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';
import { normalizeWhitespace, textOf as elementText } from './text.js';
import { resolveWebUrl } from './urls.js';

const WHITESPACE = /\s+/;
// A language tag as BCP 47 spells it (`en`, `pt-BR`, `zh-Hant-TW`); template leftovers such as
// `{{ lang }}` or `<?php echo $lang ?>` are not one and fall through to the next source.
const LANGUAGE_TAG = /^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i;
const CHARSET_IN_CONTENT_TYPE = /charset\s*=\s*["']?([^\s"';]+)/i;
const MONTH_FIRST_REGIONS: ReadonlySet<string> = new Set(['us', 'ph', 'fm', 'pw', 'mh']);

export interface MetadataSources {
  /** The page's parsed JSON-LD blocks (`extractJsonLd(page).items`), when the caller has them: not parsed twice. */
  jsonLd?: readonly unknown[];
  /** The visible-page signals gathered during the parse walk (`createMetadataCollector`); else one walk here. */
  signals?: MetadataSignals;
}

/** The page-level metadata, each field from the first source that has it (see `PageMetadata`). */
export function extractMetadata(page: ParsedPage, sources: MetadataSources = {}): PageMetadata {
  const { index } = page;
  const metas = new MetaValues(index.metas);
  const charset =
    metas.charset ??
    CHARSET_IN_CONTENT_TYPE.exec(metas.first('content-type') ?? '')?.[1]?.toLowerCase() ??
    null;
  const jsonLd = buildJsonLdView(sources.jsonLd ?? extractJsonLd(page).items);
  const lang = languageOf(page, metas, jsonLd);
  const context: MetadataContext = {
    page,
    metas,
    jsonLd,
    signals: sources.signals ?? collectMetadataSignals(page.document),
    dateOptions: { dayFirst: lang !== null && !isMonthFirst(lang) },
  };

  const titleText = index.title === null ? '' : elementText(index.title);
  const ogTitle = metas.first('og:title');
  const headline = firstHeadline(index.headings);
  const dates = resolveDates(context);
  return {
    title: ogTitle ?? metas.first('twitter:title') ?? (titleText || jsonLdHeadline(jsonLd) || headline),
    description: descriptionOf(metas, jsonLd),
    author: resolveAuthor(context),
    date: dates.published,
    dateModified: dates.modified,
    image: resolveImage(context),
    logo: resolveLogo(context),
    publisher: resolvePublisher(context, ogTitle ?? headline),
    lang,
    url: urlOf(context),
    canonicalUrl: canonicalOf(index.linkTags, page.base),
    audio: resolveAudio(context),
    video: resolveVideo(context),
    robots: metas.first('robots'),
    viewport: metas.first('viewport'),
    charset,
    generator: metas.first('generator'),
  };
}

/**
 * OpenGraph first, then the Twitter card (both written for this page when it is shared), then the plain
 * description (on many sites one sentence about the whole site), then microdata and JSON-LD.
 */
function descriptionOf(metas: MetaValues, jsonLd: JsonLdView): string | null {
  const fromMetas =
    metas.first('og:description') ??
    metas.first('twitter:description') ??
    metas.first('description') ??
    metas.first('dc.description') ??
    metas.first('dcterms.description');
  if (fromMetas !== null) return fromMetas;
  for (const node of jsonLd.primary) {
    const description = textOf(node['description']);
    if (description !== null) return description;
  }
  return null;
}

function languageOf(page: ParsedPage, metas: MetaValues, jsonLd: JsonLdView): string | null {
  const html = page.index.html;
  const candidates: (string | null | undefined)[] = [
    html?.attribs['lang'],
    html?.attribs['xml:lang'],
    metas.first('content-language')?.split(',')[0],
    metas.first('og:locale'),
    metas.first('inlanguage'),
    metas.first('language'),
    metas.first('dc.language'),
    metas.first('dcterms.language'),
  ];
  for (const node of jsonLd.primary) {
    for (const item of listOf(node['inLanguage'])) {
      candidates.push(isObject(item) ? (textOf(item['alternateName']) ?? nameOf(item)) : textOf(item));
    }
  }
  for (const candidate of candidates) {
    const tag = candidate?.trim().replaceAll('_', '-');
    if (tag !== undefined && LANGUAGE_TAG.test(tag)) return tag;
  }
  return null;
}

function isMonthFirst(lang: string): boolean {
  const [language, region] = lang.toLowerCase().split('-');
  return language === 'en' && (region === undefined || MONTH_FIRST_REGIONS.has(region));
}

/**
 * The page's own address as it names it: `og:url`, the Twitter card's, `<link rel=canonical>`, the
 * `x-default` alternate, else the page URL. An `og:url` pointing at the site's root from a deeper page (a
 * common template mistake) is passed over for the next source.
 */
function urlOf(context: MetadataContext): string {
  const { metas, page } = context;
  const candidates = [metas.first('og:url'), metas.first('twitter:url')];
  for (const link of page.index.linkTags) {
    const rel = link.attribs['rel']?.toLowerCase().split(WHITESPACE) ?? [];
    if (rel.includes('canonical')) candidates.push(link.attribs['href'] ?? null);
  }
  for (const link of page.index.linkTags) {
    const rel = link.attribs['rel']?.toLowerCase().split(WHITESPACE) ?? [];
    if (rel.includes('alternate') && link.attribs['hreflang']?.toLowerCase() === 'x-default')
      candidates.push(link.attribs['href'] ?? null);
  }
  const deepPage = page.url.pathname !== '/';
  for (const candidate of candidates) {
    const trimmed = candidate?.trim();
    const url = trimmed === undefined || trimmed === '' ? null : resolveWebUrl(trimmed, page.base);
    if (url === null) continue;
    if (deepPage && url.pathname === '/' && url.search === '') continue;
    return url.href;
  }
  const own = new URL(page.url.href);
  own.hash = '';
  return own.href;
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

function jsonLdHeadline(jsonLd: JsonLdView): string | null {
  for (const node of jsonLd.primary) {
    const headline = textOf(node['headline']);
    if (headline !== null) return headline;
  }
  return null;
}

function firstHeadline(headings: readonly Element[]): string | null {
  for (const heading of headings) {
    if (heading.name !== 'h1') continue;
    const text = normalizeWhitespace(boundedTextOf(heading, 300));
    if (text !== '') return text;
  }
  return null;
}
