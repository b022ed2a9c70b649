import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelStore } from '../../src/train/index.js';
import { spawnGleaner } from '../harness/processes.js';

async function run(args: string[], env: Record<string, string> = {}) {
  const p = spawnGleaner(args, env);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('gleaner models', () => {
  let dataDir: string;
  let store: ModelStore;
  const made: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gleaner-cli-models-'));
    // The default store folder: <data dir>/models.
    store = new ModelStore({ root: join(dataDir, 'models') });
    for (const top1 of [0.85, 0.7, 0.9]) {
      const draft = await store.createVersion('semantic-index', 'occupations');
      await draft.writeMetrics({ top1 });
      made.push((await draft.commit()).version);
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const latestLink = () => readlinkSync(join(dataDir, 'models', 'semantic-index', 'occupations', 'latest'));

  it('promotes a version that passes the gate and refuses one that does not, saying why', async () => {
    const first = await run([
      '--data-dir',
      dataDir,
      'models',
      'promote',
      'semantic-index',
      'occupations',
      made[0]!,
      '--metric',
      'top1',
      '--min',
      '0.8',
    ]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`semantic-index/occupations: ${made[0]} is now latest \\(top1 0.85 meets the floor 0.8\\)`),
    );
    const refused = await run([
      '--data-dir',
      dataDir,
      'models',
      'promote',
      'semantic-index',
      'occupations',
      made[1]!,
      '--metric',
      'top1',
      '--must-beat-latest',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      `gleaner: ${made[1]} not promoted: top1 0.7 is worse than the latest version ${made[0]}'s 0.85; ${made[0]} stays latest`,
    );
    expect(latestLink()).toBe(made[0]);
    const json = await run([
      '--json',
      '--data-dir',
      dataDir,
      'models',
      'promote',
      'semantic-index',
      'occupations',
      made[2]!,
      '--metric',
      'top1',
      '--must-beat-latest',
    ]);
    expect(json.code).toBe(0);
    expect(lastJson(json.stdout)).toMatchObject({
      promoted: true,
      code: 'promoted',
      version: { version: made[2] },
    });
    expect(latestLink()).toBe(made[2]);
  }, 60_000);

  it('lists versions, rolls back, and reads the store folder from GLEANER_MODEL_DIR', async () => {
    const list = await run(['--data-dir', dataDir, 'models', 'list', 'semantic-index']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(`^semantic-index\\s+occupations\\s+${made[2]}\\s+latest\\s+top1=0.9000`, 'm'),
    );
    const back = await run([
      '--json',
      '--data-dir',
      dataDir,
      'models',
      'rollback',
      'semantic-index',
      'occupations',
    ]);
    expect(back.code).toBe(0);
    expect(lastJson(back.stdout)).toMatchObject({
      version: { version: made[0] },
      previous: { version: made[2] },
    });
    expect(latestLink()).toBe(made[0]);
    const elsewhere = mkdtempSync(join(tmpdir(), 'gleaner-cli-empty-'));
    try {
      const fromEnv = await run(['--json', '--data-dir', elsewhere, 'models'], {
        GLEANER_MODEL_DIR: join(dataDir, 'models'),
      });
      expect((lastJson(fromEnv.stdout).items as unknown[]).length).toBe(3);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([
    [
      ['models', 'promote', 'word2vec', 'x', 'v1'],
      /"word2vec" is not a model kind; the kinds are semantic-index/,
    ],
    [['models', 'promote', 'semantic-index', 'occupations', 'latest'], /"latest" is not a version name/],
    [
      ['models', 'promote', 'semantic-index', 'occupations', 'v20200101-000000'],
      /model version semantic-index\/occupations\/v20200101-000000 does not exist/,
    ],
    [
      ['models', 'promote', 'semantic-index', 'occupations', 'v20200101-000000', '--min', '1'],
      /need --metric <name>/,
    ],
    [['models', 'rollback', 'attribute-model', 'nothing'], /model attribute-model\/nothing does not exist/],
  ])(
    'refuses %j with a message that says how to fix it',
    async (args, message) => {
      const { code, stderr } = await run(['--data-dir', dataDir, ...args]);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
    60_000,
  );
});
