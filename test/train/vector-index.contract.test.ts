import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import { FlatIndex, HnswIndex, loadVectorIndex, type VectorIndex } from '../../src/train/index.js';
import { bruteForce, randomRows, row } from './vectors.js';

// One contract, every implementation (STYLE.md 12). Exact indexes must find exactly what a brute-force
// scan finds; HNSW (approximate, and built on several threads, so not deterministic) runs with a wide
// search list and must find nearly all of it. Its recall at realistic settings is in flat-index.test.ts.
type Make = (dimensions: number, metric?: 'cosine' | 'ip') => VectorIndex;
const IMPLEMENTATIONS: [string, Make, { exact: boolean }][] = [
  [
    'flat, WebAssembly SIMD',
    (dimensions, metric) => new FlatIndex({ dimensions, kernel: 'wasm', ...(metric ? { metric } : {}) }),
    { exact: true },
  ],
  [
    'flat, JavaScript',
    (dimensions, metric) => new FlatIndex({ dimensions, kernel: 'js', ...(metric ? { metric } : {}) }),
    { exact: true },
  ],
  [
    'hnsw',
    (dimensions, metric) =>
      new HnswIndex({ dimensions, expansionSearch: 400, ...(metric ? { metric } : {}) }),
    { exact: false },
  ],
];

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-index-'));
  dirs.push(dir);
  return dir;
}

const ids = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => i + offset);

describe.each(IMPLEMENTATIONS)('vector index contract: %s', (_name, make, { exact }) => {
  // 37 dimensions: not a multiple of the SIMD width, so padding is exercised; 301 rows: odd.
  const d = 37;
  const n = 301;
  const vectors = randomRows(n, d, 7);
  const queries = randomRows(9, d, 8);
  const build = () => {
    const index = make(d);
    index.add(
      ids(n),
      vectors,
      ids(n).map((i) => `key-${i % 100}`),
    );
    return index;
  };

  it('finds the neighbours a brute-force scan finds, best first, with their scores and keys', () => {
    const index = build();
    expect(index.size).toBe(n);
    let found = 0;
    for (let q = 0; q < 9; q++) {
      const query = row(queries, d, q);
      const expected = bruteForce(vectors, d, query, 10);
      const hits = index.search(query, 10);
      if (exact) expect(hits.map((h) => h.id)).toEqual(expected.map((e) => e.id));
      const wanted = new Set(expected.map((e) => e.id));
      found += hits.filter((h) => wanted.has(h.id)).length;
      hits.forEach((hit, i) => {
        const truth = row(vectors, d, hit.id).reduce((sum, v, j) => sum + v * query[j]!, 0);
        expect(hit.score).toBeCloseTo(truth, 5);
        if (i > 0) expect(hit.score).toBeLessThanOrEqual(hits[i - 1]!.score);
        expect(hit.key).toBe(`key-${hit.id % 100}`);
      });
    }
    expect(found / 90).toBeGreaterThanOrEqual(exact ? 1 : 0.95);
  });

  it('answers a batch as it answers each query, from one array or from many', () => {
    const index = build();
    const one = Array.from({ length: 9 }, (_, q) => index.search(row(queries, d, q), 5));
    const fromFlat = index.searchBatch(queries, 5);
    const fromList = index.searchBatch(
      Array.from({ length: 9 }, (_, q) => row(queries, d, q)),
      5,
    );
    expect(fromFlat.map((hits) => hits.map((h) => h.id))).toEqual(one.map((hits) => hits.map((h) => h.id)));
    expect(fromList.map((hits) => hits.map((h) => h.id))).toEqual(one.map((hits) => hits.map((h) => h.id)));
    fromFlat.forEach((hits, q) => hits.forEach((h, i) => expect(h.score).toBeCloseTo(one[q]![i]!.score, 5)));
  });

  it('returns every vector when k exceeds the size, and nothing from an empty index', () => {
    const index = make(d);
    expect(index.search(row(queries, d, 0), 3)).toEqual([]);
    expect(index.searchBatch(queries, 3)).toEqual(Array.from({ length: 9 }, () => []));
    index.add([10, 20, 30], vectors.subarray(0, 3 * d));
    const hits = index.search(row(queries, d, 0), 50);
    expect(hits.map((h) => h.id).sort()).toEqual([10, 20, 30]);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[2]!.score);
    expect(hits[0]).not.toHaveProperty('key');
  });

  it('adds in several calls, and a vector finds itself first', () => {
    const index = make(d);
    index.add(ids(100), vectors.subarray(0, 100 * d));
    index.add(ids(201, 100), vectors.subarray(100 * d));
    for (const i of [0, 99, 100, 300])
      expect(index.search(row(vectors, d, i), 1)[0]).toMatchObject({ id: i });
  });

  it('compares by cosine by default (magnitude ignored) and by raw inner product with ip', () => {
    const cosine = make(2);
    cosine.add([1, 2], [Float32Array.of(10, 0), Float32Array.of(0.6, 0.8)]);
    const [best] = cosine.search(Float32Array.of(0.6, 0.8), 1);
    expect(best).toMatchObject({ id: 2 });
    expect(best!.score).toBeCloseTo(1, 5);
    const ip = make(2, 'ip');
    ip.add([1, 2], [Float32Array.of(10, 0), Float32Array.of(0.6, 0.8)]);
    const [first] = ip.search(Float32Array.of(0.6, 0.8), 1);
    expect(first).toMatchObject({ id: 1 });
    expect(first!.score).toBeCloseTo(6, 4);
  });

  it('saves into a folder and loads back by kind, with the same answers and keys', async () => {
    const index = build();
    const dir = join(tempDir(), 'index');
    await index.save(dir);
    const loaded = await loadVectorIndex(dir);
    expect(loaded.kind).toBe(index.kind);
    expect(loaded.metric).toBe('cosine');
    expect(loaded.dimensions).toBe(d);
    expect(loaded.size).toBe(n);
    expect(loaded.keyOf(205)).toBe('key-5');
    const before = index.searchBatch(queries, 10);
    loaded.searchBatch(queries, 10).forEach((hits, q) => {
      expect(hits.map((h) => [h.id, h.key])).toEqual(before[q]!.map((h) => [h.id, h.key]));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(before[q]![i]!.score, 6));
    });
    loaded.add([5000], [row(queries, d, 0)]);
    expect(loaded.search(row(queries, d, 0), 1)[0]).toMatchObject({ id: 5000 });
  });

  describe('refuses bad input with an error naming the field, and adds nothing', () => {
    const cases: [string, (index: VectorIndex) => unknown, string, RegExp][] = [
      [
        'a vector of the wrong dimension',
        (i) => i.add([900], [new Float32Array(d + 1)]),
        'vectors.0',
        /has 38 dimensions; this index has 37/,
      ],
      [
        'a flat batch of the wrong length',
        (i) => i.add([900, 901], new Float32Array(2 * d - 1)),
        'vectors',
        /not 2 × 37/,
      ],
      [
        'an id already in the index',
        (i) => i.add([3], [row(queries, d, 0)]),
        'ids.0',
        /id 3 is already in the index/,
      ],
      [
        'the same id twice in one call',
        (i) => i.add([900, 900], [row(queries, d, 0), row(queries, d, 1)]),
        'ids.1',
        /id 900 is already/,
      ],
      ['a negative id', (i) => i.add([-1], [row(queries, d, 0)]), 'ids.0', /not a non-negative integer/],
      ['a fractional id', (i) => i.add([1.5], [row(queries, d, 0)]), 'ids.0', /not a non-negative integer/],
      [
        'fewer ids than vectors',
        (i) => i.add([900], [row(queries, d, 0), row(queries, d, 1)]),
        'ids',
        /1 ids for 2 vectors/,
      ],
      [
        'fewer keys than ids',
        (i) => i.add([900, 901], [row(queries, d, 0), row(queries, d, 1)], ['a']),
        'keys',
        /1 keys for 2 ids/,
      ],
      [
        'NaN in a vector',
        (i) => i.add([900, 901], [row(queries, d, 0), withValue(d, 4, Number.NaN)]),
        'vectors.1',
        /the vector of id 901 has NaN at position 4/,
      ],
      [
        'Infinity in a vector',
        (i) => i.add([900], [withValue(d, 0, Infinity)]),
        'vectors.0',
        /has Infinity at position 0/,
      ],
      [
        'an all-zero vector under cosine',
        (i) => i.add([900], [new Float32Array(d)]),
        'vectors.0',
        /all zeros/,
      ],
      [
        'a query of the wrong dimension',
        (i) => i.search(new Float32Array(3), 5),
        'query',
        /has 3 dimensions/,
      ],
      [
        'NaN in a query',
        (i) => i.search(withValue(d, 2, Number.NaN), 5),
        'query',
        /the query has NaN at position 2/,
      ],
      [
        'NaN in a batch query',
        (i) => i.searchBatch([row(queries, d, 0), withValue(d, 1, Number.NaN)], 5),
        'queries.1',
        /query 1 has NaN/,
      ],
      ['k of zero', (i) => i.search(row(queries, d, 0), 0), 'k', /k must be a whole number ≥ 1/],
    ];
    it.each(cases)('%s', (_what, act, field, message) => {
      const index = make(d);
      index.add(ids(10), vectors.subarray(0, 10 * d));
      let thrown: unknown;
      try {
        act(index);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidInputError);
      expect((thrown as InvalidInputError).field).toBe(field);
      expect((thrown as Error).message).toMatch(message);
      expect(index.size).toBe(10);
      expect(index.search(row(queries, d, 0), 20)).toHaveLength(10);
    });
  });
});

function withValue(d: number, at: number, value: number): Float32Array {
  const v = randomRows(1, d, 99);
  v[at] = value;
  return v;
}
