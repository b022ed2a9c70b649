// Real, externally authored fixtures (../shared/fixtures, see its README): extruct's samples for JSON-LD and
// OpenGraph (exact equality with extruct's expected output). metascraper's saved pages, for the page
// metadata, are measured in metadata-fixtures.test.ts.
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
