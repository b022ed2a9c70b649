import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getTopicSettings,
  insertMiningJob,
  listTopics,
  listTrainingRecords,
  requestTrainingJob,
  rescoreTrainingRecords,
  startTrainingJob,
  finishTrainingJob,
  reportTrainingStage,
  getTrainingJob,
  trainingRecordCounts,
  topicRecords,
  updateTopicSettings,
  upsertTrainingRecords,
  type Database,
  type TrainingRecordWrite,
} from '../../src/store/index.js';
import { BACKENDS, openTestDatabase } from '../harness/databases.js';

function record(url: string, extra: Partial<TrainingRecordWrite> = {}): TrainingRecordWrite {
  return {
    topic: 'headphones',
    profile: 'product',
    url,
    jobId: null,
    pageId: null,
    attributes: { name: { value: `Product ${url}`, confidence: 0.95, source: 'json-ld' } },
    quality: 40,
    missingFields: ['brand'],
    needsTrainingData: true,
    issues: [],
    extractorVersion: 'test',
    ...extra,
  };
}

describe.each(BACKENDS)('training records on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stores one record per topic, profile and URL: a re-mined page replaces its record', async () => {
    const job = await insertMiningJob(db, { topic: 'headphones', renderMode: 'static', spec: {} });
    await upsertTrainingRecords(db, [record('https://a/1', { jobId: job.id }), record('https://a/2')]);
    const [again] = await upsertTrainingRecords(db, [
      record('https://a/1', { jobId: job.id, quality: 90, needsTrainingData: false, missingFields: [] }),
    ]);
    expect(again!.quality).toBe(90);
    const all = await listTrainingRecords(db, { topic: 'headphones', limit: 10, offset: 0 });
    expect(all.map((r) => r.url)).toEqual(['https://a/1', 'https://a/2']);
    expect(await listTrainingRecords(db, { needsTrainingData: true, limit: 10, offset: 0 })).toHaveLength(1);
    expect(await listTrainingRecords(db, { minQuality: 50, limit: 10, offset: 0 })).toHaveLength(1);
    const counts = await trainingRecordCounts(db, { jobId: job.id });
    expect(counts).toMatchObject({ records: 1, needsTrainingData: 0 });
    expect(await listTopics(db)).toEqual([{ topic: 'headphones', records: 2, needsTrainingData: 1 }]);
  });

  it('rescoring marks predicted values and pages through a topic', async () => {
    const [r] = await listTrainingRecords(db, { needsTrainingData: true, limit: 1, offset: 0 });
    await rescoreTrainingRecords(db, [
      {
        id: r!.id,
        attributes: {
          ...r!.attributes,
          brand: { value: 'Acme', confidence: 0.8, source: 'model:v1', predicted: true },
        },
        quality: 70,
        missingFields: [],
        needsTrainingData: false,
        modelVersion: 'v1',
      },
    ]);
    expect(await listTrainingRecords(db, { predicted: true, limit: 10, offset: 0 })).toHaveLength(1);
    const pages: number[] = [];
    for await (const batch of topicRecords(db, 'headphones', 'product', 1)) pages.push(batch.length);
    expect(pages).toEqual([1, 1]);
  });

  it('topic settings: set some fields, keep the rest, clear with null', async () => {
    expect(await getTopicSettings(db, 'shoes')).toBeNull();
    await updateTopicSettings(db, 'shoes', { requiredFields: ['name', 'price'], minConfidence: 0.7 });
    const updated = await updateTopicSettings(db, 'shoes', { modelFloor: 0.6, minConfidence: null });
    expect(updated).toMatchObject({
      requiredFields: ['name', 'price'],
      minConfidence: null,
      modelFloor: 0.6,
    });
  });

  it('training jobs coalesce: one queued or running per kind and topic', async () => {
    const first = await requestTrainingJob(db, 'attribute-model', 'headphones');
    const second = await requestTrainingJob(db, 'attribute-model', 'headphones');
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, job: { id: first.job.id, requests: 2, rerun: false } });
    expect((await requestTrainingJob(db, 'attribute-model', 'shoes')).created).toBe(true);
    await startTrainingJob(db, first.job.id);
    const whileRunning = await requestTrainingJob(db, 'attribute-model', 'headphones');
    expect(whileRunning).toMatchObject({ created: false, job: { id: first.job.id, rerun: true } });
    await reportTrainingStage(db, first.job.id, 'train', 0.5, 'epoch 1/2');
    await finishTrainingJob(db, first.job.id, {
      status: 'completed',
      resultVersion: 'v1',
      promoted: true,
      metrics: {},
    });
    const done = await getTrainingJob(db, first.job.id);
    expect(done).toMatchObject({ status: 'completed', progress: 1, stage: 'train' });
    expect(done!.log).toHaveLength(1);
    expect((await requestTrainingJob(db, 'attribute-model', 'headphones')).created).toBe(true);
  });

  it('concurrent requests for one topic make one job', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => requestTrainingJob(db, 'semantic-index', 'titles')),
    );
    expect(new Set(results.map((r) => r.job.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });
});
