import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { EVAL_FAMILIES } from '../../src/evaluation/index.js';
import { EVAL_FAMILY_NAMES } from '../../src/evaluation/names.js';
import { spawnGleaner } from '../harness/processes.js';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

async function run(args: string[]) {
  const p = spawnGleaner(args);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

const lastJson = (stdout: string) =>
  JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    family: string;
    n: number;
    metrics: Record<string, number>;
  };

describe('gleaner eval on the fixtures', () => {
  it('lists, without loading them, exactly the families it can run', () => {
    expect(Object.keys(EVAL_FAMILIES)).toEqual([...EVAL_FAMILY_NAMES]);
  });

  // The targets of the extraction issue, checked through the command users run on their own folders.
  it.each([
    ['structured-data', 'pass_rate', 1],
    ['articles', 'f1', 0.95],
    ['page-metadata', 'field_accuracy', 0.9],
    ['prices', 'amount_accuracy_unflagged', 0.99],
  ] as const)(
    '%s: %s at least %d',
    async (family, metric, floor) => {
      const { code, stdout, stderr } = await run(['--json', 'eval', family, `${FIXTURES}${family}`]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = lastJson(stdout);
      console.info(`${family}: ${JSON.stringify(result.metrics)}`);
      expect(result.family).toBe(family);
      expect(result.n).toBeGreaterThan(20);
      expect(result.metrics[metric]).toBeGreaterThanOrEqual(floor);
    },
    60_000,
  );

  it('says what a folder lacks', async () => {
    const { code, stderr } = await run(['eval', 'articles', FIXTURES]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/ground-truth\.json is missing: an evaluation folder for articles has the layout/);
    expect((await run(['eval', 'nonsense', FIXTURES])).stderr).toMatch(
      /unknown evaluation "nonsense": the families are/,
    );
  });
});

describe('gleaner extract', () => {
  it("prints a file's structured data in extruct's shapes", async () => {
    const { code, stdout } = await run([
      '--json',
      'extract',
      `${FIXTURES}page-metadata/cases/astier/input.html`,
      '--url',
      'https://anisse.astier.eu/',
      '--syntaxes',
      'opengraph,json-ld',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { structuredData: Record<string, unknown> };
    expect(Object.keys(result.structuredData).sort()).toEqual(['json-ld', 'opengraph']);
  });

  it("prints a file's facts, and refuses an unknown syntax", async () => {
    const { code, stdout } = await run([
      '--json',
      'extract',
      `${FIXTURES}page-metadata/cases/astier/input.html`,
    ]);
    expect(code).toBe(0);
    const facts = (
      JSON.parse(stdout) as { facts: { metadata: { title: string }; article: { text: string } } }
    ).facts;
    expect(facts.metadata.title).toMatch(/awk/i);
    expect(facts.article.text.length).toBeGreaterThan(500);
    const bad = await run([
      'extract',
      `${FIXTURES}page-metadata/cases/astier/input.html`,
      '--syntaxes',
      'json-ld,yaml',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown syntax "yaml"/);
  });

  it('fails with the reason, instead of hanging, when its extraction worker cannot start', async () => {
    // A preload that works on the main thread and throws in every worker thread (NODE_OPTIONS splits on
    // spaces and reads double quotes: the module text has neither).
    const preload =
      "data:text/javascript,import{isMainThread}from'node:worker_threads';if(!isMainThread)throw(Error('broken-preload'))";
    const p = spawnGleaner(['extract', `${FIXTURES}page-metadata/cases/astier/input.html`], {
      NODE_OPTIONS: `--import=${preload}`,
    });
    const code = await Promise.race([
      p.exited,
      new Promise((resolve) => setTimeout(() => resolve('hung'), 30_000)),
    ]);
    if (code === 'hung') p.child.kill('SIGKILL');
    expect(code).not.toBe('hung');
    expect(code).not.toBe(0);
    expect(p.stderr()).toMatch(/extraction worker could not start \(3 attempts\): broken-preload/);
  }, 60_000);
});
