import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import type { RecordAttributes } from '../../src/datasets/index.js';
import { buildDemoCatalog } from '../../src/demo/index.js';
import {
  loadAttributeModel,
  planAttributeModel,
  predictMissing,
  saveAttributeModel,
  trainAttributeModel,
  type AttributeModel,
  type AttributeModelProgress,
  type AttributeModelRecord,
} from '../../src/train/index.js';
import { demoProductRecords } from './demo-records.js';

// A small shop keeps the suite fast: 1,200 product pages, about 1,000 of them in the training split.
const { records, truth } = demoProductRecords(buildDemoCatalog({ products: 1200, articles: 0 }));
const plan = planAttributeModel(records);
let model: AttributeModel;
const progress: AttributeModelProgress[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  model = await trainAttributeModel(records, plan, {
    version: 'test-v1',
    onProgress: (event) => progress.push(event),
  });
});

afterAll(() => {
  model.dispose();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-attribute-model-'));
  dirs.push(dir);
  return dir;
}

const pathKey = (value: unknown) => (Array.isArray(value) ? value.join(' > ') : String(value));

describe('trainAttributeModel on demo records', () => {
  it('trains on the wasm backend and reports progress by stage', () => {
    expect(model.metrics.backend).toBe('wasm');
    expect(progress[0]).toMatchObject({ stage: 'features', fraction: 0 });
    const epochs = progress.filter((p) => p.stage === 'train');
    expect(epochs.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(epochs[0]!.message).toMatch(/^train epoch 1\/10, loss \d+\.\d{4}$/);
    expect(progress.at(-1)).toMatchObject({ stage: 'evaluate', fraction: 1 });
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('predicts category and brand on held-out records far better than the majority class', () => {
    for (const id of ['category', 'category.top', 'brand']) {
      const target = model.metrics.targets[id]!;
      expect(target.support).toBeGreaterThan(100);
      // A margin over the baseline, not a fixed score: the baseline is under 0.5 for each of these.
      expect(target.accuracy - target.baselineAccuracy).toBeGreaterThan(0.4);
      expect(target.macroF1).toBeGreaterThan(target.baselineAccuracy + 0.4);
      expect(target.usable).toBe(true);
    }
    expect(model.metrics.summaryMetric).toBe('mean-macro-f1');
    expect(model.metrics.heldOutRecords + model.metrics.trainRecords).toBe(records.length);
  });
});

describe('predictMissing', () => {
  it('fills the categories the pages did not state, right, and marks them', () => {
    const results = predictMissing(model, records, { minConfidence: 0.6 });
    let hidden = 0;
    let filled = 0;
    let right = 0;
    results.forEach((result, i) => {
      const input = records[i]!;
      for (const attribute of ['brand', 'category'] as const)
        // A confident observed value is never touched.
        if (input.attributes[attribute])
          expect(result.attributes[attribute]).toBe(input.attributes[attribute]);
      for (const fill of result.filled) {
        expect(result.attributes[fill.attribute]).toEqual({
          value: fill.value,
          confidence: fill.confidence,
          source: 'model:test-v1',
          predicted: true,
        });
        expect(fill.confidence).toBeGreaterThanOrEqual(0.6);
        expect(fill.confidence).toBeLessThanOrEqual(1);
      }
      if (input.attributes.category) return;
      hidden++;
      const category = result.attributes.category;
      if (!category) return;
      filled++;
      const known = truth.get(String(input.id))!.category;
      // The full path, or the top level alone when only that was confident.
      const expected = Array.isArray(category.value) && category.value.length === 1 ? [known[0]] : known;
      if (pathKey(category.value) === pathKey(expected)) right++;
    });
    expect(hidden).toBeGreaterThan(100);
    expect(filled / hidden).toBeGreaterThan(0.8);
    expect(right / filled).toBeGreaterThan(0.9);
  });

  it('ranks the right brand of pages that hid it well above chance, and fills only confident ones', () => {
    // A page that hides its brand hides it from its name and description too: what is left is the SKU's
    // brand code, the GTIN's company prefix and the department. The model ranks well but is unsure.
    const hidden = records.filter((r) => !r.attributes.brand);
    const answers = predictMissing(model, hidden, { minConfidence: 0 }).map((r) => r.attributes.brand?.value);
    const brands = hidden.map((r) => truth.get(String(r.id))!.brand);
    const majorityShare =
      Math.max(...[...new Set(brands)].map((b) => brands.filter((x) => x === b).length)) / brands.length;
    const accuracy = answers.filter((answer, i) => answer === brands[i]).length / hidden.length;
    expect(accuracy).toBeGreaterThan(majorityShare + 0.3);
    const confident = predictMissing(model, hidden, { minConfidence: 0.6 });
    for (const [i, result] of confident.entries())
      if (result.attributes.brand) expect(result.attributes.brand.value).toBe(brands[i]);
  });

  it('never fills a target that did not beat its baseline', () => {
    const unusable = Object.entries(model.metrics.targets)
      .filter(([, m]) => !m.usable)
      .map(([id]) => id);
    const stripped = records.map((r) => ({ id: r.id, attributes: {} as RecordAttributes }));
    for (const result of predictMissing(model, stripped, { minConfidence: 0 }))
      for (const fill of result.filled) expect(unusable).not.toContain(fill.target);
  });

  it('replaces a doubtful value or an older prediction, keeps a confident one, and changes no input', () => {
    const base = records.find((r) => r.attributes.brand && r.attributes.category)!;
    const brand = String(base.attributes.brand!.value);
    const variants: AttributeModelRecord[] = [
      {
        id: 'doubtful',
        attributes: { ...base.attributes, brand: { value: 'Nobody', confidence: 0.2, source: 'visible' } },
      },
      {
        id: 'confident',
        attributes: { ...base.attributes, brand: { value: 'Nobody', confidence: 0.95, source: 'json-ld' } },
      },
      {
        id: 'older',
        attributes: {
          ...base.attributes,
          brand: { value: 'Nobody', confidence: 0.99, source: 'model:v0', predicted: true },
        },
      },
    ];
    const before = JSON.stringify(variants);
    const [doubtful, confident, older] = predictMissing(model, variants, { minConfidence: 0.6 });
    expect(JSON.stringify(variants)).toBe(before);
    expect(doubtful!.attributes.brand).toMatchObject({ value: brand, predicted: true });
    expect(doubtful!.filled).toEqual([
      expect.objectContaining({ attribute: 'brand', value: brand, replaced: variants[0]!.attributes.brand }),
    ]);
    expect(confident!.attributes.brand).toBe(variants[1]!.attributes.brand);
    expect(confident!.filled).toEqual([]);
    expect(older!.attributes.brand).toMatchObject({ value: brand, source: 'model:test-v1' });
  });
});

describe('saveAttributeModel and loadAttributeModel', () => {
  it('write standard TensorFlow.js files beside meta.json and metrics.json, and read them back exactly', async () => {
    const dir = tempDir();
    await saveAttributeModel(model, dir);
    const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
      format: string;
      weightsManifest: { paths: string[] }[];
    };
    expect(modelJson.format).toBe('layers-model');
    // tfjs's own shard size (4 MB): 2^15 columns × the heads' classes × 4 bytes is about 10 MB.
    const shards = modelJson.weightsManifest[0]!.paths;
    expect(shards.length).toBeGreaterThan(1);
    shards.forEach((path, i) => expect(path).toBe(`group1-shard${i + 1}of${shards.length}.bin`));
    for (const file of [...shards, 'meta.json', 'metrics.json'])
      expect(existsSync(join(dir, file))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'))).toEqual(model.metrics);

    const loaded = await loadAttributeModel(dir);
    try {
      expect(loaded.version).toBe('test-v1');
      expect(loaded.spec.targets).toEqual(model.spec.targets);
      expect(loaded.spec.features.idf).toEqual(model.spec.features.idf);
      // Every target filled at any confidence: the full answer of both models, compared exactly.
      const everything = records.slice(0, 300).map((r) => ({ id: r.id, attributes: {} as RecordAttributes }));
      const options = { minConfidence: 0, includeUnreliable: true };
      expect(predictMissing(loaded, everything, options)).toEqual(predictMissing(model, everything, options));
    } finally {
      loaded.dispose();
    }
    const renamed = await loadAttributeModel(dir, { version: 'v20261122-101500' });
    const { category: _category, ...withoutCategory } = records[0]!.attributes;
    const [answer] = predictMissing(renamed, [{ id: 1, attributes: withoutCategory }], { minConfidence: 0 });
    expect(answer!.attributes.category!.source).toBe('model:v20261122-101500');
    renamed.dispose();
  });

  it('refuses a folder that holds no model, saying what it expected', async () => {
    const load = loadAttributeModel(tempDir());
    await expect(load).rejects.toBeInstanceOf(InvalidInputError);
    await expect(load).rejects.toThrow(/meta\.json.*is .* a saved attribute model\?/);
  });
});

describe('training runs', () => {
  const small = demoProductRecords(buildDemoCatalog({ products: 400, articles: 0 })).records;
  const smallPlan = planAttributeModel(small);

  it('are deterministic for a seed', async () => {
    const weights = async (seed: number) => {
      const trained = await trainAttributeModel(small, smallPlan, { seed, epochs: 2, hashBits: 12 });
      const values = trained.network.getWeights().map((w) => Array.from(w.dataSync()));
      const metrics = trained.metrics.targets;
      trained.dispose();
      return { values, metrics };
    };
    const first = await weights(7);
    const again = await weights(7);
    expect(again.values).toEqual(first.values);
    expect(again.metrics).toEqual(first.metrics);
    expect((await weights(8)).values).not.toEqual(first.values);
  });

  it('stop on abort between batches and free their tensors', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = trainAttributeModel(small, smallPlan, {
      epochs: 5,
      hashBits: 12,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.stage === 'train') controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });
});
