// The pages of bench/extraction.ts, written once to a temporary folder so that Gleaner and extruct read
// the very same bytes: the 60 product pages of the fixtures (gunzipped) and a sample of the demo site's
// product, article and category pages (fetched once from an in-process demo site, then the site stops).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startDemoSite } from '../../src/demo/index.js';

export interface CorpusPage {
  /** Path of the UTF-8 HTML file, absolute. */
  file: string;
  /** The URL the page was served from: the base URL of both extractors. */
  url: string;
}

export interface CorpusSet {
  name: string;
  pages: CorpusPage[];
  bytes: number;
}

/** What the children read: `manifest.json` in the corpus folder. */
export interface Corpus {
  sets: CorpusSet[];
}

export const FIXTURES = '/work/shared/fixtures/product-pages';

function productPages(dir: string): CorpusSet {
  const truth = JSON.parse(readFileSync(join(FIXTURES, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string }
  >;
  mkdirSync(join(dir, 'product-pages'));
  const pages: CorpusPage[] = [];
  let bytes = 0;
  for (const name of readdirSync(join(FIXTURES, 'html')).sort()) {
    const id = name.replace(/\.html\.gz$/, '');
    const url = truth[id]?.url;
    if (url === undefined) throw new Error(`${name}: no URL in ground-truth.json`);
    const html = gunzipSync(readFileSync(join(FIXTURES, 'html', name)));
    const file = join(dir, 'product-pages', `${id}.html`);
    writeFileSync(file, html);
    pages.push({ file, url });
    bytes += html.length;
  }
  return { name: 'product-pages', pages, bytes };
}

/** `count` paths picked evenly from a sorted list, so the sample spans the whole list. */
function spread(paths: string[], count: number): string[] {
  if (paths.length <= count) return paths;
  return Array.from({ length: count }, (_, i) => paths[Math.floor((i * paths.length) / count)]!);
}

/** 60% product pages, 20% articles, 20% category pages (leaf listings and their pagination). */
async function demoPages(dir: string, count: number): Promise<CorpusSet> {
  const site = await startDemoSite();
  try {
    const paths = site.truth.reachablePaths;
    const articles = spread(
      paths.filter((p) => /^\/blog\/(?!page\/)[^/]+$/.test(p)),
      Math.round(count * 0.2),
    );
    const categories = spread(
      paths.filter((p) => p.startsWith('/category/')),
      Math.round(count * 0.2),
    );
    const products = spread(
      paths.filter((p) => p.startsWith('/product/')),
      count - articles.length - categories.length,
    );
    mkdirSync(join(dir, 'demo'));
    const pages: CorpusPage[] = [];
    let bytes = 0;
    for (const path of [...products, ...articles, ...categories]) {
      const url = `${site.url}${path}`;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const html = Buffer.from(await response.arrayBuffer());
      const file = join(dir, 'demo', `${String(pages.length).padStart(4, '0')}.html`);
      writeFileSync(file, html);
      pages.push({ file, url });
      bytes += html.length;
    }
    return { name: 'demo-site', pages, bytes };
  } finally {
    await site.close();
  }
}

/** Writes the pages and `manifest.json` into `dir` (which must exist) and returns the manifest. */
export async function buildCorpus(dir: string, demoCount: number): Promise<Corpus> {
  const corpus: Corpus = { sets: [productPages(dir), await demoPages(dir, demoCount)] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(corpus));
  return corpus;
}
