// The per-topic attribute model (issue #5): training on 10,000 demo records, its wall time and peak memory,
// and its held-out accuracy and macro-F1 per attribute beside scikit-learn's LogisticRegression trained on
// the same features and split, in the same run. Each variant trains in a child process (GNU time gives its
// peak RSS), which then writes its feature rows, split, labels and held-out predictions for the peer
// (bench/peers/sklearn_attribute_model.py), so the comparison is of the learners alone.
//
// Variants (all by default):
//   pipeline           records as the product pipeline makes them from the demo shop's pages
//   brand-out-of-text  the brand also taken out of every name and description
//   text-only          that, and no SKU or GTIN (their prefixes name the brand)
//
//   node --import tsx bench/attribute-model.ts [--variants pipeline,text-only] [--products 10000]
//        [--hidden 0] [--epochs N] [--runs 1]
//
// Results: a table on stdout, bench/results/attribute-model.json, and a markdown block for BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDemoCatalog, type DemoCatalog } from '../src/demo/index.js';
import {
  planAttributeModel,
  predictMissing,
  trainAttributeModel,
  type AttributeModel,
  type AttributeModelRecord,
  type AttributeModelMetrics,
  type TrainAttributeModelOptions,
} from '../src/train/index.js';
import {
  demoProductRecords,
  type DemoRecordOptions,
  type DemoRecordTruth,
} from '../test/train/demo-records.js';
import { exportForPeer } from './lib/attribute-model-export.js';
import { checkGnuTime, measure } from './lib/measure.js';
import { median } from './lib/report.js';

const REPO = resolve(import.meta.dirname, '..');
const RESULTS = join(REPO, 'bench', 'results');
const PEER = join(REPO, 'bench', 'peers', 'sklearn_attribute_model.py');
const PYTHON = '/usr/bin/python3';
const TARGET_SECONDS = 60;

const VARIANTS: Record<string, DemoRecordOptions> = {
  pipeline: {},
  'brand-out-of-text': { brandOutOfText: true },
  'text-only': { brandOutOfText: true, withoutIdentifiers: true },
};

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    out: { type: 'string' },
    variants: { type: 'string' },
    products: { type: 'string' },
    hidden: { type: 'string' },
    epochs: { type: 'string' },
    runs: { type: 'string' },
  },
});
const products = Number(values.products ?? 10_000);
const trainOptions: TrainAttributeModelOptions = {};
if (values.hidden !== undefined) trainOptions.hiddenUnits = Number(values.hidden);
if (values.epochs !== undefined) trainOptions.epochs = Number(values.epochs);

interface ChildResult {
  variant: string;
  records: number;
  decisions: string[];
  metrics: AttributeModelMetrics;
  trainWallSeconds: number;
  trainCpuSeconds: number;
  peakRssAfterTrainMb: number;
  rssBeforeTrainMb: number;
  loadAverage: number;
  fills: FillCheck[];
}

/** The model's answers for the values the pages really hid, against the demo's truth. */
interface FillCheck {
  attribute: 'brand' | 'category';
  hidden: number;
  /** Share right when every hidden value is answered (minConfidence 0). */
  accuracyAll: number;
  /** Share filled, and right among those, at the topics' default minConfidence 0.6. */
  filledShare: number;
  filledAccuracy: number;
}

const FILL_MIN_CONFIDENCE = 0.6;

interface PeerResult {
  sklearn: string;
  C: number;
  fitSeconds: number;
  targets: Record<
    string,
    { accuracy: number; macroF1: number; fitSeconds: number; oursAccuracy: number; oursMacroF1: number }
  >;
}

if (values.child !== undefined) await runChild(values.child, values.out!);
else await runParent();

async function runChild(variant: string, out: string): Promise<void> {
  const loadAverage = loadavg()[0]!;
  const catalog = buildDemoCatalog({ products, articles: 0 });
  const { records, truth } = demoProductRecords(catalog, VARIANTS[variant]);
  const plan = planAttributeModel(records);
  const rssBeforeTrainMb = process.memoryUsage().rss / 2 ** 20;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const model = await trainAttributeModel(records, plan, trainOptions);
  const trainWallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const peakRssAfterTrainMb = process.resourceUsage().maxRSS / 1024;
  exportForPeer(out, records, plan, model);
  const fills = checkFills(model, records, truth);
  const result: ChildResult = {
    variant,
    records: records.length,
    decisions: plan.decisions.map((d) => d.reason),
    metrics: model.metrics,
    trainWallSeconds,
    trainCpuSeconds: (used.user + used.system) / 1e6,
    peakRssAfterTrainMb,
    rssBeforeTrainMb,
    loadAverage,
    fills,
  };
  model.dispose();
  console.log(JSON.stringify(result));
}

function checkFills(
  model: AttributeModel,
  records: readonly AttributeModelRecord[],
  truth: ReadonlyMap<string, DemoRecordTruth>,
): FillCheck[] {
  const all = predictMissing(model, records, { minConfidence: 0 });
  const confident = predictMissing(model, records, { minConfidence: FILL_MIN_CONFIDENCE });
  return (['brand', 'category'] as const).map((attribute) => {
    const key = (value: unknown) => (Array.isArray(value) ? value.join(' > ') : String(value));
    let hidden = 0;
    let right = 0;
    let filled = 0;
    let filledRight = 0;
    records.forEach((record, i) => {
      if (record.attributes[attribute]) return;
      hidden++;
      const known = truth.get(String(record.id))!;
      // The category's top level alone counts as right when it is the right top level.
      const isRight = (value: unknown) =>
        attribute === 'brand'
          ? value === known.brand
          : key(value) ===
            key(Array.isArray(value) && value.length === 1 ? [known.category[0]] : known.category);
      if (isRight(all[i]!.attributes[attribute]?.value)) right++;
      const fill = confident[i]!.attributes[attribute];
      if (fill) {
        filled++;
        if (isRight(fill.value)) filledRight++;
      }
    });
    return {
      attribute,
      hidden,
      accuracyAll: hidden > 0 ? right / hidden : 0,
      filledShare: hidden > 0 ? filled / hidden : 0,
      filledAccuracy: filled > 0 ? filledRight / filled : 0,
    };
  });
}

async function runParent(): Promise<void> {
  checkGnuTime();
  const sklearnVersion = checkPeer();
  const runs = Number(values.runs ?? 1);
  const variants = (values.variants ?? Object.keys(VARIANTS).join(',')).split(',');
  for (const variant of variants)
    if (!(variant in VARIANTS))
      throw new Error(`unknown variant ${variant}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const catalogStats = describeCatalog(buildDemoCatalog({ products, articles: 0 }));
  const machine = {
    date: new Date().toISOString().slice(0, 10),
    nproc: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown',
    node: process.version,
    tfjs: (
      JSON.parse(readFileSync(join(REPO, 'node_modules/@tensorflow/tfjs/package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
    sklearn: sklearnVersion,
  };
  const command = `node --import tsx bench/attribute-model.ts${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  console.log(`catalog of ${products} products: ${JSON.stringify(catalogStats)}`);

  const results = [];
  for (const variant of variants) {
    const childRuns: { child: ChildResult; wallSeconds: number; peakRssMb: number }[] = [];
    let peer: { result: PeerResult; peakRssMb: number; wallSeconds: number } | null = null;
    for (let run = 0; run < runs; run++) {
      const dir = mkdtempSync(join(tmpdir(), 'gleaner-bench-attribute-model-'));
      try {
        const args = [
          '--import',
          'tsx',
          'bench/attribute-model.ts',
          '--child',
          variant,
          '--out',
          dir,
          '--products',
          String(products),
        ];
        if (values.hidden !== undefined) args.push('--hidden', values.hidden);
        if (values.epochs !== undefined) args.push('--epochs', values.epochs);
        const measured = await measure(process.execPath, args, { cwd: REPO });
        const child = measured.result as unknown as ChildResult;
        childRuns.push({ child, wallSeconds: measured.wallSeconds, peakRssMb: measured.peakRssMb });
        console.log(
          `${variant} run ${run + 1}: train ${child.trainWallSeconds.toFixed(1)} s wall, ${child.trainCpuSeconds.toFixed(1)} s CPU (load ${child.loadAverage.toFixed(1)}), peak RSS ${measured.peakRssMb.toFixed(0)} MB`,
        );
        // The learner's figures are deterministic: the peer runs once, on the first run's export.
        if (peer === null) {
          const peerMeasured = await measure(PYTHON, [PEER, dir], { cwd: REPO });
          peer = {
            result: peerMeasured.result as unknown as PeerResult,
            peakRssMb: peerMeasured.peakRssMb,
            wallSeconds: peerMeasured.wallSeconds,
          };
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    results.push(summarize(variant, childRuns, peer!));
  }
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    join(RESULTS, 'attribute-model.json'),
    `${JSON.stringify({ machine, command, products, catalogStats, results }, null, 2)}\n`,
  );
  console.log(`\n${markdown(machine, command, catalogStats, results, runs)}`);
}

type Summary = ReturnType<typeof summarize>;

function summarize(
  variant: string,
  runs: { child: ChildResult; wallSeconds: number; peakRssMb: number }[],
  peer: { result: PeerResult; peakRssMb: number; wallSeconds: number },
) {
  const first = runs[0]!.child;
  const targets = Object.entries(first.metrics.targets).map(([id, ours]) => {
    const theirs = peer.result.targets[id]!;
    return {
      id,
      classes: ours.classes,
      trainExamples: ours.trainExamples,
      support: ours.support,
      baselineAccuracy: ours.baselineAccuracy,
      accuracy: ours.accuracy,
      macroF1: ours.macroF1,
      usable: ours.usable,
      sklearnAccuracy: theirs.accuracy,
      sklearnMacroF1: theirs.macroF1,
      // Our metrics recomputed by scikit-learn from our predictions: they must agree.
      metricsAgree:
        Math.abs(theirs.oursAccuracy - ours.accuracy) < 1e-9 &&
        Math.abs(theirs.oursMacroF1 - ours.macroF1) < 1e-9,
    };
  });
  return {
    variant,
    records: first.records,
    decisions: first.decisions,
    targets,
    fills: first.fills,
    summary: first.metrics.summary,
    trainWallSeconds: median(runs.map((r) => r.child.trainWallSeconds)),
    trainWallSecondsEach: runs.map((r) => r.child.trainWallSeconds),
    trainCpuSeconds: median(runs.map((r) => r.child.trainCpuSeconds)),
    featureSeconds: first.metrics.featureSeconds,
    fitSeconds: first.metrics.trainSeconds,
    evaluateSeconds: first.metrics.evaluateSeconds,
    processWallSeconds: median(runs.map((r) => r.wallSeconds)),
    peakRssMb: median(runs.map((r) => r.peakRssMb)),
    rssBeforeTrainMb: first.rssBeforeTrainMb,
    loadAverage: first.loadAverage,
    backend: first.metrics.backend,
    sklearnFitSeconds: peer.result.fitSeconds,
    sklearnPeakRssMb: peer.peakRssMb,
    sklearnC: peer.result.C,
  };
}

function describeCatalog(catalog: DemoCatalog) {
  const parents = catalog.products.filter((p) => p.variantOf === null);
  const leavesPerBrand = new Map<string, Set<string>>();
  const brandsPerLeaf = new Map<string, Set<string>>();
  for (const p of catalog.products) {
    (leavesPerBrand.get(p.brand) ?? leavesPerBrand.set(p.brand, new Set()).get(p.brand)!).add(p.categoryId);
    (brandsPerLeaf.get(p.categoryId) ?? brandsPerLeaf.set(p.categoryId, new Set()).get(p.categoryId)!).add(
      p.brand,
    );
  }
  const mean = (sets: Map<string, Set<string>>) =>
    [...sets.values()].reduce((sum, set) => sum + set.size, 0) / sets.size;
  const withBrandInName = catalog.products.filter((p) => p.name.includes(p.brand)).length;
  return {
    products: catalog.products.length,
    variants: catalog.products.length - parents.length,
    brands: leavesPerBrand.size,
    leafCategories: brandsPerLeaf.size,
    leavesPerBrand: Number(mean(leavesPerBrand).toFixed(1)),
    brandsPerLeaf: Number(mean(brandsPerLeaf).toFixed(1)),
    brandInNameShare: Number((withBrandInName / catalog.products.length).toFixed(3)),
    brandShownShare: Number(
      (catalog.products.filter((p) => p.shown.brand).length / catalog.products.length).toFixed(3),
    ),
    categoryShownShare: Number(
      (catalog.products.filter((p) => p.shown.category).length / catalog.products.length).toFixed(3),
    ),
  };
}

function checkPeer(): string {
  try {
    return execFileSync(PYTHON, ['-c', 'import sklearn, scipy; print(sklearn.__version__)'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error(
      `${PYTHON} cannot import scikit-learn and scipy: apt-get install python3-sklearn (then run again)`,
    );
  }
}

function markdown(
  machine: Record<string, string | number>,
  command: string,
  catalogStats: ReturnType<typeof describeCatalog>,
  results: Summary[],
  runs: number,
): string {
  const f3 = (n: number) => n.toFixed(3);
  const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
  const lines = [
    `### Attribute-completion model (${String(machine.date)})`,
    '',
    `${String(machine.nproc)} cores (${String(machine.cpuModel)}), Node ${String(machine.node)}, TensorFlow.js ${String(machine.tfjs)} (wasm backend), scikit-learn ${String(machine.sklearn)}; ${catalogStats.products} demo products (${catalogStats.variants} of them colour/size variants), records as \`test/train/demo-records.ts\` builds them; ${runs} run(s), medians. Peer: \`LogisticRegression(C=${results[0]?.sklearnC ?? 1}, max_iter=2000)\` per target on Gleaner's exported feature rows (hashed, TF-IDF weighted, the target's own attribute left out) and split. Command: \`${command}\``,
    '',
  ];
  for (const r of results) {
    lines.push(
      `**${r.variant}** (${r.records} records; train ${r.trainWallSeconds.toFixed(1)} s wall, ${r.trainCpuSeconds.toFixed(1)} s CPU, load average ${r.loadAverage.toFixed(1)} at start; of it features ${r.featureSeconds.toFixed(1)} s, fit ${r.fitSeconds.toFixed(1)} s, evaluation ${r.evaluateSeconds.toFixed(1)} s; peak RSS ${r.peakRssMb.toFixed(0)} MB for the whole process; scikit-learn fit ${r.sklearnFitSeconds.toFixed(1)} s, peak RSS ${r.sklearnPeakRssMb.toFixed(0)} MB; mean macro-F1 ${f3(r.summary)})`,
      '',
      '| target | classes | train / held-out | baseline acc. | Gleaner acc. | sklearn acc. | ratio | Gleaner macro-F1 | sklearn macro-F1 | ratio | filled |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const t of r.targets)
      lines.push(
        `| ${t.id} | ${t.classes} | ${t.trainExamples} / ${t.support} | ${f3(t.baselineAccuracy)} | **${f3(t.accuracy)}** | ${f3(t.sklearnAccuracy)} | ${ratio(t.accuracy, t.sklearnAccuracy)} | **${f3(t.macroF1)}** | ${f3(t.sklearnMacroF1)} | ${ratio(t.macroF1, t.sklearnMacroF1)} | ${t.usable ? 'yes' : 'no (baseline)'} |`,
      );
    lines.push('');
    for (const fill of r.fills)
      lines.push(
        `- ${fill.attribute} the pages hid (${fill.hidden} records), against the demo's truth: ${f3(fill.accuracyAll)} right when every one is answered; at minConfidence ${FILL_MIN_CONFIDENCE}, ${(100 * fill.filledShare).toFixed(1)}% filled, ${f3(fill.filledAccuracy)} of those right`,
      );
    const met = r.trainWallSeconds < TARGET_SECONDS ? 'met' : '**missed**';
    lines.push(
      `- training wall time ${r.trainWallSeconds.toFixed(1)} s (target < ${TARGET_SECONDS} s on 2 cores): ${met}`,
    );
    if (r.targets.some((t) => !t.metricsAgree))
      lines.push("- **our metrics differ from scikit-learn's on our predictions**");
    lines.push('');
  }
  return lines.join('\n');
}
