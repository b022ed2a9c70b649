// The pages of bench/normalization.ts, written once to a temporary folder so that Gleaner and the Python
// peer read the very same bytes: the demo site's product pages (JSON-LD, microdata and no markup), with
// their truth (price, currency, availability, sku), fetched once from an in-process demo site.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoSite } from '../../src/demo/index.js';

export interface NormalizationPage {
  /** UTF-8 HTML file, absolute path. */
  file: string;
  url: string;
  markup: string;
  truth: { price: string; currency: string; availability: string; sku: string };
}

export interface NormalizationCorpus {
  pages: NormalizationPage[];
  bytes: number;
}

/** Fetches `count` product pages (all of them when 0), picked evenly, into `dir` with `manifest.json`. */
export async function buildNormalizationCorpus(dir: string, count: number): Promise<NormalizationCorpus> {
  const site = await startDemoSite();
  try {
    const all = site.truth.products;
    const picked =
      count <= 0 || count >= all.length
        ? all
        : Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]!);
    const pages: NormalizationPage[] = [];
    let bytes = 0;
    for (const product of picked) {
      const url = `${site.url}${product.path}`;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      const html = Buffer.from(await response.arrayBuffer());
      const file = join(dir, `${String(pages.length).padStart(4, '0')}.html`);
      writeFileSync(file, html);
      bytes += html.length;
      pages.push({
        file,
        url,
        markup: product.markup,
        truth: {
          price: product.price,
          currency: product.currency,
          availability: product.availability,
          sku: product.sku,
        },
      });
    }
    const corpus = { pages, bytes };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(corpus));
    return corpus;
  } finally {
    await site.close();
  }
}
