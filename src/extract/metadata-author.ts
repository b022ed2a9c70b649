import type { Element } from 'domhandler';
import { boundedTextOf, findDescendant, type MetadataContext } from './metadata-context.js';
import { findDateInText } from './metadata-date-parse.js';
import { isObject, listOf, nameOf, typesOf } from './metadata-json-ld.js';

/** metascraper's bound: a longer "author" is a sentence, not a name. */
const MAX_AUTHOR_CHARS = 128;
/** A byline read from the visible page is held to less: it must look like a name or two and a role. */
const MAX_VISIBLE_AUTHOR_CHARS = 80;
const MAX_VISIBLE_AUTHOR_WORDS = 10;
const MAX_PUBLISHER_CHARS = 100;

// "By Jane Doe", "Analysis by Jane Doe", "Story and photos by Jane Doe", "Por Juana", "Von Hans", "Author: Jane".
const BY_PREFIX = /^(?:[\p{L}-]+\s+){0,3}?(?:by|por|von|par|door)\s*:?\s+|^(?:author|autor|auteur)\s*:?\s+/iu;
// What a byline may leave before its date: "Jeff Foust Monday, November 18, 2019".
const TRAILING_WEEKDAY =
  /[\s,]+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?[\s,]*$/i;
const SEPARATORS_AT_ENDS = /^[\s\-–—|,·•:/]+|[\s\-–—|,·•:/]+$/g;
const URL_LIKE = /^(?:[a-z][a-z\d+.-]*:)?\/\/|^www\.|^[^\s@/]+\.[a-z]{2,}\/\S*$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const HAS_LETTER = /\p{L}/u;
const LEADING_AT = /^@\s*/;
const TWO_WORDS = /^\S+\s+\S/;
const WORD_SEPARATOR = /\s+/;
const AUTHOR_PATH = /\/authors?\//i;
// Title separators that set off a site name: "Headline | Site", "Site - Headline", "Headline · Site".
const TITLE_SEPARATOR = /\s+[|\-–—·•»]\s+|\s*[|·•»]\s*/;

/** Meta names that carry the author, best first. `article:author` is often a profile URL and then skipped. */
const AUTHOR_META_KEYS = [
  'author',
  'article:author',
  'og:article:author',
  'dc.creator',
  'dcterms.creator',
  'citation_author',
  'byl',
  'parsely-author',
  'sailthru.author',
] as const;

/**
 * The author, first from what the page declares (JSON-LD, author metas, microdata, `rel=author`), then
 * from bylines in the visible page, last from the Twitter handle. Several JSON-LD authors are joined with
 * " and " (metascraper's form).
 */
export function resolveAuthor(context: MetadataContext): string | null {
  const { metas, signals } = context;
  const fromJsonLd = jsonLdAuthor(context);
  if (fromJsonLd !== null) return fromJsonLd;
  for (const key of AUTHOR_META_KEYS) {
    for (const value of metas.all(key)) {
      const name = cleanAuthor(value, false);
      if (name !== null) return name;
    }
  }
  // Other author metas (`page:author`, `x-author`…): a numeric id or a URL is skipped by `cleanAuthor`.
  for (const [letters, values] of metas.entries()) {
    if (!letters.endsWith('author') || letters.startsWith('twitter')) continue;
    for (const value of values) {
      const name = cleanAuthor(value, false);
      if (name !== null) return name;
    }
  }
  const visible =
    first(signals.itemprops.get('author'), (element) => {
      const named = findDescendant(element, (candidate) => hasItemprop(candidate, 'name'), 200);
      return (
        cleanAuthor(named === null ? null : valueOf(named), false) ?? cleanAuthor(valueOf(element), false)
      );
    }) ??
    first(signals.relAuthors, (element) => cleanAuthor(valueOf(element), false)) ??
    first(signals.authors, (element) =>
      element.name === 'a' ? cleanAuthor(valueOf(element), true) : null,
    ) ??
    first(signals.authors, (element) => {
      const link = findDescendant(element, (candidate) => candidate.name === 'a', 100);
      return link === null ? null : cleanAuthor(valueOf(link), true);
    }) ??
    first(signals.links, (anchor) =>
      AUTHOR_PATH.test(anchor.attribs['href'] ?? '') ? cleanAuthor(valueOf(anchor), true) : null,
    ) ??
    first(signals.authors, (element) => cleanAuthor(valueOf(element), true)) ??
    first(signals.bylines, (element) => cleanAuthor(valueOf(element), true));
  if (visible !== null) return visible;
  return cleanAuthor(metas.first('twitter:creator'), false);
}

function jsonLdAuthor(context: MetadataContext): string | null {
  const { jsonLd } = context;
  for (const node of jsonLd.primary) {
    for (const property of ['author', 'creator'] as const) {
      const names: string[] = [];
      for (const item of listOf(node[property])) {
        const name = cleanAuthor(nameOf(jsonLd.resolve(item)), false);
        if (name !== null && !names.includes(name)) names.push(name);
      }
      if (names.length > 0) return names.join(' and ');
    }
  }
  return null;
}

/**
 * A raw author value → a name: "By", "@" and dangling separators removed, a date after the name cut off
 * ("Scott Stein May 24, 2016" → "Scott Stein"); `null` for a URL, an e-mail address, a number or an
 * over-long text. `strict` (for text read from the visible page) also wants two words at least.
 */
export function cleanAuthor(raw: string | null, strict: boolean): string | null {
  if (raw === null) return null;
  let name = raw.replace(/\s+/g, ' ').trim();
  if (name === '' || URL_LIKE.test(name) || EMAIL.test(name)) return null;
  // "@segment" is a handle: keep the name. "Paul Sawers@psawers" is a name and a handle: keep the name.
  name = name.replace(BY_PREFIX, '').replace(LEADING_AT, '');
  const at = name.indexOf('@');
  if (at > 0) name = name.slice(0, at);
  const date = findDateInText(name);
  if (date !== null && date.start > 0) name = name.slice(0, date.start).replace(TRAILING_WEEKDAY, '');
  else if (date !== null) return null;
  name = name.replace(SEPARATORS_AT_ENDS, '').trim();
  if (name === '' || !HAS_LETTER.test(name) || name.length > MAX_AUTHOR_CHARS || URL_LIKE.test(name))
    return null;
  if (strict) {
    if (!TWO_WORDS.test(name) || name.length > MAX_VISIBLE_AUTHOR_CHARS) return null;
    if (name.split(WORD_SEPARATOR).length > MAX_VISIBLE_AUTHOR_WORDS) return null;
  }
  return name;
}

/** Meta names that carry the site or publisher name, best first. */
const PUBLISHER_META_KEYS = [
  'og:site_name',
  'application-name',
  'apple-mobile-web-app-title',
  'al:ios:app_name',
  'al:android:app_name',
  'publisher',
  'dc.publisher',
  'dcterms.publisher',
  'citation_publisher',
  'twitter:app:name:iphone',
  'twitter:app:name:ipad',
  'twitter:app:name:googleplay',
] as const;

/**
 * The publisher (the site's or organization's name): a publisher named in the page's JSON-LD, the site
 * name metas, an organization reached through a JSON-LD reference or the WebSite node, the logo's text or
 * alt text, and last the site-name part of the `<title>`.
 */
export function resolvePublisher(context: MetadataContext, headline: string | null): string | null {
  const { jsonLd, metas, signals } = context;
  // A publisher written inline is the article's own statement; one reached only through an `@id` is usually
  // the site's legal entity, whose long name the site-name metas abbreviate: those come after the metas.
  for (const node of jsonLd.primary) {
    for (const item of listOf(node['publisher'])) {
      if (isObject(item) && Object.keys(item).length === 1 && '@id' in item) continue;
      const name = cleanPublisher(nameOf(item));
      if (name !== null) return name;
    }
  }
  for (const key of PUBLISHER_META_KEYS) {
    const name = cleanPublisher(metas.first(key));
    if (name !== null) return name;
  }
  for (const node of jsonLd.primary) {
    for (const item of listOf(node['publisher'])) {
      const name = cleanPublisher(nameOf(jsonLd.resolve(item)));
      if (name !== null) return name;
    }
  }
  for (const node of jsonLd.all) {
    if (!typesOf(node).includes('website')) continue;
    const name = cleanPublisher(nameOf(node));
    if (name !== null) return name;
  }
  const fromLogo =
    first(signals.logos, (element) =>
      hasToken(element.attribs['id'], 'logo') || hasToken(element.attribs['class'], 'logo')
        ? cleanPublisher(boundedTextOf(element, MAX_PUBLISHER_CHARS))
        : null,
    ) ??
    first(signals.logos, (element) => (element.name === 'a' ? brandText(element) : null)) ??
    first(signals.logos, (element) => {
      const image = element.name === 'img' ? null : findDescendant(element, isImageWithAlt, 100);
      return image === null ? null : cleanPublisher(image.attribs['alt'] ?? null);
    });
  if (fromLogo !== null) return fromLogo;
  return publisherFromTitle(context, headline);
}

function brandText(anchor: Element): string | null {
  return /brand/i.test(anchor.attribs['class'] ?? '')
    ? cleanPublisher(boundedTextOf(anchor, MAX_PUBLISHER_CHARS))
    : null;
}

/**
 * The site-name part of a `<title>` such as "Headline | Site" or "Site - Headline": the end that spells the
 * site's host name ("smitten kitchen" on smittenkitchen.com), else the end that is not the headline when the
 * headline is known (`og:title`, else the first `<h1>`), else the last part, where most sites put their name.
 */
function publisherFromTitle(context: MetadataContext, headline: string | null): string | null {
  const title = context.page.index.title;
  if (title === null) return null;
  const parts = boundedTextOf(title, 500)
    .split(TITLE_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length < 2) return null;
  const firstPart = parts[0] as string;
  const lastPart = parts[parts.length - 1] as string;
  const host = lettersOnly(context.page.url.hostname);
  const spellsHost = (part: string) => {
    const letters = lettersOnly(part);
    return letters.length >= 3 && host.includes(letters);
  };
  if (spellsHost(lastPart)) return cleanPublisher(lastPart);
  if (spellsHost(firstPart)) return cleanPublisher(firstPart);
  const heading = headline === null ? null : comparable(headline);
  const headlineFirst =
    heading !== null && comparable(lastPart) === heading && comparable(firstPart) !== heading;
  return cleanPublisher(headlineFirst ? firstPart : lastPart);
}

function lettersOnly(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

function cleanPublisher(raw: string | null): string | null {
  if (raw === null) return null;
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name === '' || name.length > MAX_PUBLISHER_CHARS || !HAS_LETTER.test(name)) return null;
  return /^(?:https?:)?\/\//i.test(name) ? null : name;
}

/** The value an element carries: its `content` (a meta, a microdata element), else its text. */
function valueOf(element: Element): string | null {
  const content = element.attribs['content'];
  if (content !== undefined && content.trim() !== '') return content;
  const text = boundedTextOf(element, MAX_AUTHOR_CHARS * 2);
  return text === '' ? null : text;
}

function hasItemprop(element: Element, property: string): boolean {
  const itemprop = element.attribs['itemprop'];
  return itemprop !== undefined && hasToken(itemprop, property);
}

function hasToken(list: string | undefined, token: string): boolean {
  return list !== undefined && list.toLowerCase().split(WORD_SEPARATOR).includes(token);
}

function isImageWithAlt(element: Element): boolean {
  return element.name === 'img' && (element.attribs['alt']?.trim() ?? '') !== '';
}

function first<T>(list: readonly T[] | undefined, read: (item: T) => string | null): string | null {
  if (list === undefined) return null;
  for (const item of list) {
    const value = read(item);
    if (value !== null) return value;
  }
  return null;
}
