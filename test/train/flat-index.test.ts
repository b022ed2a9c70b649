import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FatalError } from '../../src/core/index.js';
import { FlatIndex, HnswIndex, loadVectorIndex } from '../../src/train/index.js';
import { bruteForce, embeddingLikeRows, randomRows, row } from './vectors.js';

const dir = mkdtempSync(join(tmpdir(), 'gleaner-flat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FlatIndex', () => {
  // More rows than one scoring chunk (8,192) and one cache tile, more queries than one query block (128),
  // an odd row count and a dimension that is not a multiple of 16: every edge of the blocked loops; and
  // enough query × row pairs for a batch to be split over worker threads.
  const d = 20;
  const n = 20_001;
  const vectors = randomRows(n, d, 1);
  const queries = randomRows(261, d, 2);
  const ids = Array.from({ length: n }, (_, i) => i * 3);

  it('gives the same neighbours with the SIMD and the JavaScript loops, on one thread or several, in blocked batches and one by one', () => {
    const simd = new FlatIndex({ dimensions: d, kernel: 'wasm', threads: 1 });
    const threaded = new FlatIndex({ dimensions: d, kernel: 'wasm', threads: 3 });
    const js = new FlatIndex({ dimensions: d, kernel: 'js' });
    expect([simd.kernel, js.kernel]).toEqual(['wasm-simd', 'js']);
    for (const index of [simd, threaded, js]) index.add(ids, vectors);
    const batch = simd.searchBatch(queries, 10);
    const threadedBatch = threaded.searchBatch(queries, 10);
    const jsBatch = js.searchBatch(queries, 10);
    expect(threadedBatch).toEqual(batch);
    for (const q of [0, 127, 128, 200, 260]) {
      const expected = bruteForce(vectors, d, row(queries, d, q), 10).map((h) => h.id * 3);
      expect(batch[q]!.map((h) => h.id)).toEqual(expected);
      expect(jsBatch[q]!.map((h) => h.id)).toEqual(expected);
      expect(simd.search(row(queries, d, q), 10).map((h) => h.id)).toEqual(expected);
      expect(js.search(row(queries, d, q), 10).map((h) => h.id)).toEqual(expected);
    }
  });

  it('breaks ties by insertion order, the same way in every path', () => {
    const index = new FlatIndex({ dimensions: 4 });
    const same = Float32Array.of(1, 0, 0, 0);
    index.add([40, 10, 30, 20], [same, same, same, same]);
    expect(index.search(same, 3).map((h) => h.id)).toEqual([40, 10, 30]);
    expect(index.searchBatch([same], 3)[0]!.map((h) => h.id)).toEqual([40, 10, 30]);
    // Across threads too: 4,000 equal rows, a batch large enough to be split.
    const many = new FlatIndex({ dimensions: 4, threads: 4 });
    many.add(
      Array.from({ length: 4000 }, (_, i) => 4000 - i),
      Array.from({ length: 4000 }, () => same),
    );
    const answers = many.searchBatch(
      Array.from({ length: 1001 }, () => same),
      5,
    );
    expect(answers[1000]!.map((h) => h.id)).toEqual([4000, 3999, 3998, 3997, 3996]);
  });

  it('refuses a saved index whose files do not match its meta.json', async () => {
    const index = new FlatIndex({ dimensions: d });
    index.add(ids.slice(0, 50), vectors.subarray(0, 50 * d));
    const saved = join(dir, 'truncated');
    await index.save(saved);
    truncateSync(join(saved, 'vectors.f32'), 100);
    await expect(loadVectorIndex(saved)).rejects.toThrow(
      /vectors file vectors.f32 holds 100 bytes where 50 vectors need 4000: it is truncated/,
    );
    await expect(loadVectorIndex(join(dir, 'nowhere'))).rejects.toBeInstanceOf(FatalError);
    writeFileSync(
      join(saved, 'meta.json'),
      JSON.stringify({ format: 'gleaner-vector-index', formatVersion: 1, kind: 'ivf' }),
    );
    await expect(loadVectorIndex(saved)).rejects.toThrow(/meta.json kind: Invalid option/);
    await expect(HnswIndex.load(join(dir, 'nowhere'))).rejects.toThrow(/no saved vector index/);
  });
});

describe('HnswIndex', () => {
  it('reaches recall@10 ≥ 0.95 against exact search on embedding-like vectors at default settings', () => {
    const d = 64;
    const vectors = embeddingLikeRows(5000, d, 16, 3, 0.3);
    const queries = embeddingLikeRows(200, d, 16, 3, 0.3, 1000);
    const ids = Array.from({ length: 5000 }, (_, i) => i);
    const exact = new FlatIndex({ dimensions: d });
    const hnsw = new HnswIndex({ dimensions: d });
    exact.add(ids, vectors);
    hnsw.add(ids, vectors);
    const truth = exact.searchBatch(queries, 10);
    const found = hnsw.searchBatch(queries, 10);
    let hits = 0;
    truth.forEach((expected, q) => {
      const got = new Set(found[q]!.map((h) => h.id));
      hits += expected.filter((h) => got.has(h.id)).length;
    });
    expect(hits / (10 * truth.length)).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps its parameters through save and load, and takes a new expansionSearch at load', async () => {
    const index = new HnswIndex({ dimensions: 8, connectivity: 8, expansionAdd: 40, expansionSearch: 20 });
    index.add([1, 2, 3], randomRows(3, 8, 4));
    const saved = join(dir, 'hnsw');
    await index.save(saved);
    const loaded = await HnswIndex.load(saved, { expansionSearch: 99 });
    expect(loaded.params).toEqual({ connectivity: 8, expansionAdd: 40, expansionSearch: 99 });
    expect(loaded.size).toBe(3);
  });

  it('refuses parameters out of range', () => {
    expect(() => new HnswIndex({ dimensions: 8, connectivity: 0 })).toThrow(
      /connectivity must be a whole number from 1 to 4096/,
    );
    expect(() => new HnswIndex({ dimensions: 0 })).toThrow(
      /dimensions must be a whole number from 1 to 65536/,
    );
  });
});
