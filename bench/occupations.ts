// The semantic index on the occupations fixture (../shared/fixtures/occupations: 3,627 ESCO concepts,
// 30,864 labels, 2,945 queries that are labels removed from the vocabulary), each embedder beside the
// peer, scikit-learn's character n-gram TF-IDF with exact nearest neighbours, on the same files in the
// same run. For each embedder: `gleaner train semantic --mode full-train` as a library call (load →
// train/embed → index → calibrate → evaluate on queries.jsonl → version → promote) with its wall and CPU
// time, then the promoted version loaded back and timed on the queries (a batch, and 200 one at a time),
// and its embedding throughput on the labels.
//
//   node --import tsx bench/occupations.ts [--embedders hashed,trained] [--model <onnx folder>]
//
// `--model` adds the transformers embedder (a sentence-embedding model folder: config.json,
// tokenizer.json, onnx/model.onnx); nothing is downloaded. Results: a table on stdout,
// bench/results/occupations.json, and a markdown block for BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ModelStore,
  parseEmbedderName,
  runSemanticTraining,
  SemanticIndex,
  type EmbedderName,
} from '../src/train/index.js';

const REPO = resolve(import.meta.dirname, '..');
const FOLDER = resolve(REPO, '..', 'shared', 'fixtures', 'occupations');
const RESULTS = join(REPO, 'bench', 'results');
const SINGLE = 200;

const { values } = parseArgs({ options: { embedders: { type: 'string' }, model: { type: 'string' } } });
const embedders: EmbedderName[] = (values.embedders ?? 'hashed,trained').split(',').map(parseEmbedderName);
if (values.model !== undefined && !embedders.includes('transformers')) embedders.push('transformers');
if (embedders.includes('transformers') && values.model === undefined)
  throw new Error('--embedders transformers needs --model <folder>: a local sentence-embedding model');

interface Row {
  embedder: string;
  embedderId: string;
  top1: number;
  top5: number;
  mrr: number;
  trainSeconds: number;
  fullTrainSeconds: number;
  fullTrainCpuSeconds: number;
  embedTextsPerSecond: number;
  batchQueriesPerSecond: number;
  singleQueriesPerSecond: number;
  calibrationWeight: number;
  conceptWeight: number;
}

const queries = readFileSync(join(FOLDER, 'queries.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { query: string }).query);
const labels = Object.values(
  JSON.parse(readFileSync(join(FOLDER, 'canonical.json'), 'utf8')) as Record<string, { labels: string[] }>,
).flatMap((c) => c.labels);

async function runOurs(embedder: EmbedderName): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-bench-occupations-'));
  try {
    const store = new ModelStore({ root: dir });
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await runSemanticTraining({
      mode: 'full-train',
      files: { canonical: join(FOLDER, 'canonical.json'), queries: join(FOLDER, 'queries.jsonl') },
      store,
      embedder,
      ...(values.model === undefined ? {} : { model: values.model }),
      minAccuracy: 0,
      outDir: dir,
    });
    const fullTrainSeconds = (performance.now() - started) / 1000;
    const fullTrainCpuSeconds = cpuSeconds(cpu);
    const index = await SemanticIndex.load(result.versionDir!);
    try {
      let at = performance.now();
      const sample = labels.slice(0, 5000);
      await index.embedder.embed(sample);
      const embedTextsPerSecond = sample.length / ((performance.now() - at) / 1000);
      at = performance.now();
      for (let start = 0; start < queries.length; start += 256)
        await index.match(queries.slice(start, start + 256), 5);
      const batchQueriesPerSecond = queries.length / ((performance.now() - at) / 1000);
      at = performance.now();
      for (const q of queries.slice(0, SINGLE)) await index.match([q], 5);
      const singleQueriesPerSecond = SINGLE / ((performance.now() - at) / 1000);
      const m = result.metrics;
      return {
        embedder,
        embedderId: index.embedder.id,
        top1: m.top1!,
        top5: m.top5!,
        mrr: m.mrr!,
        trainSeconds: m.train_seconds!,
        fullTrainSeconds,
        fullTrainCpuSeconds,
        embedTextsPerSecond,
        batchQueriesPerSecond,
        singleQueriesPerSecond,
        calibrationWeight: m.calibration_weight!,
        conceptWeight: m.calibration_concept_weight!,
      };
    } finally {
      await index.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

interface Peer {
  sklearn: string;
  top1: number;
  top5: number;
  mrr: number;
  fit_seconds: number;
  batch_queries_per_second: number;
  single_queries_per_second: number;
}

function runPeer(): Peer {
  const run = spawnSync('/usr/bin/python3', [join(REPO, 'bench', 'peers', 'sklearn_tfidf_nn.py'), FOLDER], {
    encoding: 'utf8',
  });
  if (run.status !== 0)
    throw new Error(
      `the scikit-learn peer failed (${run.stderr.trim().split('\n').at(-1)}); install it with apt-get install python3-sklearn`,
    );
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Peer;
}

const load = loadavg()[0]!.toFixed(1);
const rows: Row[] = [];
for (const embedder of embedders) {
  process.stderr.write(`gleaner, ${embedder} embedder…\n`);
  rows.push(await runOurs(embedder));
}
process.stderr.write('scikit-learn…\n');
const peer = runPeer();

const f = (x: number, digits = 3) => x.toFixed(digits);
const table = [
  '| system | top-1 | top-5 | MRR | train s | full-train s (CPU s) | embed texts/s | queries/s batch | queries/s single |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| gleaner ${r.embedder} | **${f(r.top1)}** | ${f(r.top5)} | ${f(r.mrr)} | ${f(r.trainSeconds, 1)} | ${f(r.fullTrainSeconds, 1)} (${f(r.fullTrainCpuSeconds, 1)}) | ${f(r.embedTextsPerSecond, 0)} | ${f(r.batchQueriesPerSecond, 0)} | ${f(r.singleQueriesPerSecond, 0)} |`,
  ),
  `| scikit-learn ${peer.sklearn} char TF-IDF + NN | **${f(peer.top1)}** | ${f(peer.top5)} | ${f(peer.mrr)} | ${f(peer.fit_seconds, 1)} | – | – | ${f(peer.batch_queries_per_second, 0)} | ${f(peer.single_queries_per_second, 0)} |`,
];
const ratios = rows.map(
  (r) =>
    `- gleaner ${r.embedder} / scikit-learn: top-1 ${f(r.top1 / peer.top1, 2)}×, batch queries ${f(r.batchQueriesPerSecond / peer.batch_queries_per_second, 2)}×, single queries ${f(r.singleQueriesPerSecond / peer.single_queries_per_second, 2)}× (calibrated: embedding weight ${r.calibrationWeight}, concept weight ${r.conceptWeight})`,
);
const targets = rows
  .filter((r) => r.embedder === 'trained')
  .map(
    (r) =>
      `- trained embedder top-1 ${f(r.top1)} (target ≥ 0.70): ${r.top1 >= 0.7 ? 'met' : '**missed**'}; full-train ${f(r.fullTrainSeconds, 0)} s wall, ${f(r.fullTrainCpuSeconds, 0)} s CPU (aim: under ~120 s on 2 cores)`,
  );
const header =
  `### Semantic index on the occupations fixture (${new Date().toISOString().slice(0, 10)})\n\n` +
  `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, load average ${load} at the start (a shared machine: CPU seconds are the steadier figure). ` +
  'ESCO occupations (3,627 concepts, 30,864 labels), 2,945 queries that are labels removed from the vocabulary; ' +
  'the queries are never indexed or trained on (the trained embedder learns from the canonical labels only). ' +
  'Command: `node --import tsx bench/occupations.ts`\n';
const markdown = [header, ...table, '', ...ratios, ...targets].join('\n');
process.stdout.write(`${markdown}\n`);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, 'occupations.json'),
  `${JSON.stringify({ date: new Date().toISOString(), loadAverage: Number(load), rows, peer }, null, 2)}\n`,
);
