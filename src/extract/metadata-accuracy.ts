import { extractPage } from './extract-page.js';
import type { PageMetadata } from './page-facts.js';

/**
 * Page-metadata accuracy in the layout of `../shared/fixtures/page-metadata` (metascraper's saved pages
 * and expectations): per field, the share of cases whose extracted value equals the expected one. A key
 * absent from a case's `expected` is not scored, nor one in its `excluded_keys`; an expected `null` is
 * scored (the page has no such value, and finding one is a miss).
 *
 * Equality is as a reader means it, and every leniency is one of presentation, never of content:
 * - text (title, description, author, publisher): whitespace runs collapsed, typographic quotes and the
 *   ellipsis character compared as their ASCII forms (metascraper "smartens" its output; the page wrote
 *   `'` and `...`); case and words exact;
 * - `lang`: the primary language subtag, lower-cased (metascraper keeps only ISO 639-1 `en` of `en-US`);
 * - URLs (url, image, logo, audio, video): resolved against the page URL, then compared without the
 *   fragment (never sent to the server), with percent-escapes of characters that need none decoded
 *   (`%28` is `(`), and with `http:` and `https:` equal: the reference resolved its URLs by following live
 *   redirects, which upgrade the scheme, something a page alone cannot say;
 * - `date`: as instants, to the millisecond. metascraper's `date` is the page's most recent date (its rules
 *   try the modification date first), so it is compared with `dateModified`, else `date`.
 */
export const METADATA_FIELDS = [
  'title',
  'description',
  'author',
  'publisher',
  'date',
  'image',
  'logo',
  'lang',
  'url',
  'audio',
  'video',
] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export interface PageMetadataCase {
  id: string;
  /** The page URL (relative expected URLs resolve against it). */
  url: string;
  html: string;
  /** The expected values by field; fields not in `METADATA_FIELDS` are ignored. */
  expected: Readonly<Record<string, unknown>>;
  /** Fields not to score for this case. */
  excludedKeys?: readonly string[];
}

export interface MetadataMiss {
  id: string;
  expected: unknown;
  actual: unknown;
}

export interface FieldAccuracy {
  right: number;
  /** Cases that scored this field. */
  total: number;
  /** `right / total`, or `null` when no case scored the field. */
  accuracy: number | null;
  misses: MetadataMiss[];
}

export interface MetadataAccuracy {
  /** Cases evaluated. */
  n: number;
  /** Right (case, field) pairs over all scored pairs: every scored value counts once. */
  fieldAccuracy: number | null;
  fields: Record<MetadataField, FieldAccuracy>;
}

/** Extracts every case's page (with its URL) and scores the metadata against the expectations. */
export function evaluatePageMetadata(cases: readonly PageMetadataCase[]): MetadataAccuracy {
  return scoreMetadata(
    cases.map((item) => ({ item, metadata: extractPage(item.html, { url: item.url }).metadata })),
  );
}

/** Scores already-extracted metadata against the cases' expectations. */
export function scoreMetadata(
  results: readonly { item: Omit<PageMetadataCase, 'html'>; metadata: PageMetadata }[],
): MetadataAccuracy {
  const fields = Object.fromEntries(
    METADATA_FIELDS.map((field) => [field, { right: 0, total: 0, accuracy: null, misses: [] }]),
  ) as unknown as Record<MetadataField, FieldAccuracy>;
  let right = 0;
  let total = 0;
  for (const { item, metadata } of results) {
    for (const field of METADATA_FIELDS) {
      if (!Object.hasOwn(item.expected, field) || item.excludedKeys?.includes(field) === true) continue;
      const expected = item.expected[field];
      const actual = predictionFor(field, metadata);
      const score = fields[field];
      score.total += 1;
      total += 1;
      if (sameMetadataValue(field, expected, actual, item.url)) {
        score.right += 1;
        right += 1;
      } else {
        score.misses.push({ id: item.id, expected, actual });
      }
    }
  }
  for (const field of METADATA_FIELDS) {
    const score = fields[field];
    score.accuracy = score.total === 0 ? null : score.right / score.total;
  }
  return { n: results.length, fieldAccuracy: total === 0 ? null : right / total, fields };
}

/**
 * The figures as `gleaner eval page-metadata` reports them (DESIGN.md, "Evaluation commands"):
 * `field_accuracy` and `accuracy_<field>`, `null` where nothing was scored.
 */
export function metadataMetrics(result: MetadataAccuracy): Record<string, number | null> {
  const metrics: Record<string, number | null> = { field_accuracy: result.fieldAccuracy };
  for (const field of METADATA_FIELDS) metrics[`accuracy_${field}`] = result.fields[field].accuracy;
  return metrics;
}

/** The extracted value scored against the reference's `field`. */
export function predictionFor(field: MetadataField, metadata: PageMetadata): string | null {
  return field === 'date' ? (metadata.dateModified ?? metadata.date) : metadata[field];
}

/** Whether an extracted value equals the expected one, with the leniencies documented above. */
export function sameMetadataValue(
  field: MetadataField,
  expected: unknown,
  actual: string | null,
  pageUrl: string,
): boolean {
  if (expected === null || expected === undefined || expected === '') return actual === null;
  if (typeof expected !== 'string' || actual === null) return false;
  switch (field) {
    case 'date': {
      const want = Date.parse(expected);
      return !Number.isNaN(want) && want === Date.parse(actual);
    }
    case 'lang':
      return primarySubtag(expected) === primarySubtag(actual);
    case 'url':
    case 'image':
    case 'logo':
    case 'audio':
    case 'video': {
      const want = comparableUrl(expected, pageUrl);
      return want !== null && want === comparableUrl(actual, pageUrl);
    }
    default:
      return comparableText(expected) === comparableText(actual);
  }
}

/** Text as a reader compares it: whitespace collapsed, typographic quotes and ellipsis in ASCII. */
export function comparableText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/…/g, '...');
}

function primarySubtag(tag: string): string {
  return (tag.trim().split(/[-_]/)[0] ?? '').toLowerCase();
}

/** A URL resolved and normalized for comparison (see the module comment), or `null` when it is not one. */
export function comparableUrl(raw: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  url.hash = '';
  if (url.protocol === 'http:') url.protocol = 'https:';
  try {
    return decodeURI(url.href);
  } catch {
    return url.href; // a malformed escape: compare as written
  }
}
