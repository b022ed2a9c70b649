import type { PageFacts } from '../../extract/index.js';
import { scanHead } from '../head-scan.js';
import type { PageSnapshot } from '../profile.js';
import { round } from '../scoring.js';
import { seoChecks } from './checks.js';
import type { SeoLiveRaw } from './gather.js';
import { schemaTypes } from './schema-types.js';
import type { SeoAttributes } from './spec.js';

const OUTLINE_LENGTH = 20;
const HEADING_TEXT_CHARS = 120;
const WORDS_PER_MINUTE = 230;
const THIN_WORDS = 300;
const GENERIC_LINK_TEXT =
  /^(click here|here|read more|more|learn more|link|this page|this|continue|details|go)$/i;

/** The SEO attributes of a page from its facts and head links, with the live measurements when there are. */
export function seoAttributes(raw: SeoLiveRaw | null, page: PageSnapshot): SeoAttributes {
  const { facts } = page;
  const head = scanHead(page.html);
  const measured: Omit<SeoAttributes, 'issues' | 'checks'> = {
    meta_tags: metaTags(facts, head.title),
    heading_structure: headingStructure(facts),
    schema_types: schemaTypes(facts),
    structured_data: structuredData(facts),
    internal_links: internalLinks(facts),
    image_alt: imageAlt(facts),
    canonical: canonical(facts, page.url),
    hreflang: head.links
      .filter((link) => relOf(link).includes('alternate') && link['hreflang'] !== undefined)
      .map((link) => ({ lang: (link['hreflang'] ?? '').trim(), url: absolute(link['href'], page.url) })),
    content: content(facts, page.html.length),
    mobile: mobile(facts, raw),
    load_time_ms: raw?.loadMs ?? null,
  };
  const checks = seoChecks(measured);
  const applicable = checks.filter((c) => c.score !== null);
  return {
    ...measured,
    issues: applicable.filter((c) => c.score! < 1).map((c) => c.issue),
    checks: { passed: applicable.filter((c) => c.score === 1).length, total: applicable.length },
  };
}

/** `title` is the document's own `<title>`: what search engines show (metadata.title prefers og:title). */
function metaTags(facts: PageFacts, title: string | null): SeoAttributes['meta_tags'] {
  const first = (name: string): string | null => facts.meta[name]?.[0]?.trim() || null;
  const description = first('description');
  const robots = facts.metadata.robots;
  return {
    title,
    titleLength: title?.length ?? 0,
    description,
    descriptionLength: description?.length ?? 0,
    robots,
    indexable: !/\b(noindex|none)\b/i.test(robots ?? ''),
    openGraph: facts.meta['og:title'] !== undefined && facts.meta['og:image'] !== undefined,
    twitterCard: facts.meta['twitter:card'] !== undefined,
    charset: facts.metadata.charset,
  };
}

function headingStructure(facts: PageFacts): SeoAttributes['heading_structure'] {
  const levels = [0, 0, 0, 0, 0, 0];
  const skipped = new Set<string>();
  let previous = 0;
  for (const { level } of facts.headings) {
    levels[level - 1] = (levels[level - 1] ?? 0) + 1;
    if (previous > 0 && level > previous + 1) skipped.add(`h${previous}>h${level}`);
    previous = level;
  }
  const clip = (text: string) => text.slice(0, HEADING_TEXT_CHARS);
  return {
    h1Count: levels[0]!,
    levels,
    skippedLevels: [...skipped],
    firstH1: facts.headings.find((h) => h.level === 1)?.text.slice(0, HEADING_TEXT_CHARS) ?? null,
    outline: facts.headings.slice(0, OUTLINE_LENGTH).map((h) => ({ level: h.level, text: clip(h.text) })),
  };
}

function structuredData(facts: PageFacts): SeoAttributes['structured_data'] {
  const openGraph = facts.openGraph.reduce((n, item) => n + item.properties.length, 0);
  const counts = {
    jsonLd: facts.jsonLd.length,
    jsonLdErrors: facts.jsonLdErrors.length,
    microdata: facts.microdata.length,
    // OpenGraph metas are RDFa too; count only typed RDFa nodes as RDFa markup.
    rdfa: facts.rdfa.filter((node) => node['@type'] !== undefined).length,
    microformats: facts.microformats.length,
    openGraph,
  };
  const syntaxes = [
    ...(counts.jsonLd > 0 ? ['json-ld'] : []),
    ...(counts.microdata > 0 ? ['microdata'] : []),
    ...(counts.rdfa > 0 ? ['rdfa'] : []),
    ...(counts.microformats > 0 ? ['microformat'] : []),
  ];
  return { ...counts, syntaxes };
}

function internalLinks(facts: PageFacts): SeoAttributes['internal_links'] {
  const internal = facts.links.filter((l) => l.internal);
  return {
    internal: internal.length,
    uniqueInternal: new Set(internal.map((l) => l.url)).size,
    external: facts.links.length - internal.length,
    nofollow: facts.links.filter((l) => l.rel.includes('nofollow')).length,
    emptyText: facts.links.filter((l) => l.text.trim() === '').length,
    genericText: facts.links.filter((l) => GENERIC_LINK_TEXT.test(l.text.trim())).length,
  };
}

function imageAlt(facts: PageFacts): SeoAttributes['image_alt'] {
  const count = (state: string) => facts.images.filter((i) => i.altState === state).length;
  const images = facts.images.length;
  const withAlt = count('present');
  return {
    images,
    withAlt,
    emptyAlt: count('empty'),
    missingAlt: count('missing'),
    coverage: images === 0 ? 1 : round(withAlt / images, 3),
  };
}

function canonical(facts: PageFacts, pageUrl: string): SeoAttributes['canonical'] {
  const url = facts.metadata.canonicalUrl;
  return { url, present: url !== null, selfReferencing: url !== null && sameUrl(url, pageUrl) };
}

function content(facts: PageFacts, htmlChars: number): SeoAttributes['content'] {
  const articleWords = facts.article?.wordCount ?? 0;
  return {
    wordCount: facts.wordCount,
    articleWordCount: articleWords,
    paragraphs: facts.article?.paragraphs ?? 0,
    contentToHtmlRatio: htmlChars === 0 ? 0 : round((facts.article?.text.length ?? 0) / htmlChars, 3),
    readingMinutes: round((articleWords || facts.wordCount) / WORDS_PER_MINUTE, 1),
    thin: facts.wordCount < THIN_WORDS,
    lang: facts.metadata.lang,
  };
}

function mobile(facts: PageFacts, raw: SeoLiveRaw | null): SeoAttributes['mobile'] {
  const viewport = facts.metadata.viewport;
  return {
    viewport,
    responsiveViewport: /width\s*=\s*device-width/i.test(viewport ?? ''),
    measured: raw !== null,
    viewportWidth: raw?.viewportWidth ?? null,
    // One pixel of rounding is not a scrollbar.
    horizontalScroll: raw ? raw.documentWidth > raw.viewportWidth + 1 : null,
    tapTargets: raw?.tapTargets ?? null,
    smallTapTargets: raw?.smallTapTargets ?? null,
    smallTapTargetExamples: raw?.smallTapTargetExamples ?? [],
  };
}

function relOf(link: Record<string, string>): string[] {
  return (link['rel'] ?? '').toLowerCase().split(/\s+/);
}

function absolute(href: string | undefined, base: string): string {
  if (!href?.trim()) return '';
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return '';
  }
}

/** Same URL ignoring the fragment and a trailing slash. */
function sameUrl(a: string, b: string): boolean {
  const norm = (url: string) => {
    try {
      const parsed = new URL(url);
      parsed.hash = '';
      return parsed.href.replace(/\/$/, '');
    } catch {
      return url;
    }
  };
  return norm(a) === norm(b);
}
