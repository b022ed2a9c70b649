import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSemanticIndex,
  loadSemanticInputs,
  ModelStore,
  normalizeText,
  runSemanticTraining,
  SemanticIndex,
  type SemanticProgressEvent,
  type SemanticTrainingOptions,
} from '../../src/train/index.js';
import { labelSlices, splitFeedback, type FeedbackRow } from '../../src/train/semantic/index.js';
import { writeTinyBert } from '../harness/tiny-bert.js';
import { OCCUPATIONS, occupationsSubset } from './semantic-vocabulary.js';

/** A small real vocabulary (120 ESCO concepts) and feedback made of the fixture's queries for them. */
function writeInputs(dir: string) {
  const canonical = occupationsSubset(120);
  const keys = Object.keys(canonical);
  const queries = readFileSync(join(OCCUPATIONS, 'queries.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { query: string; gold: string[] })
    .filter((q) => keys.includes(q.gold[0]!));
  const lines = ['query_key,matched_key,correct'];
  queries.forEach((q, i) => {
    lines.push(`"${q.query}",${q.gold[0]},yes`);
    // Every third query was also once matched to a neighbouring concept, and a reviewer said no.
    if (i % 3 === 0) lines.push(`"${q.query}",${keys[(keys.indexOf(q.gold[0]!) + 1) % keys.length]},no`);
  });
  lines.push('broken row without enough fields', `welder,${keys[0]},perhaps`, `ghost,NOT-A-KEY,yes`);
  writeFileSync(join(dir, 'canonical.json'), JSON.stringify(canonical));
  writeFileSync(join(dir, 'feedback.csv'), `${lines.join('\n')}\n`);
  // Easy queries: the preferred labels themselves.
  writeFileSync(
    join(dir, 'easy.jsonl'),
    keys.map((k) => JSON.stringify({ query: canonical[k]!.labels[0], gold: [k] })).join('\n'),
  );
  writeFileSync(join(dir, 'hard.jsonl'), queries.map((q) => JSON.stringify(q)).join('\n'));
  return { keys, queries };
}

describe('no leakage between training, calibration and evaluation', () => {
  it('splits feedback by normalized query, so one query never lands in two parts', () => {
    const rows: FeedbackRow[] = [];
    for (let i = 0; i < 300; i++) {
      rows.push({ line: rows.length + 1, query: `Query ${i}`, key: 'C1', correct: true });
      rows.push({ line: rows.length + 1, query: `query-${i}!`, key: 'C2', correct: false });
    }
    const split = splitFeedback(rows, { evaluation: true, seed: 1 });
    const part = new Map<string, string>();
    for (const [name, list] of Object.entries(split))
      for (const r of list as FeedbackRow[]) {
        const q = normalizeText(r.query);
        expect(part.get(q) ?? name).toBe(name);
        part.set(q, name);
      }
    expect(split.evaluation.every((r) => r.correct)).toBe(true);
    expect(split.train.every((r) => r.correct)).toBe(true);
    expect(split.evaluation.length).toBeGreaterThan(30);
    expect(split.calibration.some((r) => !r.correct)).toBe(true);
    // Without an evaluation part (a query file measures instead) its share trains.
    expect(splitFeedback(rows, { evaluation: false, seed: 1 }).evaluation).toEqual([]);
  });

  it('holds out alternative labels only, calibration and evaluation from different concepts', () => {
    const concepts = Object.entries(occupationsSubset(200, 2)).map(([key, v]) => ({ key, labels: v.labels }));
    const slices = labelSlices(concepts, { evaluation: true, seed: 1 });
    expect(slices.calibration).toHaveLength(60);
    expect(slices.evaluation).toHaveLength(60);
    const calibrationKeys = new Set(slices.calibration.map((h) => h.key));
    expect(slices.evaluation.some((h) => calibrationKeys.has(h.key))).toBe(false);
    for (const h of [...slices.calibration, ...slices.evaluation]) {
      const labels = concepts.find((c) => c.key === h.key)!.labels;
      expect(labels.indexOf(h.label)).toBeGreaterThan(0);
    }
    expect(labelSlices(concepts, { evaluation: true, seed: 1 })).toEqual(slices);
  });

  it('never puts an evaluation query into the index or the training, and measures on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gleaner-leak-'));
    try {
      writeInputs(dir);
      const inputs = await loadSemanticInputs({
        canonical: join(dir, 'canonical.json'),
        feedback: join(dir, 'feedback.csv'),
      });
      const build = await buildSemanticIndex(inputs, {
        embedder: 'trained',
        dimensions: 16,
        training: { epochs: 1 },
      });
      const evaluated = new Set(build.answers.map((a) => normalizeText(a.query)));
      expect(build.evaluation.source).toBe('feedback');
      expect(evaluated.size).toBe(build.counts.feedbackEvaluation);
      expect(evaluated.size).toBeGreaterThan(5);
      const indexed = build.index.entries();
      expect(indexed.filter((e) => evaluated.has(normalizeText(e.label)))).toEqual([]);
      // Confirmed training feedback does enrich the index.
      expect(indexed.filter((e) => e.source === 'feedback').length).toBeGreaterThan(0);
      // The embedder trained on the canonical labels (less those held out) and the training feedback only.
      const heldOut = build.counts.heldOutLabels;
      expect(build.training!.texts).toBeLessThanOrEqual(
        inputs.vocabulary.entries.length - heldOut + build.counts.feedbackTrain,
      );
      // Every canonical label serves, the held-out ones included.
      expect(indexed.filter((e) => e.source === 'canonical')).toHaveLength(inputs.vocabulary.entries.length);
      await build.index.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gleaner train semantic modes', () => {
  let dir: string;
  let store: ModelStore;
  let base: Omit<SemanticTrainingOptions, 'mode'>;
  const events: SemanticProgressEvent[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gleaner-modes-'));
    writeInputs(dir);
    store = new ModelStore({ root: join(dir, 'models') });
    base = {
      files: { canonical: join(dir, 'canonical.json'), feedback: join(dir, 'feedback.csv') },
      store,
      minAccuracy: 0.5,
      outDir: join(dir, 'smoke'),
      dimensions: 16,
      training: { epochs: 1 },
      onProgress: (e) => events.push(e),
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('smoke-test: loads, counts, round-trips a tiny index, writes metrics.json', async () => {
    const result = await runSemanticTraining({ ...base, mode: 'smoke-test' });
    expect(result.version).toBeNull();
    expect(result.metricsFile).toBe(join(dir, 'smoke', 'metrics.json'));
    const metrics = JSON.parse(readFileSync(result.metricsFile, 'utf8')) as Record<string, number>;
    expect(metrics).toMatchObject({ concepts: 120, roundtrip_consistent: 1, feedback_issues: 3 });
    expect(metrics.roundtrip_top1).toBeGreaterThan(0.9);
    expect(result.issues.map((i) => i.message)).toEqual([
      '1 field; a row needs query_key, matched_key, correct',
      'correct is "perhaps"; write yes/true/1 to confirm or no/false/0 to reject',
      'matched_key "NOT-A-KEY" is not a concept of the canonical vocabulary',
    ]);
    expect(events.map((e) => e.stage)).toContain('smoke-test');
  });

  it('build-index: the vocabulary alone, a version that is not promoted', async () => {
    events.length = 0;
    const result = await runSemanticTraining({ ...base, mode: 'build-index' });
    expect(result.promotion).toBeNull();
    expect(await store.latest('semantic-index', 'default')).toBeNull();
    expect(result.build!.counts.feedbackTrain).toBe(0);
    expect(result.build!.evaluation.source).toBe('held-out labels');
    const metrics = JSON.parse(readFileSync(result.metricsFile, 'utf8')) as Record<string, number>;
    expect(metrics.top1).toBeGreaterThan(0.3);
    expect(Object.keys(metrics)).toEqual(expect.arrayContaining(['top1', 'top5', 'mrr', 'train_seconds']));
    for (const file of ['meta.json', 'calibration.json', 'manifest.json', 'report.json', 'index/meta.json'])
      expect(existsSync(join(result.versionDir!, file))).toBe(true);
    expect(new Set(events.map((e) => e.stage))).toEqual(
      new Set(['load', 'feedback', 'split', 'train', 'index', 'calibrate', 'evaluate', 'version']),
    );
  });

  it('build-index-feedback: enriched and calibrated by feedback, measured on held-out feedback', async () => {
    const result = await runSemanticTraining({ ...base, mode: 'build-index-feedback' });
    expect(result.build!.evaluation.source).toBe('feedback');
    expect(result.build!.calibration.source).toBe('feedback and held-out labels');
    expect(result.build!.counts.feedbackTrain).toBeGreaterThan(0);
    await expect(
      runSemanticTraining({
        ...base,
        files: { canonical: base.files.canonical },
        mode: 'build-index-feedback',
      }),
    ).rejects.toThrow(/needs --feedback/);
  });

  it('full-train: trains, versions, promotes through the gate, and refuses a worse version', async () => {
    events.length = 0;
    const easy = { ...base.files, queries: join(dir, 'easy.jsonl') };
    const first = await runSemanticTraining({ ...base, files: easy, mode: 'full-train' });
    expect(first.build!.parameters.embedder).toBe('trained');
    expect(first.promotion).toMatchObject({ promoted: true, code: 'promoted' });
    expect((await store.latest('semantic-index', 'default'))!.version).toBe(first.version);
    expect(events.map((e) => e.stage)).toEqual(expect.arrayContaining(['train', 'promote', 'notify']));
    // Measured on harder queries (which the feedback confirms, but a query file is never trained on), the
    // next version scores below the latest: refused, the latest stays.
    const hard = { ...base.files, queries: join(dir, 'hard.jsonl') };
    const second = await runSemanticTraining({ ...base, files: hard, mode: 'full-train', minAccuracy: 0 });
    expect(second.metrics.top1).toBeLessThan(first.metrics.top1!);
    expect(second.promotion).toMatchObject({ promoted: false, code: 'worse-than-latest' });
    // Below the floor: refused too.
    const third = await runSemanticTraining({ ...base, files: hard, mode: 'full-train', minAccuracy: 0.99 });
    expect(third.promotion).toMatchObject({ promoted: false, code: 'below-floor' });
    expect((await store.latest('semantic-index', 'default'))!.version).toBe(first.version);
    const versions = (await store.list({ kind: 'semantic-index' })).map((v) => v.version);
    expect(versions).toEqual(expect.arrayContaining([first.version, second.version, third.version]));
  });
});

describe('the transformers embedder in a semantic index', () => {
  it('builds with a local ONNX model folder, and a saved version loads the model again by its recipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gleaner-semantic-bert-'));
    try {
      const model = join(dir, 'tiny-bert');
      writeTinyBert(model);
      writeFileSync(
        join(dir, 'canonical.json'),
        JSON.stringify({
          N: ['nurse', 'head nurse'],
          C: ['cook', 'chef', 'head chef'],
          P: ['pastry chef', 'pastry cook'],
          B: ['baker', 'bakers'],
        }),
      );
      const store = new ModelStore({ root: join(dir, 'models') });
      const result = await runSemanticTraining({
        mode: 'build-index',
        files: { canonical: join(dir, 'canonical.json') },
        store,
        embedder: 'transformers',
        model,
        minAccuracy: 0,
        outDir: dir,
      });
      expect(result.build!.parameters.embedderId).toBe('transformers:tiny-bert:fp32:mean');
      const index = await SemanticIndex.load(result.versionDir!);
      try {
        expect(index.embedder.id).toBe('transformers:tiny-bert:fp32:mean');
        const [answer] = await index.match(['bakers'], 2);
        expect(answer!.matches[0]!.key).toBe('B');
      } finally {
        await index.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
