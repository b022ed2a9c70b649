import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startDemoSiteProcess } from './lib/demo-site.js';
const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const site = await startDemoSiteProcess(process.cwd());
const sitemap = await (await fetch(`${site.url}/sitemap.xml`)).text();
const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
  .map((m) => m[1]!)
  .filter((_, i) => i % 7 === 0)
  .slice(0, 40);
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  pipe: true,
  args: ['--no-sandbox', '--disable-features=site-per-process'],
});
const page = await browser.newPage();
const cdp = await page.createCDPSession();
await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
const thread = async () =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
const variants: Record<string, string> = {
  current: `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice'] }, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } }, resultTypes: ['violations'], elementRef: false, ancestry: false, xpath: false, iframes: false, performanceTimer: false }).then(r => r.violations.length)`,
  wcagOnly: `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa'] }, rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'], elementRef: false, ancestry: false, xpath: false, iframes: false, performanceTimer: false }).then(r => r.violations.length)`,
  selectorsOff: `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice'] }, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } }, resultTypes: ['violations'], selectors: false, elementRef: false, ancestry: false, xpath: false, iframes: false, performanceTimer: false }).then(r => r.violations.length)`,
  perf: `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','best-practice'] }, rules: { 'color-contrast': { enabled: false }, region: { enabled: false } }, resultTypes: ['violations'], elementRef: false, ancestry: false, xpath: false, iframes: false, performanceTimer: true }).then(r => r.violations.length)`,
};
const totals: Record<string, number[]> = { inject: [] };
for (const k of Object.keys(variants)) totals[k] = [];
for (const u of urls) {
  for (const [k, expr] of Object.entries(variants)) {
    await page.goto(u, { waitUntil: 'load' });
    let t = await thread();
    await page.evaluate(source);
    const t1 = await thread();
    totals.inject!.push(t1 - t);
    const logs: string[] = [];
    if (k === 'perf' && u === urls[5]) page.on('console', (m) => logs.push(m.text()));
    await page.evaluate(expr);
    totals[k]!.push((await thread()) - t1);
    if (logs.length)
      console.log(
        logs
          .filter((l) => /rule|Measure/i.test(l))
          .slice(0, 80)
          .join('\n'),
      );
    page.removeAllListeners('console');
  }
}
const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1);
for (const [k, v] of Object.entries(totals)) console.log(k, 'median thread ms', med(v));
await browser.close();
await site.stop();
