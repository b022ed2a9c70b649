import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluatePageMetadata, metadataMetrics, type PageMetadataCase } from '../extract/index.js';
import type { EvalFamily } from './family.js';
import { readJson, readJsonLines, requireFile } from './folder.js';

interface CaseLine {
  id: string;
  html: string;
  url: string;
  expected: string;
  excluded_keys?: string[];
}

/** The cases of a folder laid out like `../shared/fixtures/page-metadata`: `cases.jsonl` and its files. */
export async function loadPageMetadataCases(folder: string): Promise<PageMetadataCase[]> {
  const lines = await readJsonLines<CaseLine>(requireFile(folder, 'cases.jsonl', 'page-metadata'));
  return Promise.all(
    lines.map(async (line) => ({
      id: line.id,
      url: line.url,
      html: await readFile(requireFile(folder, line.html, 'page-metadata'), 'utf8'),
      expected: await readJson<Record<string, unknown>>(join(folder, line.expected)),
      excludedKeys: line.excluded_keys ?? [],
    })),
  );
}

export const pageMetadataEvaluation: EvalFamily = {
  name: 'page-metadata',
  description: 'the page-metadata extractor: per-field accuracy against expected.json of each case',
  async run(folder) {
    const result = evaluatePageMetadata(await loadPageMetadataCases(folder));
    const metrics = Object.fromEntries(
      Object.entries(metadataMetrics(result)).filter((e): e is [string, number] => e[1] !== null),
    );
    const rows = Object.entries(result.fields).flatMap(([field, score]) =>
      score.misses.map((miss) => ({
        field,
        id: miss.id,
        expected: JSON.stringify(miss.expected),
        actual: JSON.stringify(miss.actual),
      })),
    );
    return { family: 'page-metadata', n: result.n, metrics, rows };
  },
};
