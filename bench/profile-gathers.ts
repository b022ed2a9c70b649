// Where a page's time goes among the profiles (issue #4): each registered profile's `gather`, run one
// after another on the same load in the browser fetcher (one tab), and its `toAttributes` + `quality`
// after extraction; medians and 90th percentiles over the demo's lab pages and a spread of shop pages.
// Besides wall time, the CPU time the gather cost: the renderer's main thread (CDP `ThreadTime`) plus
// this process (`process.cpuUsage`), which a busy machine inflates far less than the wall clock.
// A breakdown behind browser-mining.ts's all-profiles figure, so it has no peer.
//
//   node --import tsx bench/profile-gathers.ts [--pages 40]
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { defaultChromePath } from '../src/core/index.js';
import { BrowserFetcher, type LivePage } from '../src/crawl/index.js';
import '../src/datasets/index.js';
import { startDemoSite } from '../src/demo/index.js';
import { extractPage } from '../src/extract/index.js';
import { listProfiles } from '../src/profiles/index.js';

const { values } = parseArgs({ options: { pages: { type: 'string' } } });
const shopPages = Number(values.pages ?? 40);
const profiles = listProfiles();

const site = await startDemoSite({ products: 200, articles: 20 });
const fetcher = new BrowserFetcher({
  executablePath: process.env['CHROME_PATH'] ?? defaultChromePath(),
  userAgent: 'GleanerBench/1.0',
  tabs: 1,
  pageTimeoutMs: 30_000,
  pageMemoryMb: 512,
  maxPageBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
});
const gatherMs = new Map<string, number[]>(profiles.map((p) => [p.name, []]));
const cpuMs = new Map<string, number[]>(profiles.map((p) => [p.name, []]));
const finishMs = new Map<string, number[]>(profiles.map((p) => [p.name, []]));
const failures: string[] = [];
try {
  const shop = site.truth.reachablePaths.filter((p) => !p.startsWith('/lab'));
  const step = Math.max(1, Math.floor(shop.length / shopPages));
  const paths = [...site.truth.lab.paths, ...shop.filter((_, i) => i % step === 0).slice(0, shopPages)];
  const domains = [...new Set(profiles.flatMap((p) => p.cdpDomains))];
  // The profiles' page scripts (axe-core) are in the page before it loads, as in a mining run: their
  // compile is part of the load, not of the gather.
  const scripts = async () => (await Promise.all(profiles.map((p) => p.pageScripts?.() ?? []))).flat();
  for (const path of paths) {
    const url = site.url + path;
    const raws = new Map<string, unknown>();
    const visit = async (live: LivePage) => {
      const threadMs = async () => {
        const { metrics } = await live.cdp.send('Performance.getMetrics');
        return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
      };
      // Reading profiles first, the exclusive ones (axe-core) last, as the mining run orders them.
      for (const profile of [...profiles].sort(
        (a, b) => Number(a.exclusive ?? false) - Number(b.exclusive ?? false),
      )) {
        const thread = await threadMs();
        const node = process.cpuUsage();
        const started = performance.now();
        try {
          raws.set(profile.name, await profile.gather({ url: live.url, live }));
          gatherMs.get(profile.name)!.push(performance.now() - started);
          const own = process.cpuUsage(node);
          cpuMs.get(profile.name)!.push((await threadMs()) - thread + (own.user + own.system) / 1000);
        } catch (error) {
          failures.push(`${path} ${profile.name}: ${(error as Error).message}`);
        }
      }
    };
    const page = await fetcher.fetch(
      { url, allowPrivateAddresses: true, live: { domains, scripts, visit } },
      AbortSignal.timeout(60_000),
    );
    const facts = extractPage(page.html, { url: page.finalUrl, product: true });
    for (const profile of profiles) {
      if (!raws.has(profile.name)) continue;
      const started = performance.now();
      profile.quality(
        profile.toAttributes(raws.get(profile.name), { url: page.finalUrl, html: page.html, facts }),
      );
      finishMs.get(profile.name)!.push(performance.now() - started);
    }
  }
  const pct = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
  };
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `${paths.length} pages (${site.truth.lab.paths.length} lab, ${paths.length - site.truth.lab.paths.length} shop), ` +
      `one tab, gathers one after another; ${availableParallelism()} cores, load average ${load} at the end`,
  );
  console.log(
    '| profile | gather median ms | gather p90 ms | gather max ms | gather CPU median ms | toAttributes+quality median ms |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const profile of profiles) {
    const g = gatherMs.get(profile.name)!;
    const f = finishMs.get(profile.name)!;
    const c = cpuMs.get(profile.name)!;
    console.log(
      `| ${profile.name} | ${pct(g, 0.5).toFixed(1)} | ${pct(g, 0.9).toFixed(1)} | ${Math.max(...g).toFixed(1)} | ${pct(c, 0.5).toFixed(1)} | ${pct(f, 0.5).toFixed(2)} |`,
    );
  }
  if (failures.length) console.log(`failures:\n${failures.join('\n')}`);
} finally {
  await fetcher.close();
  await site.close();
}
