import type { AttributeSpec } from '../profile.js';

/** What the SEO profile yields for a page; every key is one of `SEO_ATTRIBUTES`. */
export type SeoAttributes = {
  meta_tags: {
    title: string | null;
    titleLength: number;
    description: string | null;
    descriptionLength: number;
    robots: string | null;
    indexable: boolean;
    openGraph: boolean;
    twitterCard: boolean;
    charset: string | null;
  };
  heading_structure: {
    h1Count: number;
    /** Headings per level, h1 first. */
    levels: number[];
    /** Jumps deeper by more than one level, as "h1>h3". */
    skippedLevels: string[];
    firstH1: string | null;
    outline: { level: number; text: string }[];
  };
  schema_types: string[];
  structured_data: {
    jsonLd: number;
    jsonLdErrors: number;
    microdata: number;
    rdfa: number;
    microformats: number;
    openGraph: number;
    syntaxes: string[];
  };
  internal_links: {
    internal: number;
    uniqueInternal: number;
    external: number;
    nofollow: number;
    emptyText: number;
    genericText: number;
  };
  image_alt: { images: number; withAlt: number; emptyAlt: number; missingAlt: number; coverage: number };
  canonical: { url: string | null; present: boolean; selfReferencing: boolean };
  hreflang: { lang: string; url: string }[];
  content: {
    wordCount: number;
    articleWordCount: number;
    paragraphs: number;
    /** Characters of main article text per character of HTML. */
    contentToHtmlRatio: number;
    readingMinutes: number;
    thin: boolean;
    lang: string | null;
  };
  mobile: {
    viewport: string | null;
    responsiveViewport: boolean;
    measured: boolean;
    viewportWidth: number | null;
    horizontalScroll: boolean | null;
    tapTargets: number | null;
    smallTapTargets: number | null;
    smallTapTargetExamples: { text: string; width: number; height: number }[];
  };
  load_time_ms: number | null;
  issues: string[];
  checks: { passed: number; total: number };
};

export const SEO_ATTRIBUTES: AttributeSpec[] = [
  {
    name: 'meta_tags',
    type: 'object',
    description:
      'Title and meta description with their lengths, robots directive and whether the page is indexable, OpenGraph and Twitter card presence, charset',
  },
  {
    name: 'heading_structure',
    type: 'object',
    description:
      'h1 count, headings per level, skipped levels (h1>h3), the first h1 and the outline (first 20 headings)',
  },
  {
    name: 'schema_types',
    type: 'string[]',
    description:
      'schema.org types the page declares in JSON-LD, microdata and RDFa (short names, deduplicated)',
  },
  {
    name: 'structured_data',
    type: 'object',
    description:
      'Structured data counts per syntax (JSON-LD blocks and unparseable ones, microdata items, RDFa nodes, microformats, OpenGraph properties) and the syntaxes present',
  },
  {
    name: 'internal_links',
    type: 'object',
    description:
      'Internal (and distinct internal) and external links, nofollow links, links without text and with generic text ("click here", "read more")',
  },
  {
    name: 'image_alt',
    type: 'object',
    description: 'Images with alt text, with an empty alt, without alt, and the share with alt text (0-1)',
  },
  {
    name: 'canonical',
    type: 'object',
    description: 'The canonical URL, whether present and whether it points at the page itself',
  },
  {
    name: 'hreflang',
    type: 'object[]',
    description: 'Language alternates declared with <link rel="alternate" hreflang> (language, URL)',
  },
  {
    name: 'content',
    type: 'object',
    description:
      'Visible and main-article word counts, paragraphs, main-text-to-HTML ratio, reading time, thin content (< 300 words) and the declared language',
  },
  {
    name: 'mobile',
    type: 'object',
    description:
      'Mobile friendliness: viewport meta and whether it is responsive; in browser mode also the layout width, horizontal scrolling and tap targets smaller than 24×24 CSS px',
  },
  {
    name: 'load_time_ms',
    type: 'number',
    description:
      'Milliseconds from navigation start to the load event (browser mode; null when fetched statically)',
  },
  {
    name: 'issues',
    type: 'string[]',
    description:
      'Codes of the failed checks, e.g. missing-description, multiple-h1, images-missing-alt, slow-load',
  },
  {
    name: 'checks',
    type: 'object',
    description: 'How many of the applicable checks the page passes fully, of how many',
  },
];

export const SEO_QUALITY_RULE =
  'Weighted share of passed checks, × 100 and rounded. Checks (weight): title present (10) and 15-70 characters (5); ' +
  'description present (8) and 50-170 characters (4); exactly one h1 (8); no skipped heading level (4); canonical (6); ' +
  'indexable (6); structured data (8); image alt coverage (6, partial credit = share with alt; skipped without images); ' +
  '≥ 3 internal links (4); content ≥ 300 words (8, partial credit words ÷ 300); declared language (3); responsive viewport (6); ' +
  'OpenGraph title and image (3); hreflang alternates all with language and URL (2, only when present). ' +
  'In browser mode also: ≤ 10% small tap targets (5, falling to 0 at 50%), no horizontal scrolling (3) and load ≤ 2.5 s (6, falling to 0 at 8 s). ' +
  'Checks that do not apply are left out of both sums.';
