export {
  type VectorIndex,
  type Hit,
  type IndexKind,
  type Metric,
  type QueryBatch,
  type VectorBatch,
} from './vector-index.js';
export { FlatIndex, type FlatIndexOptions } from './flat-index.js';
export { HnswIndex, HNSW_DEFAULTS, type HnswIndexOptions, type HnswParams } from './hnsw-index.js';
export { type KernelChoice, type KernelName } from './dot-kernel.js';
export { readIndexMeta, INDEX_META_FILE, type IndexMeta } from './index-files.js';
export {
  createVectorIndex,
  loadVectorIndex,
  type VectorIndexSpec,
  type LoadIndexOptions,
} from './load-index.js';
