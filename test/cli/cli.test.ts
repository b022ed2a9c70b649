import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import { spawnGleaner } from '../harness/processes.js';

async function run(args: string[], env: Record<string, string> = {}) {
  const p = spawnGleaner(args, env);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

// A module-resolution hook that prints every npm package a process loads, as `package <name>` on stderr.
const RESOLVE_HOOK = [
  'const seen = new Set();',
  'export async function resolve(specifier, context, next) {',
  '  const resolved = await next(specifier, context);',
  '  const name = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(resolved.url)?.[1];',
  "  if (name && !seen.has(name)) { seen.add(name); process._rawDebug('package ' + name); }",
  '  return resolved;',
  '}',
].join('\n');
const PACKAGE_TRACE = `--import=data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`)});`,
)}`;
const packagesOf = (stderr: string) => [...stderr.matchAll(/^package (\S+)$/gm)].map((m) => m[1]);

const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;

describe('the gleaner command', () => {
  let site: DemoSite;
  let dataDir: string;
  beforeAll(async () => {
    site = await startDemoSite({ products: 40, articles: 5, slowPageDelayMs: 100 });
    dataDir = mkdtempSync(join(tmpdir(), 'gleaner-cli-'));
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('mines a site and prints the report as JSON', async () => {
    const { code, stdout, stderr } = await run([
      '--json',
      '--data-dir',
      dataDir,
      'mine',
      `${site.url}/`,
      '--topic',
      'cli',
      '--allow-private',
      '--select',
      'price=.price',
      '--max-pages',
      '60',
    ]);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    const report = lastJson(stdout);
    expect(report).toMatchObject({ status: 'completed', topic: 'cli' });
    expect(Number(report.pagesStored) + Number(report.pagesFailed)).toBe(60);
    // The 40-product site cannot make 50 records: the topic training the job asked for says so.
    expect(report.records).toMatchObject({
      records: expect.any(Number),
      needsTrainingData: expect.any(Number),
    });
    expect((report.records as { needsTrainingData: number }).needsTrainingData).toBeGreaterThan(0);
    expect(report.training).toMatchObject({
      kind: 'attribute-model',
      topic: 'cli',
      status: 'failed',
      error: expect.stringMatching(
        /^not trained: \d+ records with a name or description; training needs at least 50/,
      ),
    });
  }, 60_000);

  it('prints a human summary and lists jobs', async () => {
    const { code, stdout } = await run(['--data-dir', dataDir, 'jobs', 'show', '1']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/job 1 \(cli\): completed/);
    expect(stdout).toMatch(/pages stored \d+/);
    expect(stdout).toMatch(
      /training records \d+, of which \d+ need training data .*: gleaner records --job 1/,
    );
    const list = await run(['--data-dir', dataDir, 'jobs']);
    expect(list.stdout).toMatch(/^\s+1\s+completed/m);
  }, 60_000);

  it('runs the demo: mines the shop, then trains the topic model by itself and fills the records', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'gleaner-cli-demo-'));
    try {
      const { code, stdout, stderr } = await run([
        '--data-dir',
        demoDir,
        'demo',
        '--exit',
        '--products',
        '120',
      ]);
      expect(code, stderr).toBe(0);
      expect(stdout, stdout).toMatch(/job 1 \(demo-shop\): completed/);
      const needing = Number(/training records \d+, of which (\d+) need training data/.exec(stdout)?.[1]);
      expect(needing, stdout).toBeGreaterThan(0);
      expect(stdout, stdout).toMatch(
        /topic model for demo-shop \(training job 1 in [\d.]+ s\): promoted v\d{8}-\d{6}/,
      );
      expect(stdout, stdout).toMatch(/held-out mean macro-F1 0\.\d{3} on \d+ records/);
      // Category is learnt well from names and descriptions on the demo shop: it fills.
      expect(stdout, stdout).toMatch(/^\s+category\s+0\.9\d\d\s+0\.\d{3}\s+0\.\d{3}\s+\d+\s+yes$/m);
      const filled = Number(/filled missing values in (\d+) records/.exec(stdout)?.[1]);
      expect(filled, stdout).toBeGreaterThan(0);
      expect(filled).toBeLessThanOrEqual(needing);
      const topic = await run(['--data-dir', demoDir, 'topics', 'show', 'demo-shop']);
      expect(topic.stdout).toMatch(/serving v\d{8}-\d{6}: held-out mean macro-F1/);
      expect(topic.stdout).toMatch(/^\s+brand\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+\d+\s+(yes|no: .*)$/m);
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each([
    [['mine', 'not a url', '--topic', 't'], /startUrls\.0: "not a url" is not an http\(s\) URL/],
    [
      ['mine', 'https://shop.example/', '--topic', 't', '--select', 'price'],
      /--select "price": write it as name=css/,
    ],
    [
      ['mine', 'https://shop.example/', '--topic', 't', '--select', 'price=div['],
      /Selector "div\[" for "price" is not valid CSS/,
    ],
    [['mine', 'https://shop.example/', '--topic', 't', '--profile', 'nope'], /unknown profile "nope"/],
    [['mine', 'https://shop.example/', '--topic', 't', '--render', 'sideways'], /render/],
    [['mine', 'http://127.0.0.1/', '--topic', 't'], /private, loopback or link-local/],
    [['worker'], /gleaner worker needs a shared PostgreSQL: set DATABASE_URL/],
  ])(
    'refuses %j with a message that says how to fix it',
    async (args, message) => {
      const { code, stderr } = await run(['--data-dir', dataDir, ...args]);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
    30_000,
  );

  it('loads TF.js, puppeteer, jsonld and the embedders only with the commands that use them', async () => {
    const heavy = /^(@tensorflow\/|puppeteer-core$|jsonld$|@huggingface\/|onnxruntime|usearch$|axe-core$)/;
    for (const args of [['--help'], ['--data-dir', dataDir, 'records', '--topic', 'none']]) {
      const { code, stderr } = await run(args, { NODE_OPTIONS: PACKAGE_TRACE });
      expect(code, stderr).toBe(0);
      const packages = packagesOf(stderr);
      // The trace works: the CLI's own dependencies are seen.
      expect(packages).toContain('commander');
      expect(packages.filter((name) => heavy.test(name!))).toEqual([]);
    }
  }, 60_000);

  it('fails the job and exits 1 when pages cannot be extracted at all, saying why', async () => {
    // A preload that works on the main thread and throws in every worker thread: no extraction worker
    // can start (NODE_OPTIONS splits on spaces and reads double quotes: the module text has neither).
    const preload =
      "data:text/javascript,import{isMainThread}from'node:worker_threads';if(!isMainThread)throw(Error('broken-preload'))";
    const jobDir = mkdtempSync(join(tmpdir(), 'gleaner-cli-failed-'));
    try {
      const { code, stdout, stderr } = await run(
        ['--json', '--data-dir', jobDir, 'mine', `${site.url}/`, '--topic', 'broken', '--allow-private'],
        { NODE_OPTIONS: `--import=${preload}` },
      );
      expect(code, stderr).toBe(1);
      const report = lastJson(stdout);
      expect(report).toMatchObject({ status: 'failed', pagesStored: 0 });
      expect(String(report.error)).toMatch(
        /extraction worker could not start \(3 attempts\): broken-preload/,
      );
      expect(stderr).toMatch(/mining job \d+ failed: the extraction worker could not start/);
    } finally {
      rmSync(jobDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a second process on the same embedded database, naming the holder', async () => {
    const holder = spawnGleaner(['--data-dir', dataDir, 'serve', '--port', '0']);
    try {
      await holder.waitForLog((l) => l.msg === 'API listening');
      const { code, stderr } = await run(['--data-dir', dataDir, 'jobs']);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/in use by process \d+/);
    } finally {
      holder.child.kill('SIGTERM');
      await holder.exited;
    }
    // The key generated for the API is readable by its owner only.
    expect(statSync(join(dataDir, 'api-key')).mode & 0o077).toBe(0);
  }, 60_000);
});
