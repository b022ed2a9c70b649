import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../src/api/index.js';
import { listModelVersions } from '../../src/store/index.js';
import type { LatestChange, ModelStore } from '../../src/train/index.js';
import { BACKENDS } from '../harness/databases.js';
import { startTestGleaner, type TestGleaner } from '../harness/gleaner.js';

const KEY = 'models-key';

async function commit(store: ModelStore, name: string, top1: number) {
  const draft = await store.createVersion('semantic-index', name);
  await draft.writeMetrics({ top1 });
  return draft.commit();
}

describe.each(BACKENDS)('models API (%s)', (backend) => {
  let t: TestGleaner;
  let app: FastifyInstance;
  const headers = { 'x-api-key': KEY };
  const versions: string[] = [];

  beforeAll(async () => {
    t = await startTestGleaner(backend, { workers: 0 });
    app = buildApi(t.gleaner, { apiKeys: [KEY], version: 'test' });
    const store = t.gleaner.models;
    for (const top1 of [0.8, 0.9]) {
      const v = await commit(store, 'occupations', top1);
      await store.promote(v);
      versions.push(v.version);
    }
    await commit(store, 'skills', 0.5);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('lists versions with their metrics and which one is latest', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/models?kind=semantic-index', headers });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      name: string;
      version: string;
      isLatest: boolean;
      metrics: object;
    }[];
    expect(items.map((v) => [v.name, v.version, v.isLatest])).toEqual([
      ['occupations', versions[1], true],
      ['occupations', versions[0], false],
      ['skills', expect.stringMatching(/^v\d{8}-\d{6}/), false],
    ]);
    expect(items[0]!.metrics).toEqual({ top1: 0.9 });
    const filtered = await app.inject({ method: 'GET', url: '/api/models?name=skills', headers });
    expect(filtered.json().items).toHaveLength(1);
  });

  it('shows one model with its history, and answers 404 and 400 for unknown ones', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/models/semantic-index/occupations',
      headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'semantic-index',
      name: 'occupations',
      latest: { version: versions[1] },
      history: [
        { action: 'promote', version: versions[0], previous: null },
        { action: 'promote', version: versions[1], previous: versions[0] },
      ],
    });
    const missing = await app.inject({ method: 'GET', url: '/api/models/semantic-index/nope', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('model semantic-index/nope does not exist');
    const badKind = await app.inject({ method: 'GET', url: '/api/models/word2vec/x', headers });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error).toMatchObject({
      field: 'kind',
      message: expect.stringMatching(/not a model kind/),
    });
    expect((await app.inject({ method: 'GET', url: '/api/models' })).statusCode).toBe(401);
  });

  it('rolls back, announces the change in-process and mirrors it into the table', async () => {
    const changes: LatestChange[] = [];
    const off = t.gleaner.models.on('latest-changed', (change) => changes.push(change));
    const response = await app.inject({
      method: 'POST',
      url: '/api/models/semantic-index/occupations/rollback',
      headers,
    });
    off();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      version: { version: versions[0], isLatest: true },
      previous: { version: versions[1] },
    });
    expect(changes).toMatchObject([{ action: 'rollback', version: versions[0], previous: versions[1] }]);
    const rows = await listModelVersions(t.gleaner.db, { kind: 'semantic-index', name: 'occupations' });
    expect(rows.filter((r) => r.isLatest).map((r) => r.version)).toEqual([versions[0]]);
    const again = await app.inject({
      method: 'POST',
      url: '/api/models/semantic-index/occupations/rollback',
      headers,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toMatch(/no earlier promoted version to roll back to/);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/models',
        '/api/models/{kind}/{name}',
        '/api/models/{kind}/{name}/rollback',
      ]),
    );
  });
});
