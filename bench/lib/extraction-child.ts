// Gleaner's side of bench/extraction.ts, one process on one core (the parent pins it with taskset):
// reads every page of the corpus (not timed), warms up on a few pages, then extracts every page in
// passes until `--seconds` have gone by, timing each call. Prints one JSON line: a ChildResult.
//
//   node --import tsx bench/lib/extraction-child.ts <manifest.json> <extractPage|extractStructuredData>
//        [--seconds 3] [--warmup 5]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as extract from '../../src/extract/index.js';
import type { Corpus } from './extraction-corpus.js';
import { SYNTAXES, type ChildResult, type SetResult } from './extraction-report.js';

type Extractor = (html: string, url: string) => unknown;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string', default: '3' }, warmup: { type: 'string', default: '5' } },
});
const [manifest, fn] = positionals;
if (manifest === undefined || (fn !== 'extractPage' && fn !== 'extractStructuredData')) {
  throw new Error('usage: extraction-child.ts <manifest.json> <extractPage|extractStructuredData>');
}

function extractor(name: string): Extractor {
  if (name === 'extractPage') return (html, url) => extract.extractPage(html, { url });
  // extractStructuredData is being added to src/extract: looked up at run time so that this file compiles
  // with or without it.
  const structured = (extract as Record<string, unknown>)[name];
  if (typeof structured !== 'function') throw new Error(`src/extract/index.ts exports no ${name}`);
  const call = structured as (html: string, options: { url: string; syntaxes: string[] }) => unknown;
  return (html, url) => call(html, { url, syntaxes: [...SYNTAXES] });
}

/** `json-ld`, `jsonLd` → `jsonld`; `microformats` → `microformat`; `dublinCore` → `dublincore`. */
const syntaxOf = (key: string): string =>
  key
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/s$/, '');
const SYNTAX_NAMES = new Set(SYNTAXES.map(syntaxOf));

/** The items of a syntax's value: a list, or a microformats2 document's `items`. */
const itemsOf = (value: unknown): unknown =>
  Array.isArray(value) ? value : (value as { items?: unknown } | null)?.items;

/**
 * Adds one result's items per syntax to `counts`. A syntax counts where it first appears: at the top level,
 * else one object down (`{structuredData: {microdata}}`), so a syntax listed in both is counted once.
 */
function countItems(result: unknown, counts: Record<string, number>): void {
  const found: Record<string, number> = {};
  const visit = (object: unknown, depth: number): void => {
    if (object === null || typeof object !== 'object' || Array.isArray(object)) return;
    const nested: unknown[] = [];
    for (const [key, value] of Object.entries(object)) {
      const syntax = syntaxOf(key);
      const items = SYNTAX_NAMES.has(syntax) ? itemsOf(value) : undefined;
      if (Array.isArray(items)) found[syntax] ??= items.length;
      else if (depth === 0) nested.push(value);
    }
    for (const value of nested) visit(value, 1);
  };
  visit(result, 0);
  for (const [syntax, n] of Object.entries(found)) counts[syntax] = (counts[syntax] ?? 0) + n;
}

const quantile = (sorted: Float64Array, q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function timeSet(run: Extractor, name: string, pages: { html: string; url: string }[]): SetResult {
  const warmup = Number(values.warmup);
  const seconds = Number(values.seconds);
  for (const page of pages.slice(0, warmup)) run(page.html, page.url);
  const counts: Record<string, number> = {};
  const samples: number[] = [];
  let errors = 0;
  let passes = 0;
  const startUs = Number(process.hrtime.bigint() / 1000n); // the clock of V8's CPU profiles
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  do {
    for (const page of pages) {
      const before = performance.now();
      let result: unknown;
      try {
        result = run(page.html, page.url);
      } catch {
        errors += 1;
      }
      samples.push(performance.now() - before);
      if (passes === 0) countItems(result, counts);
    }
    passes += 1;
  } while (performance.now() - start < seconds * 1000);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = Float64Array.from(samples).sort();
  return {
    set: name,
    pages: pages.length,
    passes,
    extractions: samples.length,
    seconds: elapsed,
    msPerPage: {
      median: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      mean: (elapsed * 1000) / samples.length,
    },
    pagesPerSecond: samples.length / elapsed,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    counts,
    errors: errors / passes,
    window: { startUs, endUs: Number(process.hrtime.bigint() / 1000n) },
  };
}

const corpus = JSON.parse(readFileSync(manifest, 'utf8')) as Corpus;
const run = extractor(fn);
const loaded = corpus.sets.map((set) => ({
  name: set.name,
  pages: set.pages.map((p) => ({ html: readFileSync(p.file, 'utf8'), url: p.url })),
}));
const result: ChildResult = {
  tool: fn === 'extractPage' ? 'gleaner' : 'gleaner-structured',
  sets: loaded.map((set) => timeSet(run, set.name, set.pages)),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
