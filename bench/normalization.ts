// Product normalization throughput over the demo site's product pages: Gleaner against extruct plus a
// product reader in the manner of the product extraction benchmark's baseline, on the same files in the
// same run. The pages (JSON-LD, microdata and no markup, with their truth) are fetched once from an
// in-process demo site into a temporary folder; each tool then runs as a child process pinned to core 0
// (taskset), one after the other, rounds rotating the order.
//
//   node --import tsx bench/normalization.ts [--runs 3] [--seconds 3] [--warmup 20] [--pages 0]
//
// --pages 0 takes every product page (800 by default). Figures: records (pages) per second of each stage,
// medians of the runs; the ratio Gleaner/peer per stage; what each record holds against the truth.
// Results: a table on stdout, bench/results/normalization.json and a markdown block for BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeMachine } from './lib/extraction-report.js';
import { checkGnuTime, measure } from './lib/measure.js';
import { buildNormalizationCorpus } from './lib/normalization-corpus.js';

const REPO = resolve(import.meta.dirname, '..');
const RESULTS = join(REPO, 'bench', 'results');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '20' },
    pages: { type: 'string', default: '0' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
const childArgs = ['--seconds', values.seconds, '--warmup', values.warmup];

type Tool = 'gleaner' | 'extruct';
interface Stage {
  stage: string;
  items: number;
  passes: number;
  calls: number;
  seconds: number;
  perSecond: number;
  cpuSeconds: number;
}
interface Run {
  tool: Tool;
  round: number;
  stages: Stage[];
  accuracy: Record<string, number>;
  peakRssMb: number;
}

checkGnuTime();
const peerReady = spawnSync('/usr/bin/python3', ['-c', 'import extruct'], { encoding: 'utf8' }).status === 0;
if (!peerReady)
  throw new Error('the peer needs extruct for /usr/bin/python3: apt-get install python3-extruct');
const priceParser =
  spawnSync('/usr/bin/python3', ['-c', 'import price_parser'], { encoding: 'utf8' }).status === 0;
const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const pin = pinned ? ['taskset', '-c', '0'] : [];
const machine = describeMachine(pinned ? 'taskset -c 0' : 'not pinned: taskset is missing');
const tools: Tool[] = ['gleaner', 'extruct'];

const dir = mkdtempSync(join(tmpdir(), 'gleaner-bench-normalization-'));
const manifest = join(dir, 'manifest.json');
const runsDone: Run[] = [];
let pageCount = 0;
let megabytes = 0;
try {
  const corpus = await buildNormalizationCorpus(dir, Number(values.pages));
  pageCount = corpus.pages.length;
  megabytes = corpus.bytes / 1e6;
  const markups = corpus.pages.reduce<Record<string, number>>(
    (m, p) => ({ ...m, [p.markup]: (m[p.markup] ?? 0) + 1 }),
    {},
  );
  console.log(
    `${pageCount} demo product pages (${Object.entries(markups)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}), ` +
      `${megabytes.toFixed(1)} MB; ${machine.nproc} cores (${machine.cpuModel}), children ${machine.pinning}; ` +
      `peer: extruct ${machine.extruct}${priceParser ? ' (price_parser present, not used: the peer reads prices itself)' : ', no price_parser'}`,
  );
  for (let round = 0; round < runs; round += 1) {
    for (const tool of tools.map((_, i) => tools[(i + round) % tools.length]!)) {
      const [command, ...args] =
        tool === 'gleaner'
          ? [
              ...pin,
              process.execPath,
              '--import',
              'tsx',
              'bench/lib/normalization-child.ts',
              manifest,
              ...childArgs,
            ]
          : [...pin, '/usr/bin/python3', 'bench/peers/extruct_product.py', manifest, ...childArgs];
      const measured = await measure(command!, args, { cwd: REPO });
      const result = measured.result as unknown as Omit<Run, 'round' | 'peakRssMb'>;
      runsDone.push({ ...result, tool, round, peakRssMb: measured.peakRssMb });
      console.log(
        `run ${round + 1}/${runs} ${tool}: ${result.stages.map((s) => `${s.stage} ${s.perSecond.toFixed(1)}/s (${(s.calls / s.cpuSeconds).toFixed(1)}/CPU-s)`).join(', ')}`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const stageNames = ['extract', 'extract+facts', 'normalize'];
const rate = (tool: Tool, stage: string): number | null => {
  const xs = runsDone
    .filter((r) => r.tool === tool)
    .flatMap((r) => r.stages.filter((s) => s.stage === stage).map((s) => s.perSecond));
  return xs.length === 0 ? null : median(xs);
};
/** Records per second of the process's own CPU time: steadier than wall time when others share the core. */
const cpuRate = (tool: Tool, stage: string): number | null => {
  const xs = runsDone
    .filter((r) => r.tool === tool)
    .flatMap((r) =>
      r.stages.filter((s) => s.stage === stage && s.cpuSeconds > 0).map((s) => s.calls / s.cpuSeconds),
    );
  return xs.length === 0 ? null : median(xs);
};
const perRun = (stage: string): number[] =>
  Array.from({ length: runs }, (_, round) => {
    const g = runsDone
      .find((r) => r.tool === 'gleaner' && r.round === round)
      ?.stages.find((s) => s.stage === stage);
    const p = runsDone
      .find((r) => r.tool === 'extruct' && r.round === round)
      ?.stages.find((s) => s.stage === stage);
    return g && p ? g.perSecond / p.perSecond : Number.NaN;
  });
const accuracy = (tool: Tool) => runsDone.find((r) => r.tool === tool)?.accuracy ?? {};
const rss = (tool: Tool) => median(runsDone.filter((r) => r.tool === tool).map((r) => r.peakRssMb));

const what: Record<string, [string, string]> = {
  extract: ['`extractPage(html, { url })` (every extractor, no product facts)', '–'],
  'extract+facts': [
    '`extractPage(html, { url, product: true })`: the parse, every extractor, product facts from markup, metas and the visible page',
    '`extruct.extract` (JSON-LD, microdata, OpenGraph, uniform) + the product read from it',
  ],
  normalize: [
    '`normalizeProduct(facts, { url })` on facts extracted beforehand: every candidate normalized (price, currency, availability, GTIN check, brand, category, images…), conflicts resolved',
    "the product read from extruct's output computed beforehand (first Product, first offer, a regex price)",
  ],
};
const rows = stageNames.map((stage) => {
  const g = rate('gleaner', stage);
  const p = rate('extruct', stage);
  const gCpu = cpuRate('gleaner', stage);
  const pCpu = cpuRate('extruct', stage);
  return {
    stage,
    g,
    p,
    ratio: g !== null && p !== null ? g / p : null,
    gCpu,
    pCpu,
    cpuRatio: gCpu !== null && pCpu !== null ? gCpu / pCpu : null,
  };
});
const command = `node --import tsx bench/normalization.ts${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
const fmt = (x: number | null) => (x === null ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const acc = (tool: Tool) =>
  ['price', 'currency', 'availability', 'sku']
    .map((k) => `${k} ${((accuracy(tool)[k] ?? 0) * 100).toFixed(1)}%`)
    .join(', ');
const markdown = [
  `### Product normalization (${machine.date})`,
  '',
  `${machine.nproc} cores (${machine.cpuModel}); each tool a child process pinned to one core (${machine.pinning}), one after the other; ` +
    `Node ${machine.node} (Gleaner's src through tsx), Python ${machine.python}, extruct ${machine.extruct}` +
    `${priceParser ? '' : '; price_parser is not installed (not packaged for Debian, PyPI out of reach), so the peer reads prices with a regular expression: the peer is extruct alone'}. ` +
    `Input: ${pageCount} product pages of the demo site (JSON-LD, microdata and no markup), ${megabytes.toFixed(1)} MB, read before timing; ` +
    `a warm-up on ${values.warmup} pages, then every page in passes until ${values.seconds} s have gone by; records (pages) per second, medians of ${runs} run(s). Command: \`${command}\``,
  '',
  '| stage | Gleaner: what runs | Gleaner records/s | records/CPU-s | peer: what runs | peer records/s | records/CPU-s | Gleaner/peer, wall (each run) | Gleaner/peer, CPU |',
  '|---|---|---:|---:|---|---:|---:|---:|---:|',
  ...rows.map((r) => {
    const runsText = perRun(r.stage)
      .map((x) => x.toFixed(2))
      .join(', ');
    const wall = r.ratio === null ? '–' : `${r.ratio.toFixed(2)}× (${runsText})`;
    const cpu = r.cpuRatio === null ? '–' : `${r.cpuRatio.toFixed(2)}×`;
    const peer = r.p === null ? '–' : `**${fmt(r.p)}**`;
    return `| ${r.stage} | ${what[r.stage]![0]} | **${fmt(r.g)}** | ${fmt(r.gCpu)} | ${what[r.stage]![1]} | ${peer} | ${fmt(r.pCpu)} | ${wall} | ${cpu} |`;
  }),
  '',
  `- What the records hold against the demo truth (exact): Gleaner ${acc('gleaner')}; peer ${acc('extruct')} (the peer reads markup only, and availability as InStock/OutOfStock, so pre-orders and pages without markup count against it).`,
  `- Peak RSS: Gleaner ${rss('gleaner').toFixed(0)} MB, peer ${rss('extruct').toFixed(0)} MB.`,
];
console.log(`\nFor BENCHMARKS.md:\n\n${markdown.join('\n')}\n`);
mkdirSync(RESULTS, { recursive: true });
const file = join(RESULTS, 'normalization.json');
writeFileSync(
  file,
  `${JSON.stringify({ machine, command, pages: pageCount, rows, runs: runsDone }, null, 2)}\n`,
);
console.log(`results: ${file}`);
