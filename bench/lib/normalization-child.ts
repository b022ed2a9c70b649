// Gleaner's side of bench/normalization.ts, one process (the parent pins it with taskset): reads the
// pages (not timed), then times, each in passes until `--seconds` have gone by after a warm-up:
//   extract       extractPage(html, { url })                    the extraction alone, for reference
//   extract+facts extractPage(html, { url, product: true })     what mining asks for
//   normalize     normalizeProduct(facts.product, { url })      over facts extracted once beforehand
// Prints one JSON line: { tool, stages: [...], accuracy }.
//
//   node --import tsx bench/lib/normalization-child.ts <manifest.json> [--seconds 3] [--warmup 20]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractPage, type ProductFacts } from '../../src/extract/index.js';
import { normalizeProduct, type ProductAttributes } from '../../src/normalize/index.js';
import type { NormalizationCorpus } from './normalization-corpus.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string', default: '3' }, warmup: { type: 'string', default: '20' } },
});
const [manifest] = positionals;
if (manifest === undefined) throw new Error('usage: normalization-child.ts <manifest.json>');
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);

const corpus = JSON.parse(readFileSync(manifest, 'utf8')) as NormalizationCorpus;
const pages = corpus.pages.map((p) => ({ ...p, html: readFileSync(p.file, 'utf8') }));

export interface StageResult {
  stage: string;
  items: number;
  passes: number;
  calls: number;
  seconds: number;
  perSecond: number;
  cpuSeconds: number;
}

function time(stage: string, count: number, run: (i: number) => unknown): StageResult {
  for (let i = 0; i < Math.min(warmup, count); i += 1) run(i);
  let calls = 0;
  let passes = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  do {
    for (let i = 0; i < count; i += 1) run(i);
    calls += count;
    passes += 1;
  } while (performance.now() - start < seconds * 1000);
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    stage,
    items: count,
    passes,
    calls,
    seconds: elapsed,
    perSecond: calls / elapsed,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

const stages: StageResult[] = [];
stages.push(time('extract', pages.length, (i) => extractPage(pages[i]!.html, { url: pages[i]!.url })));
stages.push(
  time('extract+facts', pages.length, (i) =>
    extractPage(pages[i]!.html, { url: pages[i]!.url, product: true }),
  ),
);
const facts: ProductFacts[] = pages.map((p) => extractPage(p.html, { url: p.url, product: true }).product!);
stages.push(time('normalize', pages.length, (i) => normalizeProduct(facts[i]!, { url: pages[i]!.url })));

// What the records hold, against the demo site's truth: shows both tools did the same work.
const records: ProductAttributes[] = facts.map((f, i) => normalizeProduct(f, { url: pages[i]!.url }));
const decimal = (v: string) => v.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
const rate = (ok: (r: ProductAttributes, i: number) => boolean) =>
  records.filter((r, i) => ok(r, i)).length / records.length;
const accuracy = {
  price: rate((r, i) => r.price?.value === decimal(pages[i]!.truth.price)),
  currency: rate((r, i) => r.currency?.value === pages[i]!.truth.currency),
  availability: rate((r, i) => r.availability?.value === pages[i]!.truth.availability),
  sku: rate((r, i) => r.sku?.value === pages[i]!.truth.sku),
};
process.stdout.write(`${JSON.stringify({ tool: 'gleaner', stages, accuracy })}\n`);
