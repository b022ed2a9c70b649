import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreRecord, DEFAULT_TOPIC_RULES } from '../../src/datasets/index.js';
import { buildDemoCatalog } from '../../src/demo/index.js';
import {
  getTrainingJob,
  listTrainingRecords,
  upsertTrainingRecords,
  type TrainingJobRow,
  type TrainingRecordWrite,
} from '../../src/store/index.js';
import type { Gleaner } from '../../src/runtime/index.js';
import { BACKENDS } from '../harness/databases.js';
import { startTestGleaner, type TestGleaner } from '../harness/gleaner.js';
import { demoProductRecords } from './demo-records.js';

const TOPIC = 'demo-shop';

async function waitForTraining(gleaner: Gleaner, id: number, timeoutMs = 60_000): Promise<TrainingJobRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getTrainingJob(gleaner.db, id);
    if (job && (job.status === 'completed' || job.status === 'failed')) return job;
    if (Date.now() > until) throw new Error(`training job ${id} still ${job?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function recordWrites(count: number, topic = TOPIC): TrainingRecordWrite[] {
  const { records } = demoProductRecords(buildDemoCatalog({ products: count, articles: 0 }));
  return records.map((r) => {
    const score = scoreRecord(r.attributes, DEFAULT_TOPIC_RULES);
    return {
      topic,
      profile: 'product',
      url: `https://shop.test/p/${r.id}`,
      jobId: null,
      pageId: null,
      attributes: r.attributes,
      ...score,
      issues: [],
      extractorVersion: 'test',
    };
  });
}

describe.each(BACKENDS)('topic models on %s', (backend) => {
  let t: TestGleaner;
  beforeAll(async () => {
    t = await startTestGleaner(backend, { workers: 1 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a topic with too few records fails its training job with how many are needed', async () => {
    await upsertTrainingRecords(t.gleaner.db, recordWrites(12, 'tiny'));
    const { job } = await t.gleaner.topicModels.request('tiny', 'test');
    const done = await waitForTraining(t.gleaner, job.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/not trained: .*\d+/);
  });

  it('trains, promotes, fills missing brands and categories as predicted, and re-scores the records', async () => {
    await upsertTrainingRecords(t.gleaner.db, recordWrites(600));
    const before = await listTrainingRecords(t.gleaner.db, {
      topic: TOPIC,
      needsTrainingData: true,
      limit: 1000,
      offset: 0,
    });
    expect(before.length).toBeGreaterThan(20);
    const first = await t.gleaner.topicModels.request(TOPIC, 'test');
    const joined = await t.gleaner.topicModels.request(TOPIC, 'test again');
    expect(joined.job.id).toBe(first.job.id);
    const done = await waitForTraining(t.gleaner, first.job.id);
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ status: 'completed', promoted: true, progress: 1 });
    expect(done.log.map((l) => l.stage)).toEqual(
      expect.arrayContaining(['load', 'plan', 'train', 'promote', 'fill']),
    );
    expect(done.metrics!.macro_f1_brand).toBeGreaterThan(done.metrics!.baseline_accuracy_brand as number);

    const model = await t.gleaner.topicModels.describe(TOPIC);
    expect(model?.version).toBe(done.resultVersion);
    const predicted = await listTrainingRecords(t.gleaner.db, {
      topic: TOPIC,
      predicted: true,
      limit: 1000,
      offset: 0,
    });
    expect(predicted.length).toBeGreaterThan(0);
    for (const record of predicted) {
      const filled = Object.values(
        record.attributes as Record<string, { predicted?: boolean; source: string }>,
      ).filter((a) => a.predicted);
      expect(filled.length).toBeGreaterThan(0);
      for (const a of filled) expect(a.source).toBe(`model:${done.resultVersion}`);
      expect(record.modelVersion).toBe(done.resultVersion);
    }
    const after = await listTrainingRecords(t.gleaner.db, {
      topic: TOPIC,
      needsTrainingData: true,
      limit: 1000,
      offset: 0,
    });
    expect(after.length).toBeLessThan(before.length);
  }, 120_000);

  it('a retrained model that is no better keeps the current one serving', async () => {
    const current = await t.gleaner.topicModels.describe(TOPIC);
    const { job } = await t.gleaner.topicModels.request(TOPIC, 'again');
    const done = await waitForTraining(t.gleaner, job.id);
    expect(done.status).toBe('completed');
    const now = await t.gleaner.topicModels.describe(TOPIC);
    if (done.promoted) expect(now!.version).toBe(done.resultVersion);
    else expect(now!.version).toBe(current!.version);
  }, 120_000);

  it('similar records are products of the same kind (PostgreSQL without pgvector says what is missing)', async () => {
    const [record] = await listTrainingRecords(t.gleaner.db, { topic: TOPIC, limit: 1, offset: 0 });
    if (!t.gleaner.db.vectorSupport) {
      await expect(t.gleaner.topicModels.similar(record!.id, { k: 5 })).rejects.toThrow(/pgvector/);
      return;
    }
    const similar = await t.gleaner.topicModels.similar(record!.id, { k: 5 });
    expect(similar).toHaveLength(5);
    expect(similar.map((s) => s.id)).not.toContain(record!.id);
    expect(similar[0]!.similarity).toBeGreaterThan(0.3);
    const category = (r: { attributes: unknown }) =>
      ((r.attributes as Record<string, { value?: string[] }>).category?.value ?? []).slice(0, 1).join();
    // Most of the nearest products share the record's top-level category (when both have one).
    const comparable = similar.filter((s) => category(s) && category(record!));
    const same = comparable.filter((s) => category(s) === category(record!));
    expect(same.length).toBeGreaterThanOrEqual(Math.ceil(comparable.length / 2));
  });
});
