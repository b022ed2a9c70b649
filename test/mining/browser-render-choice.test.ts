import { describe, expect, it } from 'vitest';
import { InvalidInputError, resolveConfig } from '../../src/core/index.js';
import { parseMiningJob, ProfileRun, scriptsNeeded } from '../../src/mining/index.js';
import { registerProfile, type Profile } from '../../src/profiles/index.js';
import { extractPage } from '../../src/extract/index.js';

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;
const prose = 'A server-rendered paragraph about kettles, their spouts and their handles. '.repeat(12);

describe('--render auto: which pages need scripts', () => {
  it('renders client-side app shells', () => {
    expect(scriptsNeeded(page('<div id="root"></div><script src="/main.js"></script>'))).toBe(
      'empty app root',
    );
    expect(scriptsNeeded(page('<div id="__next">  </div>'))).toBe('empty app root');
    expect(scriptsNeeded(page("<app-root></app-root><script src='/a.js'></script>"))).toBe('empty app root');
    expect(
      scriptsNeeded(
        page('<noscript>You need to enable JavaScript to run this app.</noscript><div id="x"></div>'),
      ),
    ).toBe('noscript asks for JavaScript');
    expect(scriptsNeeded(page('<main></main><script src="/bundle.js"></script>'))).toMatch(
      /^scripts and \d+ words/,
    );
  });

  it('leaves server-rendered pages static, hydrated apps and tracking noscripts included', () => {
    expect(scriptsNeeded(page(`<h1>Kettles</h1><p>${prose}</p><script src="/site.js"></script>`))).toBeNull();
    expect(
      scriptsNeeded(
        page(`<div id="root"><h1>Kettles</h1><p>${prose}</p></div><script src="/a.js"></script>`),
      ),
    ).toBeNull();
    expect(
      scriptsNeeded(page(`<p>${prose}</p><noscript><img src="https://track.example/px.gif"></noscript>`)),
    ).toBeNull();
    expect(scriptsNeeded(page('<p>Short page, no scripts at all.</p>'))).toBeNull();
  });

  it('stays quick on hostile markup (unclosed scripts and tags)', () => {
    const hostile = '<body>' + '<script>'.repeat(50_000) + '<a '.repeat(50_000);
    const started = performance.now();
    scriptsNeeded(hostile);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('browser settings and jobs', () => {
  it('refuses browser timeouts that do not fit the slice, naming the variables', () => {
    expect(() => resolveConfig({ options: { browserPageTimeoutMs: 30_000 }, env: {} })).toThrow(
      /GLEANER_JOB_EXPIRE_SECONDS or lower GLEANER_BROWSER_PAGE_TIMEOUT_MS/,
    );
    expect(() =>
      resolveConfig({ options: { browserPageTimeoutMs: 5_000, browserLoadTimeoutMs: 6_000 }, env: {} }),
    ).toThrow(InvalidInputError);
    expect(resolveConfig({ env: { GLEANER_BROWSER_CONCURRENCY: '3' } }).browserConcurrency).toBe(3);
  });

  it('takes render browser now, and refuses a browser profile in a static job', () => {
    const browserOnly: Profile = {
      name: 'test-render-choice-live',
      description: 'test',
      needsBrowser: true,
      cdpDomains: ['DOM'],
      attributes: [],
      qualityRule: 'test',
      gather: async () => null,
      toAttributes: () => ({}),
      quality: () => 0,
    };
    registerProfile(browserOnly);
    const defaults = { maxPages: 10, maxDepth: 2 };
    const job = { topic: 't', startUrls: ['https://shop.example/'] };
    expect(parseMiningJob({ ...job, render: 'browser' }, defaults, false).render).toBe('browser');
    expect(() => parseMiningJob({ ...job, profiles: [browserOnly.name] }, defaults, false)).toThrow(
      /use --render browser \(or auto\)/,
    );
    expect(
      parseMiningJob({ ...job, profiles: [browserOnly.name], render: 'auto' }, defaults, false).profiles,
    ).toEqual([browserOnly.name]);
  });
});

describe('one page, many profiles (without a browser)', () => {
  const facts = extractPage(page(`<h1>Kettle</h1><p>${prose}</p>`), { url: 'https://shop.example/k' });
  const ok: Profile<{ words: number }> = {
    name: 'ok',
    description: '',
    needsBrowser: false,
    cdpDomains: ['DOM'],
    attributes: [],
    qualityRule: '',
    gather: async () => ({ words: 1 }),
    toAttributes: (raw, snapshot) => ({ words: snapshot.facts.wordCount + raw.words, nothing: undefined }),
    quality: () => 140.4,
  };
  const throwsSync: Profile = {
    ...ok,
    name: 'sync-throw',
    gather: () => {
      throw new Error('boom');
    },
  } as Profile;
  const slow: Profile = { ...ok, name: 'slow', gather: () => new Promise(() => undefined) } as Profile;
  const badQuality: Profile = { ...ok, name: 'nan', quality: () => Number.NaN } as Profile;

  it('records each failure for its profile only, and clamps and rounds quality', async () => {
    const run = new ProfileRun([ok as Profile, throwsSync, slow, badQuality]);
    await run.gatherStatic('https://shop.example/k', AbortSignal.timeout(100));
    const results = run.finish({ url: 'https://shop.example/k', html: '', facts });
    expect(results.map((r) => [r.profile, r.quality, r.error === null])).toEqual([
      ['ok', 100, true],
      ['sync-throw', null, false],
      ['slow', null, false],
      ['nan', null, false],
    ]);
    expect(results[0]!.attributes).toEqual({ words: facts.wordCount + 1 });
    expect(results[1]!.error).toMatch(/gather failed: boom/);
    expect(results[2]!.error).toMatch(/page deadline/);
    expect(results[3]!.error).toMatch(/quality\(\) returned NaN/);
  });

  it("asks the browser for the union of the profiles' CDP domains", () => {
    const run = new ProfileRun([
      { ...ok, cdpDomains: ['DOM', 'CSS'] } as Profile,
      { ...ok, name: 'b', cdpDomains: ['Network', 'DOM'] } as Profile,
    ]);
    expect(run.liveVisit().domains).toEqual(['CSS', 'DOM', 'Network']);
  });
});
