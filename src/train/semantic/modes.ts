import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInputError } from '../../core/index.js';
import { HashedEmbedder, IdfTable } from '../embedders/index.js';
import type { Gate, ModelStore, PromotionResult } from '../model-store/index.js';
import { buildSemanticIndex, type SemanticBuild, type SemanticBuildOptions } from './build.js';
import {
  loadSemanticInputs,
  type InputIssue,
  type SemanticInputFiles,
  type SemanticInputs,
} from './inputs.js';
import { SemanticIndex } from './semantic-index.js';
import { StageClock, type SemanticProgress } from './stages.js';

import {
  DEFAULT_SEMANTIC_INDEX_NAME,
  SEMANTIC_INDEX_KIND,
  SEMANTIC_MODES,
  type SemanticMode,
} from './names.js';

export const METRICS_FILE = 'metrics.json';
/** Details of a build that are not numbers (calibration, splits, input issues), beside `metrics.json`. */
export const REPORT_FILE = 'report.json';
/** Concepts of the smoke test's tiny index. */
const SMOKE_CONCEPTS = 50;

export interface SemanticTrainingOptions extends Omit<SemanticBuildOptions, 'useFeedback' | 'onProgress'> {
  mode: SemanticMode;
  files: SemanticInputFiles;
  store: ModelStore;
  /** The model's name in the store (one vocabulary, one name). @default 'default' */
  name?: string;
  /** The promotion gate's floor on held-out top-1 (config `minAccuracy`, env GLEANER_MIN_ACCURACY). */
  minAccuracy: number;
  /** Promote a `build-index*` version through the same gate; `full-train` always tries. @default false */
  promote?: boolean;
  /** Where `smoke-test` writes its metrics and its tiny index. */
  outDir: string;
  onProgress?: SemanticProgress;
}

export interface SemanticTrainingResult {
  mode: SemanticMode;
  name: string;
  metrics: Record<string, number>;
  /** The `metrics.json` written. */
  metricsFile: string;
  /** The version written (null for the smoke test). */
  version: string | null;
  versionDir: string | null;
  /** The gate's verdict, when the mode promotes. */
  promotion: PromotionResult | null;
  /** Lines of the feedback and query files that were skipped, and why. */
  issues: InputIssue[];
  build: Omit<SemanticBuild, 'index' | 'answers'> | null;
}

/**
 * `gleaner train semantic --mode …`:
 * - `smoke-test`: the inputs load; counts; a tiny index (the first 50 concepts, hashed embedder) is built,
 *   saved, loaded back and must answer as before.
 * - `build-index`: the canonical vocabulary only (feedback is not used); a version, not promoted unless asked.
 * - `build-index-feedback`: the vocabulary plus the confirmed feedback; a version, not promoted unless asked.
 * - `full-train`: everything, then promotion if held-out top-1 ≥ `minAccuracy` and no worse than the
 *   latest version; the store then tells serving (in-process event, and the configured reload URL).
 * Every mode writes `metrics.json`.
 */
export async function runSemanticTraining(options: SemanticTrainingOptions): Promise<SemanticTrainingResult> {
  if (!(SEMANTIC_MODES as readonly string[]).includes(options.mode))
    throw new InvalidInputError(
      'mode',
      `unknown mode "${options.mode}": use one of ${SEMANTIC_MODES.join(', ')}`,
    );
  if (!(options.minAccuracy >= 0 && options.minAccuracy <= 1))
    throw new InvalidInputError(
      'minAccuracy',
      `the minimum accuracy is a share from 0 to 1, got ${options.minAccuracy}`,
    );
  const name = options.name ?? DEFAULT_SEMANTIC_INDEX_NAME;
  const clock = new StageClock(options.onProgress);
  const inputs = await clock.run('load', `reading ${options.files.canonical}`, () =>
    loadSemanticInputs(options.files),
  );
  if (options.mode === 'smoke-test') return smokeTest(inputs, options, name, clock);
  if (options.mode === 'build-index-feedback' && options.files.feedback === undefined)
    throw new InvalidInputError(
      'feedback',
      'build-index-feedback needs --feedback <file.csv> (query_key, matched_key, correct)',
    );

  const { store, mode } = options;
  const buildOptions: SemanticBuildOptions = {
    embedder: options.embedder ?? (mode === 'full-train' ? 'trained' : 'hashed'),
    useFeedback: mode !== 'build-index',
  };
  for (const key of [
    'model',
    'dimensions',
    'training',
    'index',
    'seed',
    'allowRemoteModels',
    'signal',
    'onProgress',
  ] as const)
    if (options[key] !== undefined) Object.assign(buildOptions, { [key]: options[key] });
  const build = await buildSemanticIndex(inputs, buildOptions);
  const { index, answers: _answers, ...details } = build;
  try {
    const draft = await clock.run('version', `writing a ${SEMANTIC_INDEX_KIND}/${name} version`, async () => {
      const created = await store.createVersion(SEMANTIC_INDEX_KIND, name);
      try {
        await index.save(created.dir);
        await created.writeMetrics(build.metrics);
        await created.writeJson(REPORT_FILE, reportOf(mode, build, inputs.issues));
        await created.commit({
          inputs: inputs.hashes,
          parameters: { mode, ...build.parameters },
          timingsMs: { ...clock.timingsMs, ...build.timingsMs },
        });
        return created;
      } catch (error) {
        await created.abandon().catch(() => undefined);
        throw error;
      }
    });
    let promotion: PromotionResult | null = null;
    if (mode === 'full-train' || options.promote === true) {
      const gate: Gate = { metric: 'top1', min: options.minAccuracy, mustBeat: 'latest' };
      promotion = await clock.run(
        'promote',
        `gate: top1 ≥ ${options.minAccuracy} and no worse than latest`,
        () => store.promote(draft, gate),
      );
      clock.report({ stage: 'promote', done: 1, total: 1, message: promotion.reason });
      if (promotion.promoted)
        clock.report({
          stage: 'notify',
          done: 1,
          total: 1,
          message: promotion.notification
            ? `reload URL ${promotion.notification.url}: ${promotion.notification.ok ? 'ok' : `failed (${promotion.notification.error ?? 'error'}); the promotion stands`}`
            : 'serving in this process reloads; no reload URL configured',
        });
    }
    return {
      mode,
      name,
      metrics: build.metrics,
      metricsFile: join(draft.dir, METRICS_FILE),
      version: draft.version,
      versionDir: draft.dir,
      promotion,
      issues: inputs.issues,
      build: details,
    };
  } finally {
    await index.close();
  }
}

async function smokeTest(
  inputs: SemanticInputs,
  options: SemanticTrainingOptions,
  name: string,
  clock: StageClock,
): Promise<SemanticTrainingResult> {
  const metrics = await clock.run('smoke-test', 'a tiny index round trip', async () => {
    const started = performance.now();
    const concepts = new Set(inputs.vocabulary.concepts.slice(0, SMOKE_CONCEPTS).map((c) => c.key));
    const entries = inputs.vocabulary.entries.filter((e) => concepts.has(e.key));
    const idf = IdfTable.fit(entries.map((e) => e.label));
    const index = SemanticIndex.create(HashedEmbedder.over(idf, 64), { type: 'hashed' }, idf);
    await index.add(entries);
    const preferred = entries.filter((e) => e.preferred);
    const before = await index.match(
      preferred.map((e) => e.label),
      1,
    );
    const dir = join(options.outDir, 'roundtrip-index');
    await rm(dir, { recursive: true, force: true });
    await index.save(dir);
    const loaded = await SemanticIndex.load(dir);
    const after = await loaded.match(
      preferred.map((e) => e.label),
      1,
    );
    await loaded.close();
    await index.close();
    const same = before.every(
      (b, i) =>
        b.matches[0]?.key === after[i]!.matches[0]?.key &&
        b.matches[0]?.score === after[i]!.matches[0]?.score,
    );
    const right = before.filter((b, i) => b.matches[0]?.key === preferred[i]!.key).length;
    const feedback = inputs.feedback;
    return {
      concepts: inputs.vocabulary.concepts.length,
      labels: inputs.vocabulary.entries.length,
      skipped_labels: inputs.vocabulary.skippedLabels,
      feedback_confirmed: feedback.filter((r) => r.correct).length,
      feedback_rejected: feedback.filter((r) => !r.correct).length,
      feedback_issues: inputs.issues.filter((i) => i.file === 'feedback').length,
      queries: inputs.queries?.length ?? 0,
      query_issues: inputs.issues.filter((i) => i.file === 'queries').length,
      roundtrip_labels: entries.length,
      roundtrip_top1: preferred.length === 0 ? 0 : right / preferred.length,
      roundtrip_consistent: same ? 1 : 0,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  });
  await mkdir(options.outDir, { recursive: true });
  const metricsFile = join(options.outDir, METRICS_FILE);
  await writeFile(metricsFile, `${JSON.stringify(metrics, null, 2)}\n`);
  await writeFile(
    join(options.outDir, REPORT_FILE),
    `${JSON.stringify({ mode: 'smoke-test', issues: inputs.issues, inputs: inputs.hashes }, null, 2)}\n`,
  );
  return {
    mode: 'smoke-test',
    name,
    metrics,
    metricsFile,
    version: null,
    versionDir: null,
    promotion: null,
    issues: inputs.issues,
    build: null,
  };
}

function reportOf(mode: SemanticMode, build: SemanticBuild, issues: InputIssue[]) {
  return {
    mode,
    evaluation: build.evaluation,
    calibration: build.calibration,
    training: build.training,
    counts: build.counts,
    parameters: build.parameters,
    issues,
  };
}
