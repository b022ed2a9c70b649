import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, FatalError, InvalidInputError, NotFoundError } from '../../src/core/index.js';
import { compareVersions, ModelStore, versionName, type LatestChange } from '../../src/train/index.js';
import { packageVersion } from './package-version.js';

const roots: string[] = [];
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function newStore(options: Partial<ConstructorParameters<typeof ModelStore>[0]> = {}): ModelStore {
  const root = mkdtempSync(join(tmpdir(), 'gleaner-models-'));
  roots.push(root);
  return new ModelStore({ root, ...options });
}

/** A committed version with the given metrics. */
async function version(store: ModelStore, metrics: Record<string, number>, name = 'occupations') {
  const draft = await store.createVersion('semantic-index', name);
  await draft.write('index/vectors.f32', new Uint8Array([1, 2, 3, 4]));
  await draft.writeJson('meta.json', { labels: ['a'] });
  await draft.writeMetrics(metrics);
  return draft.commit({ inputs: { 'canonical.json': contentHash('canonical') }, parameters: { k: 10 } });
}

describe('version names', () => {
  it('are v<YYYYMMDD-HHMMSS> in UTC, with a suffix for a second version in the same second', async () => {
    const at = new Date('2026-11-22T04:05:06.789Z');
    expect(versionName(at)).toBe('v20261122-040506');
    const store = newStore({ now: () => at });
    const first = await store.createVersion('semantic-index', 'same-second');
    const second = await store.createVersion('semantic-index', 'same-second');
    const third = await store.createVersion('semantic-index', 'same-second');
    expect([first.version, second.version, third.version]).toEqual([
      'v20261122-040506',
      'v20261122-040506-2',
      'v20261122-040506-3',
    ]);
    expect(
      ['v20261122-040506-10', 'v20261122-040506-2', 'v20261122-040507', 'v20261122-040506'].sort(
        compareVersions,
      ),
    ).toEqual(['v20261122-040506', 'v20261122-040506-2', 'v20261122-040506-10', 'v20261122-040507']);
  });

  it('keep free-text model names (a topic) in safe folders', async () => {
    const store = newStore();
    const made = await version(store, { top1: 0.5 }, 'running shoes/../x');
    expect(made.path.startsWith(join(store.root, 'semantic-index', 'running%20shoes%2F..%2Fx'))).toBe(true);
    expect((await store.list({ name: 'running shoes/../x' })).map((v) => v.name)).toEqual([
      'running shoes/../x',
    ]);
    expect(() => store.modelDir('semantic-index', '')).toThrow(InvalidInputError);
    expect(() => store.modelDir('nonsense' as 'semantic-index', 'x')).toThrow(
      /not a model kind; the kinds are semantic-index/,
    );
  });
});

describe('drafts and commits', () => {
  it('writes the manifest on commit (inputs, parameters, code version, every file with its hash)', async () => {
    const store = newStore();
    const committed = await version(store, { top1: 0.9, mrr: 0.93 });
    const manifest = JSON.parse(readFileSync(join(committed.path, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      kind: 'semantic-index',
      name: 'occupations',
      version: committed.version,
      codeVersion: packageVersion(),
      inputs: { 'canonical.json': contentHash('canonical') },
      parameters: { k: 10 },
    });
    expect(manifest.datasetHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      'index/vectors.f32',
      'meta.json',
      'metrics.json',
    ]);
    expect(manifest.files[0]).toEqual({
      path: 'index/vectors.f32',
      bytes: 4,
      sha256: contentHash(new Uint8Array([1, 2, 3, 4])),
    });
    expect(committed).toMatchObject({ metrics: { top1: 0.9, mrr: 0.93 }, isLatest: false, promotedAt: null });
  });

  it('lists only committed versions; an abandoned draft leaves nothing', async () => {
    const store = newStore();
    const draft = await store.createVersion('attribute-model', 'shoes');
    await draft.writeMetrics({ f1: 0.4 });
    expect(await store.list()).toEqual([]);
    await expect(store.get('attribute-model', 'shoes', draft.version)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.promote(draft)).rejects.toThrow(
      /not committed yet; call commit\(\) before promote\(\)/,
    );
    await draft.abandon();
    expect(existsSync(draft.dir)).toBe(false);
    await expect(draft.write('x', 'y')).rejects.toThrow(/is abandoned; it takes no more writes/);
  });

  it('refuses files outside the version and metrics that are not numbers', async () => {
    const store = newStore();
    const draft = await store.createVersion('semantic-index', 'x');
    await expect(draft.write('../escape', 'x')).rejects.toThrow(/not a path inside the version folder/);
    await expect(draft.write('manifest.json', '{}')).rejects.toThrow(/written by commit/);
    await expect(draft.writeMetrics({ top1: Number.NaN })).rejects.toThrow(
      /metric top1 must be a finite number/,
    );
  });
});

describe('promotion, the gate and rollback', () => {
  it('points latest at a promoted version with a relative symlink and announces it', async () => {
    const store = newStore();
    const changes: LatestChange[] = [];
    store.on('latest-changed', (change) => changes.push(change));
    const v1 = await version(store, { top1: 0.81 });
    const result = await store.promote(v1, { metric: 'top1', min: 0.8, mustBeat: 'latest' });
    expect(result).toMatchObject({ promoted: true, code: 'promoted', previous: null });
    expect(result.reason).toMatch(/top1 0.81 meets the floor 0.8/);
    expect(readlinkSync(join(store.modelDir('semantic-index', 'occupations'), 'latest'))).toBe(v1.version);
    expect((await store.latest('semantic-index', 'occupations'))?.version).toBe(v1.version);
    expect(changes).toEqual([
      {
        kind: 'semantic-index',
        name: 'occupations',
        version: v1.version,
        previous: null,
        dir: v1.path,
        action: 'promote',
      },
    ]);
  });

  it('refuses a version below the floor, one worse than the latest, one without the metric; the old one keeps serving', async () => {
    const store = newStore();
    const gate = { metric: 'top1', min: 0.8, mustBeat: 'latest' } as const;
    const good = await version(store, { top1: 0.85 });
    await store.promote(good, gate);
    const low = await store.promote(await version(store, { top1: 0.7 }), gate);
    expect(low).toMatchObject({ promoted: false, code: 'below-floor', previous: { version: good.version } });
    expect(low.reason).toBe("top1 0.7 is below the gate's floor 0.8");
    const worse = await store.promote(await version(store, { top1: 0.82 }), gate);
    expect(worse).toMatchObject({ promoted: false, code: 'worse-than-latest' });
    expect(worse.reason).toBe(`top1 0.82 is worse than the latest version ${good.version}'s 0.85`);
    const missing = await store.promote(await version(store, { mrr: 0.99 }), gate);
    expect(missing).toMatchObject({ promoted: false, code: 'missing-metric' });
    expect((await store.latest('semantic-index', 'occupations'))?.version).toBe(good.version);
    expect(await store.promote(good, gate)).toMatchObject({ promoted: false, code: 'already-latest' });
    const tie = await store.promote(await version(store, { top1: 0.85 }), gate);
    expect(tie).toMatchObject({ promoted: true });
    const lossGate = { metric: 'loss', mustBeat: 'latest', higherIsBetter: false } as const;
    const store2 = newStore();
    await store2.promote(await version(store2, { loss: 0.3 }), lossGate);
    expect(await store2.promote(await version(store2, { loss: 0.4 }), lossGate)).toMatchObject({
      code: 'worse-than-latest',
    });
  });

  it('rolls back to the previously promoted version, step by step, and says when it cannot', async () => {
    const store = newStore();
    await expect(store.rollback('semantic-index', 'occupations')).rejects.toThrow(
      /model semantic-index\/occupations does not exist/,
    );
    const [a, b, c] = [
      await version(store, { top1: 1 }),
      await version(store, { top1: 2 }),
      await version(store, { top1: 3 }),
    ];
    await expect(store.rollback('semantic-index', 'occupations')).rejects.toThrow(
      /no earlier promoted version to roll back to \(nothing is promoted yet\)/,
    );
    await store.promote(a);
    await expect(store.rollback('semantic-index', 'occupations')).rejects.toThrow(/only one promoted/);
    await store.promote(b);
    await store.promote(c);
    const changes: LatestChange[] = [];
    store.on('latest-changed', (change) => changes.push(change));
    const first = await store.rollback('semantic-index', 'occupations');
    expect(first).toMatchObject({
      version: { version: b.version, isLatest: true },
      previous: { version: c.version, isLatest: false },
    });
    expect((await store.rollback('semantic-index', 'occupations')).version.version).toBe(a.version);
    expect((await store.latest('semantic-index', 'occupations'))?.version).toBe(a.version);
    expect(changes.map((x) => [x.action, x.version, x.previous])).toEqual([
      ['rollback', b.version, c.version],
      ['rollback', a.version, b.version],
    ]);
    const history = await store.history('semantic-index', 'occupations');
    expect(history.map((h) => h.action)).toEqual(['promote', 'promote', 'promote', 'rollback', 'rollback']);
    const listed = await store.list({ kind: 'semantic-index' });
    expect(listed.map((v) => [v.version, v.isLatest])).toEqual([
      [c.version, false],
      [b.version, false],
      [a.version, true],
    ]);
    expect(listed.every((v) => v.promotedAt instanceof Date)).toBe(true);
  });

  it('never leaves latest missing, even while it is swapped many times', async () => {
    const store = newStore();
    const versions = [await version(store, { top1: 1 }), await version(store, { top1: 2 })];
    await store.promote(versions[0]!);
    const link = join(store.modelDir('semantic-index', 'occupations'), 'latest');
    let reads = 0;
    let missing = 0;
    let swapping = true;
    const reader = (async () => {
      while (swapping) {
        for (let i = 0; i < 50; i++) {
          reads++;
          try {
            readlinkSync(link);
          } catch {
            missing++;
          }
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let i = 0; i < 40; i++) await store.promote(versions[(i + 1) % 2]!);
    swapping = false;
    await reader;
    expect(reads).toBeGreaterThan(100);
    expect(missing).toBe(0);
    expect(
      readdirSync(store.modelDir('semantic-index', 'occupations')).filter((f) => f.startsWith('.')),
    ).toEqual([]);
  });

  it('orders concurrent promotions: each gate compares with the latest of its moment', async () => {
    const store = newStore();
    const made = await Promise.all(
      [0.81, 0.95, 0.83, 0.9, 0.85, 0.99, 0.82, 0.84].map((top1) => version(store, { top1 })),
    );
    const results = await Promise.all(
      made.map((v) => store.promote(v, { metric: 'top1', mustBeat: 'latest' })),
    );
    expect(results.filter((r) => r.promoted).length).toBeGreaterThanOrEqual(1);
    expect((await store.latest('semantic-index', 'occupations'))?.metrics.top1).toBe(0.99);
    expectConsistentHistory(await store.history('semantic-index', 'occupations'));
  });

  it('orders promotions from several processes at once through the lock file', async () => {
    const store = newStore();
    const made = [];
    for (const top1 of [0.9, 0.97, 0.93, 0.95]) made.push(await version(store, { top1 }));
    const go = join(store.root, 'go');
    const children = made.map((v) => promoteInChild(store.root, v.version, go));
    await Promise.all(children.map((c) => c.ready));
    writeFileSync(go, '');
    const outputs = await Promise.all(children.map((c) => c.exited));
    expect(outputs.map((o) => o.code)).toEqual([0, 0, 0, 0]);
    expect((await store.latest('semantic-index', 'occupations'))?.metrics.top1).toBe(0.97);
    expectConsistentHistory(await store.history('semantic-index', 'occupations'));
    expect(existsSync(join(store.modelDir('semantic-index', 'occupations'), '.lock'))).toBe(false);
  }, 60_000);

  it('takes over a lock left by a dead process', async () => {
    const store = newStore();
    const v = await version(store, { top1: 1 });
    writeFileSync(
      join(store.modelDir('semantic-index', 'occupations'), '.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), at: Date.now(), token: 'dead' }),
    );
    expect(await store.promote(v)).toMatchObject({ promoted: true });
  });

  it('says when latest points to a version that is gone', async () => {
    const store = newStore();
    const v = await version(store, { top1: 1 });
    await store.promote(v);
    rmSync(v.path, { recursive: true });
    const error = await store.latest('semantic-index', 'occupations').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalError);
    expect((error as FatalError).message).toMatch(
      /latest points to v\d{8}-\d{6}, which is missing or not committed/,
    );
  });
});

describe('reload notifications and refresh', () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  it('POSTs each change to the reload URL; a failing URL is reported and the promotion stands', async () => {
    const received: { url: string | undefined; body: unknown }[] = [];
    let status = 204;
    server = createServer((request, response) => {
      void readBody(request).then((body) => {
        received.push({ url: request.url, body: JSON.parse(body) });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const store = newStore({ reloadUrl: `http://127.0.0.1:${port}/api/models/reload` });
    const v1 = await version(store, { top1: 1 });
    const ok = await store.promote(v1);
    expect(ok.notification).toMatchObject({ ok: true, status: 204 });
    expect(received).toEqual([
      {
        url: '/api/models/reload',
        body: expect.objectContaining({ kind: 'semantic-index', version: v1.version, action: 'promote' }),
      },
    ]);
    status = 500;
    const v2 = await version(store, { top1: 2 });
    const refused = await store.promote(v2);
    expect(refused).toMatchObject({ promoted: true, notification: { ok: false, status: 500 } });
    const unreachable = newStore({ reloadUrl: 'http://127.0.0.1:9/reload', notifyTimeoutMs: 2000 });
    const v3 = await version(unreachable, { top1: 1 });
    const result = await unreachable.promote(v3);
    expect(result.promoted).toBe(true);
    expect(result.notification).toMatchObject({ ok: false });
    expect((await unreachable.latest('semantic-index', 'occupations'))?.version).toBe(v3.version);
  });

  it('announces on refresh what another process promoted', async () => {
    const serving = newStore();
    const trainer = new ModelStore({ root: serving.root });
    const changes: LatestChange[] = [];
    serving.on('latest-changed', (change) => changes.push(change));
    const v = await version(trainer, { top1: 1 }, 'jobs');
    await trainer.promote(v);
    expect(await serving.refresh()).toEqual([
      {
        kind: 'semantic-index',
        name: 'jobs',
        version: v.version,
        previous: null,
        dir: v.path,
        action: 'refresh',
      },
    ]);
    expect(changes).toHaveLength(1);
    expect(await serving.refresh()).toEqual([]);
  });
});

function expectConsistentHistory(history: { version: string; previous: string | null }[]): void {
  // Each change starts from the version the one before it left: no promotion was judged against a stale latest.
  history.forEach((entry, i) => expect(entry.previous).toBe(i === 0 ? null : history[i - 1]!.version));
  const values = history.map((h) => h.version);
  expect(new Set(values).size).toBe(values.length);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });
}

const CHILD = fileURLToPath(new URL('./promote-child.ts', import.meta.url));

function promoteInChild(root: string, version: string, goFile: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, version, goFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('ready')) resolve();
    }),
  );
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
  return { ready, exited };
}
