// Extraction of every structured-data syntax on one core: Gleaner against extruct, on the same files in
// the same run. Inputs: the 60 product pages of the fixtures and a sample of the demo site's pages,
// written once to a temporary folder. Each tool is a child process pinned to core 0 (taskset), one after
// the other; each reads the files, warms up, then times every page over passes lasting --seconds.
//
//   node --import tsx bench/extraction.ts [--runs 3] [--seconds 3] [--warmup 5] [--demo-pages 300] [--cpu-prof]
//
// --cpu-prof adds one Gleaner run under `node --cpu-prof` after the timed runs and prints where its
// time goes during the timed passes (files in bench/results/profiles/extraction).
// Results: tables on stdout, bench/results/extraction.json, and a markdown block for BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatSummary, summariseProfile } from './lib/cpuprofile.js';
import { buildCorpus } from './lib/extraction-corpus.js';
import {
  describeMachine,
  markdownTable,
  ratio,
  ratioLine,
  sameWorkLine,
  runTable,
  summarise,
  type ChildResult,
  type Ratio,
  type Summary,
  type Tool,
  type ToolRun,
} from './lib/extraction-report.js';
import { checkGnuTime, measure } from './lib/measure.js';

const REPO = resolve(import.meta.dirname, '..');
const RESULTS = join(REPO, 'bench', 'results');
const PROFILES = join(RESULTS, 'profiles', 'extraction');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '5' },
    'demo-pages': { type: 'string', default: '300' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
const childArgs = ['--seconds', values.seconds, '--warmup', values.warmup];

checkGnuTime();
const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pin = pinned ? ['taskset', '-c', '0'] : [];
const machine = describeMachine(pinned ? 'taskset -c 0' : 'not pinned: taskset is missing');
// Looked up in the source, not imported: extractStructuredData is being added to src/extract.
const hasStructured = /\bextractStructuredData\b/.test(
  readFileSync(join(REPO, 'src', 'extract', 'index.ts'), 'utf8'),
);
const tools: Tool[] = ['gleaner', ...(hasStructured ? (['gleaner-structured'] as const) : []), 'extruct'];

const corpusDir = mkdtempSync(join(tmpdir(), 'gleaner-bench-extraction-'));
const manifest = join(corpusDir, 'manifest.json');

function childCommand(tool: Tool, nodeFlags: string[] = []): string[] {
  if (tool === 'extruct')
    return [...pin, '/usr/bin/python3', 'bench/peers/extruct_extract.py', manifest, ...childArgs];
  const fn = tool === 'gleaner' ? 'extractPage' : 'extractStructuredData';
  const child = ['--import', 'tsx', 'bench/lib/extraction-child.ts', manifest, fn, ...childArgs];
  return [...pin, process.execPath, ...nodeFlags, ...child];
}

async function runTool(tool: Tool, round: number, nodeFlags: string[] = []): Promise<ToolRun> {
  const [command, ...args] = childCommand(tool, nodeFlags);
  const measured = await measure(command!, args, { cwd: REPO });
  const result = measured.result as unknown as ChildResult;
  return {
    ...result,
    round,
    command: [command, ...args].join(' '),
    wallSeconds: measured.wallSeconds,
    peakRssMb: measured.peakRssMb,
    cpuSeconds: measured.cpuSeconds,
  };
}

const results: ToolRun[] = [];
let profiled: ToolRun | undefined;
let corpusSets: { name: string; pages: number; bytes: number }[] = [];
try {
  const corpus = await buildCorpus(corpusDir, Number(values['demo-pages']));
  corpusSets = corpus.sets.map((s) => ({ name: s.name, pages: s.pages.length, bytes: s.bytes }));
  console.log(
    `${corpusSets.map((s) => `${s.name}: ${s.pages} pages, ${(s.bytes / 1e6).toFixed(1)} MB`).join('; ')}; ` +
      `${machine.nproc} cores (${machine.cpuModel}), children ${machine.pinning}; tools: ${tools.join(', ')}`,
  );
  for (let round = 0; round < runs; round += 1) {
    // Rotate the order so that no tool always goes first.
    for (const tool of tools.map((_, i) => tools[(i + round) % tools.length]!)) {
      const run = await runTool(tool, round);
      results.push(run);
      const sets = run.sets.map(
        (s) =>
          `${s.set} ${s.pages}×${s.passes} in ${s.seconds.toFixed(1)} s: ${s.msPerPage.median.toFixed(2)} ms/page median, ${s.pagesPerSecond.toFixed(1)} pages/s (CPU share ${((s.cpuSeconds / s.seconds) * 100).toFixed(0)}%)`,
      );
      console.log(`run ${round + 1}/${runs} ${tool}: ${sets.join('; ')}`);
    }
  }
  if (values['cpu-prof']) {
    mkdirSync(PROFILES, { recursive: true });
    profiled = await runTool('gleaner', runs, ['--cpu-prof', '--cpu-prof-dir', PROFILES]);
  }
} finally {
  rmSync(corpusDir, { recursive: true, force: true });
}

const setNames = corpusSets.map((s) => s.name);
const summaries = setNames.flatMap((set) =>
  tools.map((tool) => summarise(results, tool, set)).filter((s): s is Summary => s !== undefined),
);
const ratios: Ratio[] = setNames.flatMap((set) => {
  const peer = summaries.find((s) => s.set === set && s.tool === 'extruct')!;
  return summaries.filter((s) => s.set === set && s.tool !== 'extruct').map((s) => ratio(s, peer));
});

function sameWork(set: string): string[] {
  const peer = summaries.find((s) => s.set === set && s.tool === 'extruct')!;
  return summaries.filter((s) => s.set === set && s.tool !== 'extruct').map((s) => sameWorkLine(s, peer));
}

const command = `node --import tsx bench/extraction.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
const describeSet = (name: string): string => {
  const set = corpusSets.find((s) => s.name === name)!;
  const what =
    name === 'product-pages'
      ? 'the product pages of `../shared/fixtures/product-pages` (real shops; scrapinghub/product-extraction-benchmark, MIT)'
      : "the demo site's pages (60% product, 20% article, 20% category pages, picked evenly)";
  return `${set.pages} pages, ${(set.bytes / 1e6).toFixed(1)} MB: ${what}`;
};
const markdown = [
  `### Structured-data extraction on one core (${machine.date})`,
  '',
  `${machine.nproc} cores (${machine.cpuModel}); each tool a child process pinned to one core (${machine.pinning}), ` +
    `one after the other; Node ${machine.node} (Gleaner's src/extract as it stands, through tsx), Python ${machine.python}, extruct ${machine.extruct}. ` +
    'Both extract every syntax: JSON-LD, microdata, OpenGraph, microformats, RDFa, Dublin Core ' +
    "(extruct: `extract(html, base_url=url, syntaxes=[all six], uniform=False, errors='log')`: a syntax that " +
    "raises is counted under failures, per pass, and the page's other syntaxes are kept). Same files, read before timing; " +
    `a warm-up on ${values.warmup} pages, then every page extracted in passes until ${values.seconds} s have gone by; ` +
    `ms/page over every call, pages/s over the timed passes (pages/CPU-s over the process's CPU time in them, ` +
    `steadier when other processes share the core: "CPU share" says how much of the core it had); medians of ${runs} run(s). ` +
    '"items found": what each found in one pass, to show both did the same work. Command: `' +
    command +
    '`',
  ...setNames.flatMap((set) => [
    '',
    `**${set}** (${describeSet(set)})`,
    '',
    ...markdownTable(summaries.filter((s) => s.set === set)),
    '',
    ...ratios.filter((r) => r.set === set).map(ratioLine),
    ...sameWork(set),
  ]),
];

console.log(`\nEach run:\n${runTable(results).join('\n')}`);
console.log(`\nFor BENCHMARKS.md:\n\n${markdown.join('\n')}\n`);

mkdirSync(RESULTS, { recursive: true });
const resultsFile = join(RESULTS, 'extraction.json');
writeFileSync(
  resultsFile,
  `${JSON.stringify({ machine, command, corpus: corpusSets, summaries, ratios, runs: results, profiled }, null, 2)}\n`,
);
console.log(`results: ${resultsFile}`);

if (profiled !== undefined) printProfile(profiled);

/** Where the profiled Gleaner child spent the timed passes of each set (its newest main-thread profile). */
function printProfile(run: ToolRun): void {
  const newest = readdirSync(PROFILES)
    .filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) // thread 0: the main thread, not tsx's loader
    .map((f) => join(PROFILES, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (newest === undefined) throw new Error(`no .cpuprofile in ${PROFILES}`);
  const { startTime } = JSON.parse(readFileSync(newest, 'utf8')) as { startTime: number };
  console.log(`\nprofile ${newest}`);
  for (const set of run.sets) {
    if (set.window === undefined) continue;
    const window = {
      fromMs: (set.window.startUs - startTime) / 1000,
      toMs: (set.window.endUs - startTime) / 1000,
    };
    const title = `${set.set}: timed passes, ${set.pagesPerSecond.toFixed(1)} pages/s while profiled`;
    console.log(formatSummary(title, summariseProfile(newest, window, 25)).join('\n'));
  }
}
