import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApi } from '../../src/api/index.js';
import { ModelStore, runSemanticTraining, type SemanticTrainingOptions } from '../../src/train/index.js';
import { startTestGleaner, type TestGleaner } from '../harness/gleaner.js';
import { occupationsSubset } from '../train/semantic-vocabulary.js';

const KEY = 'match-key';

describe('semantic matching API', () => {
  let t: TestGleaner;
  let app: FastifyInstance;
  let dir: string;
  let train: (overrides: Partial<SemanticTrainingOptions>) => ReturnType<typeof runSemanticTraining>;
  const canonical = occupationsSubset(60);
  const keys = Object.keys(canonical);
  const headers = { 'x-api-key': KEY };
  const match = (payload: object) => app.inject({ method: 'POST', url: '/api/match', headers, payload });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gleaner-match-'));
    writeFileSync(join(dir, 'canonical.json'), JSON.stringify(canonical));
    // Preferred labels as queries: a measure every version passes; the same with the answers of the next
    // concept: a measure every version fails (a worse version, as the gate sees it).
    writeFileSync(
      join(dir, 'easy.jsonl'),
      keys.map((k) => JSON.stringify({ query: canonical[k]!.labels[0], gold: [k] })).join('\n'),
    );
    writeFileSync(
      join(dir, 'wrong.jsonl'),
      keys
        .map((k, i) =>
          JSON.stringify({ query: canonical[k]!.labels[0], gold: [keys[(i + 1) % keys.length]] }),
        )
        .join('\n'),
    );
    t = await startTestGleaner('pglite', { workers: 0 });
    app = buildApi(t.gleaner, { apiKeys: [KEY], version: 'test' });
    train = (overrides) =>
      runSemanticTraining({
        mode: 'full-train',
        files: { canonical: join(dir, 'canonical.json'), queries: join(dir, 'easy.jsonl') },
        store: t.gleaner.models,
        embedder: 'hashed',
        minAccuracy: 0,
        outDir: dir,
        ...overrides,
      });
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says there is nothing to match with before a version is promoted', async () => {
    const response = await match({ query: 'nurse' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toMatch(
      /no promoted semantic index "default": train one with `gleaner train semantic/,
    );
  });

  it('answers one query and many with the top-k concepts, their labels, scores, decisions and the version', async () => {
    const first = await train({});
    expect(first.promotion!.promoted).toBe(true);
    const label = canonical[keys[3]!]!.labels[1]!;
    const one = await match({ query: label, k: 3 });
    expect(one.statusCode).toBe(200);
    const body = one.json();
    expect(body).toMatchObject({ name: 'default', version: first.version, query: label });
    expect(body.matches).toHaveLength(3);
    expect(body.matches[0]).toMatchObject({
      key: keys[3],
      label,
      preferredLabel: canonical[keys[3]!]!.labels[0],
    });
    for (const m of body.matches) {
      expect(Object.keys(m).sort()).toEqual([
        'concept',
        'decision',
        'key',
        'label',
        'lexical',
        'preferredLabel',
        'score',
        'semantic',
      ]);
      expect(['match', 'suggest', 'no match']).toContain(m.decision);
    }
    expect(body.decision).toBe(body.matches[0].decision);
    const many = await match({ queries: [label, 'zzzz qqqq', canonical[keys[5]!]!.labels[0], '?!'] });
    expect(many.statusCode).toBe(200);
    const results = many.json().results as { query: string; decision: string; matches: { key: string }[] }[];
    expect(results).toHaveLength(4);
    expect(results[0]!.matches).toHaveLength(5);
    expect(results[1]!.decision).toBe('no match');
    expect(results[2]!.matches[0]!.key).toBe(keys[5]);
    // Nothing in common with any label: no answers at all.
    expect(results[3]).toEqual({ query: '?!', decision: 'no match', matches: [] });
  });

  it.each([
    [{ query: 'a', queries: ['b'] }, 'query'],
    [{}, 'query'],
    [{ query: 'nurse', k: 0 }, 'k'],
    [{ queries: [] }, 'queries'],
    [{ query: '   ' }, 'query'],
    [{ query: 'nurse', colour: 'red' }, 'body'],
  ])('answers 400 with the field at fault for %j', async (payload, field) => {
    const response = await match(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field ?? 'body').toBe(field);
  });

  it('switches to a newly promoted version without a restart, and keeps serving when one is refused', async () => {
    const before = (await match({ query: 'nurse' })).json().version as string;
    const second = await train({ dimensions: 128 });
    expect(second.promotion!.promoted).toBe(true);
    // Promotion in this process: the store announces it and serving swaps the version in.
    await vi.waitFor(
      async () => expect((await match({ query: 'nurse' })).json().version).toBe(second.version),
      {
        timeout: 10_000,
        interval: 50,
      },
    );
    expect(second.version).not.toBe(before);
    // A worse version is refused: the promoted one keeps answering.
    const worse = await train({
      files: { canonical: join(dir, 'canonical.json'), queries: join(dir, 'wrong.jsonl') },
    });
    expect(worse.promotion).toMatchObject({ promoted: false, code: 'worse-than-latest' });
    expect((await match({ query: 'nurse' })).json().version).toBe(second.version);
  });

  it('reloads on POST /api/models/reload after another process rolled back, without a key', async () => {
    const serving = (await match({ query: 'nurse' })).json().version as string;
    // Another process (another store object on the same folder) rolls back; this one does not know yet.
    const other = new ModelStore({ root: t.gleaner.config.modelDir });
    const rolled = await other.rollback('semantic-index', 'default');
    expect(rolled.previous.version).toBe(serving);
    expect((await match({ query: 'nurse' })).json().version).toBe(serving);
    const reload = await app.inject({ method: 'POST', url: '/api/models/reload', payload: {} });
    expect(reload.statusCode).toBe(200);
    expect(reload.json().reloaded).toEqual([
      { name: 'default', version: rolled.version.version, previous: serving, changed: true },
    ]);
    expect(JSON.stringify(reload.json())).not.toContain(t.gleaner.config.modelDir);
    expect((await match({ query: 'nurse' })).json().version).toBe(rolled.version.version);
    // The model store's own notification body is accepted too; nothing changed, nothing reloads.
    const again = await app.inject({
      method: 'POST',
      url: '/api/models/reload',
      payload: {
        kind: 'semantic-index',
        name: 'default',
        version: rolled.version.version,
        action: 'rollback',
      },
    });
    expect(again.json().reloaded).toEqual([
      { name: 'default', version: rolled.version.version, previous: rolled.version.version, changed: false },
    ]);
  });
});
