import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const OCCUPATIONS = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'occupations');

/** mulberry32, for vocabularies that are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A vocabulary that only a learnt embedder can get right: made-up words in synonym sets (no shared
 * letters to go by), concepts that are a first-slot meaning and a second-slot meaning, each concept's
 * labels some of the synonym combinations, and its held-out queries the other combinations. A query
 * shares one word with many concepts' labels, so TF-IDF ties; the synonym sets are learnable from
 * which words share a concept.
 */
export function synonymVocabulary(options: { meanings?: number; synonyms?: number; seed?: number } = {}) {
  const meanings = options.meanings ?? 6;
  const synonyms = options.synonyms ?? 3;
  const next = random(options.seed ?? 7);
  const used = new Set<string>();
  const word = () => {
    for (;;) {
      const w = Array.from({ length: 6 }, () => 'bcdfghjklmnpqrstvwxz'[Math.floor(next() * 20)]).join('');
      if (!used.has(w)) {
        used.add(w);
        return w;
      }
    }
  };
  const first = Array.from({ length: meanings }, () => Array.from({ length: synonyms }, word));
  const second = Array.from({ length: meanings }, () => Array.from({ length: synonyms }, word));
  const canonical: Record<string, string[]> = {};
  const queries: { query: string; gold: string[] }[] = [];
  for (let a = 0; a < meanings; a++)
    for (let b = 0; b < meanings; b++) {
      const key = `K${a}${b}`;
      const combos = first[a]!.flatMap((x) => second[b]!.map((y) => `${x} ${y}`));
      // Rotate which combinations are held out, so that every word appears in some concept's labels.
      const shift = (a + b) % combos.length;
      const rotated = [...combos.slice(shift), ...combos.slice(0, shift)];
      const held = Math.max(1, Math.floor(combos.length / 3));
      canonical[key] = rotated.slice(held);
      for (const query of rotated.slice(0, held)) queries.push({ query, gold: [key] });
    }
  return { canonical, queries };
}

/** The first `concepts` concepts of the occupations fixture that have at least `minLabels` labels. */
export function occupationsSubset(concepts: number, minLabels = 3): Record<string, { labels: string[] }> {
  const all = JSON.parse(readFileSync(join(OCCUPATIONS, 'canonical.json'), 'utf8')) as Record<
    string,
    { labels: string[] }
  >;
  const out: Record<string, { labels: string[] }> = {};
  for (const [key, value] of Object.entries(all)) {
    if (value.labels.length < minLabels) continue;
    out[key] = { labels: value.labels };
    if (Object.keys(out).length === concepts) break;
  }
  return out;
}
