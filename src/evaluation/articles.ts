import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateScores, extractArticleText, scorePage } from '../extract/index.js';
import type { EvalFamily, EvalRow } from './family.js';
import { readHtml, readJson, requireFile } from './folder.js';

type GroundTruth = Record<string, { articleBody: string; url: string }>;

export interface ArticleCase {
  id: string;
  url: string;
  html: string;
  expected: string;
}

/** The pages of a folder laid out like `../shared/fixtures/articles`: `ground-truth.json` and `html/<id>.html(.gz)`. */
export async function loadArticleCases(folder: string): Promise<ArticleCase[]> {
  const truth = await readJson<GroundTruth>(requireFile(folder, 'ground-truth.json', 'articles'));
  return Promise.all(
    Object.entries(truth).map(async ([id, item]) => {
      const gz = join(folder, 'html', `${id}.html.gz`);
      const path = existsSync(gz) ? gz : requireFile(folder, join('html', `${id}.html`), 'articles');
      return { id, url: item.url, html: await readHtml(path), expected: item.articleBody };
    }),
  );
}

export const articlesEvaluation: EvalFamily = {
  name: 'articles',
  description: 'main article text against the expected article body: 4-gram shingle precision, recall, F1',
  async run(folder) {
    const cases = await loadArticleCases(folder);
    const rows: EvalRow[] = [];
    const scores = cases.map((item) => {
      const score = scorePage(item.expected, extractArticleText(item.html, item.url)?.text ?? '');
      rows.push({ id: item.id, precision: score.precision, recall: score.recall, f1: score.f1 });
      return score;
    });
    const total = aggregateScores(scores);
    // `f1` as the benchmark publishes it (from the mean precision and recall); `mean_page_f1` the stricter mean of per-page F1s.
    return {
      family: 'articles',
      n: total.n,
      metrics: {
        f1: total.f1,
        precision: total.precision,
        recall: total.recall,
        mean_page_f1: total.meanPageF1,
      },
      rows,
    };
  },
};
