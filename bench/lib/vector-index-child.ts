// One of our indexes on one data set, in its own process (so that its memory is this index's): build,
// then for each search setting, queries one at a time and one batch; writes each batch's top-k ids
// (int32, q × k) to `<out>.<setting>` for the parent's recall figures and prints its figures as one JSON line.
//   node --import tsx bench/lib/vector-index-child.ts <json options>
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The indexes' own folder, not src/train/index.ts: its other models load TensorFlow.js, which would
// count in this process's memory.
import { FlatIndex, HnswIndex, type VectorIndex } from '../../src/train/indexes/index.js';

export interface ChildOptions {
  index: 'flat' | 'flat-js' | 'hnsw';
  base: string;
  queries: string;
  d: number;
  k: number;
  /** Queries answered one at a time. */
  single: number;
  /** Queries answered in one batch (their ids go to `<out>.<setting>`). */
  batch: number;
  out: string;
  connectivity: number;
  expansionAdd: number;
  /** HNSW: the efSearch values to measure, one after the other on the same graph. */
  expansionSearch: number[];
}

export interface SearchFigures {
  /** HNSW's efSearch; null for exact search. */
  expansionSearch: number | null;
  singleQps: number;
  batchQps: number;
}

export interface ChildResult {
  index: string;
  kernel: string;
  n: number;
  buildSeconds: number;
  searches: SearchFigures[];
  singleQueries: number;
  batchQueries: number;
  /** Resident memory with the vectors read and nothing built yet. */
  rssBeforeBuildMb: number;
  /** Peak resident memory up to the end of the first search setting (later settings reload the index). */
  peakRssMb: number;
}

const options = JSON.parse(process.argv[2]!) as ChildOptions;
const read = (path: string) => {
  const bytes = readFileSync(path);
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
};
let base: Float32Array | null = read(options.base);
const queries = read(options.queries);
const n = base.length / options.d;
const queryCount = queries.length / options.d;
const row = (i: number) => queries.subarray((i % queryCount) * options.d, ((i % queryCount) + 1) * options.d);
const hnsw = options.index === 'hnsw';

// The vectors are unit length already: inner product, as FAISS's IndexFlatIP and IndexHNSWFlat(IP).
let index: VectorIndex = hnsw
  ? new HnswIndex({
      dimensions: options.d,
      metric: 'ip',
      connectivity: options.connectivity,
      expansionAdd: options.expansionAdd,
      expansionSearch: options.expansionSearch[0]!,
    })
  : new FlatIndex({ dimensions: options.d, metric: 'ip', kernel: options.index === 'flat' ? 'wasm' : 'js' });

const rssBeforeBuildMb = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
index.add(
  Array.from({ length: n }, (_, i) => i),
  base,
);
const buildSeconds = (performance.now() - started) / 1000;
base = null; // the index holds its own copy

function measure(expansionSearch: number | null, setting: number): SearchFigures {
  for (let i = 0; i < 3; i++) index.search(row(i), options.k); // warm-up (JIT, caches)
  let at = performance.now();
  for (let i = 0; i < options.single; i++) index.search(row(i), options.k);
  const singleQps = options.single / ((performance.now() - at) / 1000);
  at = performance.now();
  const hits = index.searchBatch(queries.subarray(0, options.batch * options.d), options.k);
  const batchQps = options.batch / ((performance.now() - at) / 1000);
  const ids = new Int32Array(options.batch * options.k).fill(-1);
  hits.forEach((list, q) => list.forEach((hit, i) => (ids[q * options.k + i] = hit.id)));
  writeFileSync(`${options.out}.${setting}`, new Uint8Array(ids.buffer));
  return { expansionSearch, singleQps, batchQps };
}

const searches = [measure(hnsw ? options.expansionSearch[0]! : null, 0)];
const peakRssMb = process.resourceUsage().maxRSS / 1024;
if (hnsw && options.expansionSearch.length > 1) {
  // usearch fixes efSearch when an index is made: save the graph once, reload it for each other value.
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-bench-hnsw-'));
  try {
    await index.save(dir);
    for (let s = 1; s < options.expansionSearch.length; s++) {
      const expansionSearch = options.expansionSearch[s]!;
      index = await HnswIndex.load(dir, { expansionSearch });
      searches.push(measure(expansionSearch, s));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const result: ChildResult = {
  index: options.index,
  kernel: index instanceof FlatIndex ? index.kernel : 'usearch',
  n,
  buildSeconds,
  searches,
  singleQueries: options.single,
  batchQueries: options.batch,
  rssBeforeBuildMb,
  peakRssMb,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
