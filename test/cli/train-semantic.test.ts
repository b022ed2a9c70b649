import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnGleaner } from '../harness/processes.js';
import { OCCUPATIONS, occupationsSubset } from '../train/semantic-vocabulary.js';

async function run(args: string[]) {
  const p = spawnGleaner(args, { GLEANER_LOG_LEVEL: 'warn' });
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('gleaner train semantic and gleaner eval occupations', () => {
  let dir: string;
  let folder: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gleaner-cli-semantic-'));
    const canonical = occupationsSubset(80);
    writeFileSync(join(dir, 'canonical.json'), JSON.stringify(canonical));
    writeFileSync(
      join(dir, 'feedback.csv'),
      'query_key,matched_key,correct\nRN,NOPE,yes\n"a, b",C000001,maybe\n',
    );
    // An evaluation folder in the fixture's layout: this vocabulary and the fixture's queries about it.
    folder = join(dir, 'occupations');
    mkdirSync(folder);
    writeFileSync(join(folder, 'canonical.json'), JSON.stringify(canonical));
    const queries = readFileSync(join(OCCUPATIONS, 'queries.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l && (JSON.parse(l) as { gold: string[] }).gold.some((g) => g in canonical));
    writeFileSync(join(folder, 'queries.jsonl'), `${queries.join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('smoke-test: progress events, then the result, with the skipped feedback lines and metrics.json', async () => {
    const { code, stdout, stderr } = await run([
      '--json',
      '--data-dir',
      join(dir, 'data'),
      'train',
      'semantic',
      '--mode',
      'smoke-test',
      '--canonical',
      join(dir, 'canonical.json'),
      '--feedback',
      join(dir, 'feedback.csv'),
    ]);
    expect(code, stderr).toBe(0);
    const lines = jsonLines(stdout);
    const result = lines.at(-1)! as {
      metrics: Record<string, number>;
      metricsFile: string;
      issues: unknown[];
    };
    expect(lines.slice(0, -1).every((l) => l.event === 'progress')).toBe(true);
    expect(lines.slice(0, -1).map((l) => l.stage)).toEqual(expect.arrayContaining(['load', 'smoke-test']));
    expect(result.metrics).toMatchObject({ concepts: 80, roundtrip_consistent: 1, feedback_issues: 2 });
    expect(result.issues).toEqual([
      {
        line: 2,
        message: 'matched_key "NOPE" is not a concept of the canonical vocabulary',
        file: 'feedback',
      },
      {
        line: 3,
        message: 'correct is "maybe"; write yes/true/1 to confirm or no/false/0 to reject',
        file: 'feedback',
      },
    ]);
    expect(existsSync(result.metricsFile)).toBe(true);
  });

  it('full-train: versions and promotes into the data folder’s model store', async () => {
    const { code, stdout, stderr } = await run([
      '--json',
      '--data-dir',
      join(dir, 'data'),
      'train',
      'semantic',
      '--mode',
      'full-train',
      '--canonical',
      join(dir, 'canonical.json'),
      '--embedder',
      'trained',
      '--dimensions',
      '16',
      '--epochs',
      '1',
      '--min-accuracy',
      '0.1',
    ]);
    expect(code, stderr).toBe(0);
    const result = jsonLines(stdout).at(-1)! as {
      version: string;
      versionDir: string;
      promotion: { promoted: boolean };
      metrics: Record<string, number>;
    };
    expect(result.promotion.promoted).toBe(true);
    expect(result.versionDir).toBe(join(dir, 'data', 'models', 'semantic-index', 'default', result.version));
    expect(JSON.parse(readFileSync(join(result.versionDir, 'metrics.json'), 'utf8'))).toEqual(result.metrics);
  });

  it('refuses a bad mode and a missing file, saying what to do', async () => {
    const mode = await run(['train', 'semantic', '--mode', 'fast', '--canonical', 'x.json']);
    expect(mode.code).not.toBe(0);
    expect(mode.stderr).toMatch(/--mode is one of smoke-test, build-index, build-index-feedback, full-train/);
    const missing = await run([
      '--data-dir',
      join(dir, 'data'),
      'train',
      'semantic',
      '--mode',
      'build-index',
      '--canonical',
      join(dir, 'missing.json'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the canonical file .*missing\.json/);
  });

  it('eval occupations --embedder hashed reports top1, top5, mrr and train_seconds', async () => {
    const { code, stdout, stderr } = await run([
      '--json',
      'eval',
      'occupations',
      folder,
      '--embedder',
      'hashed',
    ]);
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      family: string;
      n: number;
      metrics: object;
    };
    expect(result.family).toBe('occupations');
    expect(result.n).toBeGreaterThan(40);
    expect(Object.keys(result.metrics)).toEqual(['top1', 'top5', 'mrr', 'train_seconds']);
  });
});
