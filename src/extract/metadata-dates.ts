import type { Element } from 'domhandler';
import { boundedTextOf, hasAncestor, type MetadataContext } from './metadata-context.js';
import { findDateInText, parseDate } from './metadata-date-parse.js';
import { listOf } from './metadata-json-ld.js';

export interface PageDates {
  /** When the page's content was first published, as an ISO instant. */
  published: string | null;
  /** When it was last modified, as an ISO instant. */
  modified: string | null;
}

/** Published-date meta names, reduced to their letters (see `MetaValues.byLetters`), best first. */
const PUBLISHED_META = [
  'articlepublishedtime',
  'ogarticlepublishedtime',
  'ogpublishedtime',
  'datepublished',
  'publishedtime',
  'dctermsissued',
  'dcdateissued',
  'dctermsdate',
  'dcdate',
  'dctermscreated',
  'dcdatecreated',
  'citationpublicationdate',
  'citationdate',
  'pubdate',
  'publishdate',
  'publisheddate',
  'publicationdate',
  'originalpublicationdate',
  'parselypubdate',
  'sailthrudate',
  'articlepublished',
  'date',
] as const;
const MODIFIED_META = [
  'articlemodifiedtime',
  'ogarticlemodifiedtime',
  'ogupdatedtime',
  'articleupdatedtime',
  'datemodified',
  'dctermsmodified',
  'dcdatemodified',
  'modifieddate',
  'updateddate',
  'lastmodified',
] as const;
// A meta name of the family that the lists above do not spell out (`publish_date_utc`, `pub-time`).
const PUBLISHED_META_FAMILY = /publish|pubdate|pubtime/;
const MODIFIED_META_FAMILY = /modified|updated/;
/** Date-classed elements whose text is read: the page's date is near its top; the rest are list items. */
const MAX_TEXTS_READ = 20;
// `/2016/05/16/` or `/2016-05-16/` in the URL's path: the date most news and blog URLs carry.
const URL_PATH_DATE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|$)/;

/**
 * The page's dates. Published: JSON-LD `datePublished` of the page's main entity, the publication metas
 * (OpenGraph article, Dublin Core, `itemprop` metas, vendor metas), JSON-LD `dateCreated`/`uploadDate`,
 * `itemprop` date elements, `<time datetime>`, then dates written in bylines and date-classed elements, and
 * last a date in the URL's path. Modified: JSON-LD `dateModified` and the modification metas.
 */
export function resolveDates(context: MetadataContext): PageDates {
  return { published: resolvePublished(context), modified: resolveModified(context) };
}

function resolvePublished(context: MetadataContext): string | null {
  const { signals } = context;
  return (
    fromJsonLd(context, ['datePublished']) ??
    fromMetas(context, PUBLISHED_META, PUBLISHED_META_FAMILY, MODIFIED_META_FAMILY) ??
    fromJsonLd(context, ['dateCreated', 'uploadDate']) ??
    fromElements(context, signals.itemprops.get('datepublished')) ??
    fromElements(context, signals.itemprops.get('datecreated')) ??
    fromTimes(context) ??
    fromTexts(context, signals.bylines) ??
    fromTexts(
      context,
      signals.dates.filter((element) => element.name !== 'time' && element.name !== 'article'),
    ) ??
    fromTexts(context, signals.relAuthors.map(bylineBlockOf)) ??
    fromTexts(
      context,
      signals.dates.filter((element) => element.name === 'article'),
    ) ??
    fromUrlPath(context.page.url)
  );
}

function resolveModified(context: MetadataContext): string | null {
  return (
    fromJsonLd(context, ['dateModified']) ??
    fromMetas(context, MODIFIED_META, MODIFIED_META_FAMILY, null) ??
    fromElements(context, context.signals.itemprops.get('datemodified'))
  );
}

function fromJsonLd(context: MetadataContext, properties: readonly string[]): string | null {
  for (const node of context.jsonLd.primary) {
    for (const property of properties) {
      for (const value of listOf(node[property])) {
        const date = parseDate(value, context.dateOptions);
        if (date !== null) return date;
      }
    }
  }
  return null;
}

function fromMetas(
  context: MetadataContext,
  names: readonly string[],
  family: RegExp,
  excluded: RegExp | null,
): string | null {
  const { metas, dateOptions } = context;
  for (const name of names) {
    for (const value of metas.byLetters(name)) {
      const date = parseDate(value, dateOptions);
      if (date !== null) return date;
    }
  }
  for (const [letters, values] of metas.entries()) {
    if (!family.test(letters) || excluded?.test(letters) === true) continue;
    for (const value of values) {
      const date = parseDate(value, dateOptions);
      if (date !== null) return date;
    }
  }
  return null;
}

/** Elements that state a date: `content`, `datetime` or `title` attributes first, then their text. */
function fromElements(context: MetadataContext, elements: readonly Element[] | undefined): string | null {
  if (elements === undefined) return null;
  for (const element of elements) {
    const { attribs } = element;
    for (const value of [attribs['content'], attribs['datetime'], attribs['title']]) {
      const date = value === undefined ? null : parseDate(value, context.dateOptions);
      if (date !== null) return date;
    }
    const date = findDateInText(boundedTextOf(element, 200), context.dateOptions)?.iso ?? null;
    if (date !== null) return date;
  }
  return null;
}

/** `<time pubdate>` first, then the first `<time datetime>` in the main article, then the first anywhere. */
function fromTimes(context: MetadataContext): string | null {
  const timed = context.signals.times.filter((time) => time.attribs['datetime'] !== undefined);
  const ordered = [
    ...timed.filter((time) => time.attribs['pubdate'] !== undefined),
    ...timed.filter((time) => hasAncestor(time, (ancestor) => ancestor.name === 'article')),
    ...timed,
  ];
  for (const time of ordered) {
    const date = parseDate(time.attribs['datetime'], context.dateOptions);
    if (date !== null) return date;
  }
  return null;
}

function fromTexts(context: MetadataContext, elements: readonly (Element | null)[]): string | null {
  for (const element of elements.slice(0, MAX_TEXTS_READ)) {
    if (element === null) continue;
    const date = findDateInText(boundedTextOf(element, 200), context.dateOptions)?.iso ?? null;
    if (date !== null) return date;
  }
  return null;
}

/** The block a `rel=author` link sits in ("by Jane Doe | May 16, 2016"): where the date usually is too. */
function bylineBlockOf(element: Element): Element | null {
  const parent = element.parent;
  return parent !== null && parent.type === 'tag' ? (parent as Element) : null;
}

function fromUrlPath(url: URL): string | null {
  const match = URL_PATH_DATE.exec(url.pathname);
  if (match === null) return null;
  // A date without a time of day: noon UTC, as for any date written in words (see metadata-date-parse.ts).
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  return year >= 1990 && date.getUTCDate() === day ? date.toISOString() : null;
}
