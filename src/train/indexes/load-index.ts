import type { KernelChoice } from './dot-kernel.js';
import { FlatIndex, type FlatIndexOptions } from './flat-index.js';
import { HnswIndex, type HnswIndexOptions } from './hnsw-index.js';
import { readIndexMeta } from './index-files.js';
import type { VectorIndex } from './vector-index.js';

/** What to build: a kind and that kind's options. */
export type VectorIndexSpec = ({ kind: 'flat' } & FlatIndexOptions) | ({ kind: 'hnsw' } & HnswIndexOptions);

export function createVectorIndex(spec: VectorIndexSpec): VectorIndex {
  const { kind, ...options } = spec;
  return kind === 'flat' ? new FlatIndex(options) : new HnswIndex(options as HnswIndexOptions);
}

/** Options applied when reading an index back; each kind takes the ones that concern it. */
export interface LoadIndexOptions {
  /** Flat: the dot-product loop. */
  kernel?: KernelChoice;
  /** HNSW: the search-time candidate list (efSearch). */
  expansionSearch?: number;
  /** HNSW: threads for batch searches. */
  threads?: number;
}

/** Read back any index saved by `save(dir)`, by the kind its `meta.json` names. */
export async function loadVectorIndex(dir: string, options: LoadIndexOptions = {}): Promise<VectorIndex> {
  const meta = await readIndexMeta(dir);
  if (meta.kind === 'flat')
    return FlatIndex.load(dir, options.kernel === undefined ? {} : { kernel: options.kernel });
  const { expansionSearch, threads } = options;
  return HnswIndex.load(dir, {
    ...(expansionSearch === undefined ? {} : { expansionSearch }),
    ...(threads === undefined ? {} : { threads }),
  });
}
