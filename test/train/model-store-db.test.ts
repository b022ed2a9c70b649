import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getModelVersion, listModelVersions, type Database } from '../../src/store/index.js';
import { ModelStore } from '../../src/train/index.js';
import { BACKENDS, openTestDatabase } from '../harness/databases.js';

describe.each(BACKENDS)('the models table mirrors the model store (%s)', (backend) => {
  let db: Database;
  let root: string;
  beforeAll(async () => {
    db = await openTestDatabase(backend);
    root = mkdtempSync(join(tmpdir(), 'gleaner-models-db-'));
  });
  afterAll(async () => {
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  async function commit(store: ModelStore, name: string, top1: number) {
    const draft = await store.createVersion('attribute-model', name);
    await draft.writeMetrics({ top1 });
    return draft.commit({ datasetHash: `hash-${top1}` });
  }

  it('records commits, promotions and rollbacks, with one latest per model', async () => {
    const store = new ModelStore({ root, db });
    const a = await commit(store, 'shoes', 0.5);
    expect(await getModelVersion(db, 'attribute-model', 'shoes', a.version)).toMatchObject({
      path: a.path,
      metrics: { top1: 0.5 },
      datasetHash: 'hash-0.5',
      isLatest: false,
      promotedAt: null,
    });
    const b = await commit(store, 'shoes', 0.6);
    await store.promote(a);
    await store.promote(b);
    const latest = async () =>
      (await listModelVersions(db, { kind: 'attribute-model', name: 'shoes' }))
        .filter((r) => r.isLatest)
        .map((r) => r.version);
    expect(await latest()).toEqual([b.version]);
    await store.rollback('attribute-model', 'shoes');
    expect(await latest()).toEqual([a.version]);
    const row = await getModelVersion(db, 'attribute-model', 'shoes', a.version);
    expect(row?.promotedAt).toBeInstanceOf(Date);
  });

  it('lists the same versions from the table as from the folders', async () => {
    const files = new ModelStore({ root, db });
    const table = new ModelStore({ root: join(root, 'elsewhere'), db, catalog: 'database' });
    await commit(files, 'bags', 0.7);
    const fromFiles = await files.list({ kind: 'attribute-model' });
    const fromTable = await table.list({ kind: 'attribute-model' });
    expect(fromTable.map((v) => [v.name, v.version, v.isLatest, v.metrics])).toEqual(
      fromFiles.map((v) => [v.name, v.version, v.isLatest, v.metrics]),
    );
  });

  it('catches up with changes made without the database (sync)', async () => {
    const offline = new ModelStore({ root });
    const c = await commit(offline, 'hats', 0.9);
    await offline.promote(c);
    expect(await getModelVersion(db, 'attribute-model', 'hats', c.version)).toBeNull();
    const online = new ModelStore({ root, db });
    expect(await online.sync()).toBeGreaterThanOrEqual(4);
    expect(await getModelVersion(db, 'attribute-model', 'hats', c.version)).toMatchObject({ isLatest: true });
  });
});
