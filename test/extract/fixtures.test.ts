// Real, externally authored fixtures (../shared/fixtures, see its README): extruct's samples for JSON-LD and
// OpenGraph (exact equality with extruct's expected output) and metascraper's saved pages for metadata.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';

const FIXTURES = new URL('../../../shared/fixtures/', import.meta.url);
const readText = (path: string): string => readFileSync(new URL(path, FIXTURES), 'utf8');
const readJsonLines = <T>(path: string): T[] =>
  readText(path)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

interface StructuredDataCase {
  id: string;
  syntax: string;
  html: string;
  expected: string;
  options: Record<string, unknown>;
  compare: string;
}

// extruct's keys in an `all` case, and the PageFacts field each corresponds to.
const SYNTAXES = { 'json-ld': 'jsonLd', opengraph: 'openGraph' } as const;
type Syntax = keyof typeof SYNTAXES;
// Options that do not change what extruct gives for JSON-LD and OpenGraph.
const NEUTRAL_OPTIONS: ReadonlySet<string> = new Set(['base_url']);

function structuredDataChecks(): {
  name: string;
  case: StructuredDataCase;
  syntax: Syntax;
  expected: unknown;
}[] {
  const checks = [];
  for (const item of readJsonLines<StructuredDataCase>('structured-data/cases.jsonl')) {
    if (!Object.keys(item.options).every((option) => NEUTRAL_OPTIONS.has(option))) continue;
    const expected = JSON.parse(readText(`structured-data/${item.expected}`)) as unknown;
    if (item.syntax in SYNTAXES) {
      checks.push({ name: item.id, case: item, syntax: item.syntax as Syntax, expected });
    } else if (item.syntax === 'all' && item.compare === 'exact_json') {
      // `exact_json_key:…` cases compare only another syntax's output.
      for (const syntax of Object.keys(SYNTAXES) as Syntax[]) {
        const part = (expected as Record<string, unknown>)[syntax];
        if (part !== undefined)
          checks.push({ name: `${item.id} [${syntax}]`, case: item, syntax, expected: part });
      }
    }
  }
  return checks;
}

describe('structured-data fixtures (extruct)', () => {
  const checks = structuredDataChecks();

  it('has JSON-LD and OpenGraph cases to check', () => {
    expect(checks.filter((check) => check.syntax === 'json-ld').length).toBeGreaterThanOrEqual(4);
    expect(checks.filter((check) => check.syntax === 'opengraph').length).toBeGreaterThanOrEqual(1);
  });

  it.each(checks.map((check) => [check.name, check] as const))('%s', (_name, check) => {
    const html = readText(`structured-data/${check.case.html}`);
    const url =
      typeof check.case.options['base_url'] === 'string'
        ? check.case.options['base_url']
        : 'http://example.com/';
    const facts = extractPage(html, { url });
    // Through JSON, as the facts are stored, so null-prototype maps compare as the plain objects they serialize to.
    expect(JSON.parse(JSON.stringify(facts[SYNTAXES[check.syntax]])) as unknown).toEqual(check.expected);
    if (check.syntax === 'json-ld') expect(facts.jsonLdErrors).toEqual([]);
  });
});

interface PageMetadataCase {
  id: string;
  html: string;
  url: string;
  expected: string;
  excluded_keys: string[];
}

const METADATA_FIELDS = ['title', 'description', 'lang'] as const;
type MetadataField = (typeof METADATA_FIELDS)[number];

/**
 * Equality as a reader sees it: metascraper's expected values are typographically "smartened" (curly
 * quotes, an ellipsis character), which is its presentation, not the page's text; the language is
 * compared on its primary subtag (metascraper keeps only that).
 */
function comparable(field: MetadataField, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (field === 'lang') return text.split('-')[0]?.toLowerCase() ?? null;
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/…/g, '...');
}

// Measured when written: title 29/29, description 27/29 (the two misses take metascraper's fallback to
// the first paragraph, which is not metadata), lang 23/23. Each floor allows about one more miss, so that
// a change made for the general case is not held hostage by one fixture page.
const ACCURACY_FLOOR: Record<MetadataField, number> = { title: 0.95, description: 0.89, lang: 0.95 };

describe('page-metadata fixtures (metascraper)', () => {
  it('reads title, description and lang accurately', () => {
    const tally = Object.fromEntries(
      METADATA_FIELDS.map((field) => [field, { right: 0, total: 0, misses: [] as string[] }]),
    );
    for (const item of readJsonLines<PageMetadataCase>('page-metadata/cases.jsonl')) {
      const expected = JSON.parse(readText(`page-metadata/${item.expected}`)) as Record<string, unknown>;
      const { metadata } = extractPage(readText(`page-metadata/${item.html}`), { url: item.url });
      for (const field of METADATA_FIELDS) {
        const want = comparable(field, expected[field]);
        if (want === null || item.excluded_keys.includes(field)) continue;
        const score = tally[field] as { right: number; total: number; misses: string[] };
        score.total += 1;
        if (comparable(field, metadata[field]) === want) score.right += 1;
        else score.misses.push(item.id);
      }
    }
    for (const field of METADATA_FIELDS) {
      const { right, total, misses } = tally[field] as { right: number; total: number; misses: string[] };
      const accuracy = right / total;
      console.log(
        `page-metadata ${field}: ${right}/${total} = ${accuracy.toFixed(3)}${misses.length > 0 ? `; misses: ${misses.join(', ')}` : ''}`,
      );
      expect(total).toBeGreaterThan(0);
      expect(accuracy, field).toBeGreaterThanOrEqual(ACCURACY_FLOOR[field]);
    }
  });
});
