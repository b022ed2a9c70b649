// Main article text: Gleaner against Readability.js (@mozilla/readability on linkedom, as the benchmark's
// readability_js extractor runs it in Node) on the same pages, in one process, in the same run. Quality on
// the 60 pages of scrapinghub's article-extraction-benchmark (../shared/fixtures/articles), scored with the
// benchmark's 4-gram shingle F1; speed there and on the 60 product pages (../shared/fixtures/product-pages),
// from the HTML string to the article text (each parses its own DOM: htmlparser2 for us, linkedom for
// Readability, which also mutates its document, so it cannot reuse one).
//
//   node --import tsx bench/articles.ts [--runs 5]
//
// Results: a table on stdout, bench/results/articles.json, and a markdown block for BENCHMARKS.md.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import {
  aggregateScores,
  extractArticle,
  extractArticleText,
  parsePage,
  scorePage,
  type ParsedPage,
  type ShingleScores,
} from '../src/extract/index.js';

const REPO = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(REPO, '..', 'shared', 'fixtures');
const RESULTS = join(REPO, 'bench', 'results');

const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const runs = Number(values.runs ?? 5);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');

interface Page {
  id: string;
  url: string;
  html: string;
  /** The expected article text (the article fixtures only). */
  truth?: string;
}

// A full collection before each timed pass, so that neither extractor pays for the other's garbage
// (linkedom's DOMs are large). Exposed at run time: the command needs no `--expose-gc`.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** What is timed on a page, after an untimed preparation (the parse, for the parse-excluded row). */
interface Extractor {
  prepare?: (page: Page) => ParsedPage;
  extract: (page: Page, parsed: ParsedPage | undefined) => string;
}
type Name = 'gleaner' | 'readability' | 'gleaner, parse excluded';

const EXTRACTORS: Record<Name, Extractor> = {
  gleaner: { extract: (page) => extractArticleText(page.html, page.url)?.text ?? '' },
  readability: {
    extract: (page) => {
      const { document } = parseHTML(page.html);
      // linkedom's document stands in for the DOM Readability's types name; it has what Readability reads.
      const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]);
      return reader.parse()?.textContent ?? '';
    },
  },
  // The article alone, on the page that `extractPage` parses once for every extractor.
  'gleaner, parse excluded': {
    prepare: (page) => parsePage(page.html, new URL(page.url)),
    extract: (_page, parsed) => (parsed === undefined ? '' : (extractArticle(parsed)?.text ?? '')),
  },
};
const NAMES = Object.keys(EXTRACTORS) as Name[];

function loadArticles(): Page[] {
  const dir = join(FIXTURES, 'articles');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.entries(truth).map(([id, { articleBody, url }]) => {
    const html = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    return { id, url, truth: articleBody, html };
  });
}

function loadProductPages(): Page[] {
  const dir = join(FIXTURES, 'product-pages');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string }
  >;
  return readdirSync(join(dir, 'html'))
    .filter((file) => file.endsWith('.html.gz'))
    .map((file) => {
      const id = file.slice(0, -'.html.gz'.length);
      const url = truth[id]?.url ?? 'https://example.com/';
      const html = gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8');
      return { id, url, html };
    });
}

/** One pass over the pages: seconds (summed page by page), the slowest page, and each page's text. */
function pass(
  extractor: Extractor,
  pages: readonly Page[],
): { seconds: number; worstMs: number; texts: string[]; errors: number } {
  const texts: string[] = [];
  let errors = 0;
  let nanoseconds = 0n;
  let worst = 0n;
  collectGarbage();
  for (const page of pages) {
    const parsed = extractor.prepare?.(page);
    const start = process.hrtime.bigint();
    try {
      texts.push(extractor.extract(page, parsed));
    } catch {
      errors += 1;
      texts.push('');
    }
    const took = process.hrtime.bigint() - start;
    nanoseconds += took;
    if (took > worst) worst = took;
  }
  return { seconds: Number(nanoseconds) / 1e9, worstMs: Number(worst) / 1e6, texts, errors };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

interface CorpusResult {
  corpus: string;
  pages: number;
  averageKb: number;
  byName: Record<
    Name,
    {
      pagesPerSecond: number;
      msPerPage: number;
      worstMs: number;
      eachRun: number[];
      errors: number;
      scores?: ShingleScores;
    }
  >;
}

function measure(corpus: string, pages: readonly Page[]): CorpusResult {
  // A warm-up pass each, so that neither pays the other's JIT or the first read of the files.
  for (const name of NAMES) pass(EXTRACTORS[name], pages);
  const rates = Object.fromEntries(NAMES.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  const last: Partial<Record<Name, { texts: string[]; errors: number }>> = {};
  const worst = Object.fromEntries(NAMES.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < runs; round += 1) {
    // Alternate the order so that neither always runs first (GC state, CPU boost).
    const order = round % 2 === 0 ? NAMES : [...NAMES].reverse();
    for (const name of order) {
      const result = pass(EXTRACTORS[name], pages);
      rates[name].push(pages.length / result.seconds);
      last[name] = result;
      worst[name].push(result.worstMs);
    }
  }
  const byName = {} as CorpusResult['byName'];
  for (const name of NAMES) {
    const pagesPerSecond = median(rates[name]);
    const { texts, errors } = last[name] as { texts: string[]; errors: number };
    const worstMs = median(worst[name]);
    const scored = pages.every((page) => page.truth !== undefined)
      ? aggregateScores(pages.map((page, i) => scorePage(page.truth as string, texts[i] as string)))
      : undefined;
    byName[name] = {
      pagesPerSecond,
      msPerPage: 1000 / pagesPerSecond,
      worstMs,
      eachRun: rates[name],
      errors,
      ...(scored === undefined ? {} : { scores: scored }),
    };
  }
  const averageKb = pages.reduce((sum, page) => sum + Buffer.byteLength(page.html), 0) / pages.length / 1024;
  return { corpus, pages: pages.length, averageKb, byName };
}

const machine = {
  date: new Date().toISOString().slice(0, 10),
  loadAverage: loadavg()[0] ?? 0,
  nproc: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  readability: (
    JSON.parse(
      readFileSync(join(REPO, 'node_modules', '@mozilla', 'readability', 'package.json'), 'utf8'),
    ) as {
      version: string;
    }
  ).version,
  linkedom: (
    JSON.parse(readFileSync(join(REPO, 'node_modules', 'linkedom', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version,
};
const command = `node --import tsx bench/articles.ts --runs ${runs}`;

const results = [measure('articles', loadArticles()), measure('product-pages', loadProductPages())];

const fixed = (value: number, digits: number): string => value.toFixed(digits);
const lines: string[] = [];
lines.push(`### Article text (${machine.date})`, '');
lines.push(
  `${machine.nproc} cores (${machine.cpuModel}), Node ${machine.node}, @mozilla/readability ${machine.readability} on linkedom ${machine.linkedom}; one process, one thread, from the HTML string to the text (each parses its own DOM); medians of ${runs} runs after a warm-up; load average ${machine.loadAverage.toFixed(1)} at the start (a shared machine: the ratio, taken run by run, is steadier than the rates). F1, precision, recall: the article-extraction-benchmark's shingle metric on its 60 development pages (published on the full benchmark: trafilatura 0.958, Readability.js 0.947). Command: \`${command}\``,
  '',
);
lines.push(
  '| corpus | extractor | F1 | precision | recall | mean page F1 | pages/s | ms/page | slowest page ms | errors |',
);
lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const result of results) {
  for (const name of NAMES) {
    const row = result.byName[name];
    const s = row.scores;
    lines.push(
      `| ${result.corpus} (${result.pages}, avg ${fixed(result.averageKb, 0)} KB) | ${name} | ${s ? fixed(s.f1, 3) : '–'} | ${s ? fixed(s.precision, 3) : '–'} | ${s ? fixed(s.recall, 3) : '–'} | ${s ? fixed(s.meanPageF1, 3) : '–'} | ${fixed(row.pagesPerSecond, 0)} | ${fixed(row.msPerPage, 2)} | ${fixed(row.worstMs, 1)} | ${row.errors} |`,
    );
  }
}
lines.push('');
for (const result of results) {
  const ours = result.byName.gleaner;
  const peer = result.byName.readability;
  const speed = ours.pagesPerSecond / peer.pagesPerSecond;
  const each = ours.eachRun.map((rate, i) => fixed(rate / (peer.eachRun[i] as number), 2)).join(', ');
  let line = `- ${result.corpus}: Gleaner/Readability throughput ${fixed(speed, 2)}× (each run: ${each})`;
  if (ours.scores && peer.scores) {
    line += `; F1 ${fixed(ours.scores.f1, 3)} against ${fixed(peer.scores.f1, 3)} (${ours.scores.f1 >= 0.95 ? 'target ≥ 0.95 met' : '**target ≥ 0.95 missed**'})`;
  }
  lines.push(line);
}
console.log(lines.join('\n'));

mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'articles.json'), `${JSON.stringify({ machine, command, results }, null, 2)}\n`);
