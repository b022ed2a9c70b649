import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FatalError } from '../../core/index.js';
import { IdfTable, type Embedder, type IdfTableJson } from '../embedders/index.js';
import { loadVectorIndex, type IndexKind, type VectorIndex } from '../indexes/index.js';
import type { Calibration } from './calibration.js';
import type { CanonicalEntry } from './canonical.js';
import { loadEmbedder, saveEmbedder, type EmbedderRecipe } from './embedder-files.js';

export const SEMANTIC_META_FILE = 'meta.json';
export const CALIBRATION_FILE = 'calibration.json';
const FORMAT = 'gleaner-semantic-index';
const LABEL_VECTORS_FILE = 'label-vectors.f32';
const LEXICAL_IDF_FILE = 'lexical-idf.json';
const EMBEDDER_DIR = 'embedder';
const INDEX_DIR = 'index';

/** Everything a semantic index is made of, as written to and read from its folder. */
export interface SemanticIndexParts {
  embedder: Embedder;
  recipe: EmbedderRecipe;
  lexicalIdf: IdfTable;
  vectors: VectorIndex;
  candidates: number;
  /** entries × dimensions, row by row. */
  labelVectors: Float32Array;
  entries: readonly CanonicalEntry[];
  concepts: number;
  calibration: Calibration;
}

interface SemanticMetaJson {
  format: typeof FORMAT;
  formatVersion: 1;
  embedder: { id: string; dimensions: number; type: EmbedderRecipe['type'] };
  index: { kind: IndexKind; dir: typeof INDEX_DIR };
  candidates: number;
  concepts: number;
  /** Index id (the position) → canonical key and label. */
  entries: { id: number; key: string; label: string; preferred: boolean; source: CanonicalEntry['source'] }[];
}

/**
 * The folder of a semantic index (a version folder of the model store): `meta.json` (index id → key and
 * label), `calibration.json`, `lexical-idf.json`, `label-vectors.f32`, `embedder/` and `index/` (the
 * vector index's own folder). The meta is written last: a folder with it holds a whole index.
 */
export async function writeSemanticIndex(dir: string, parts: SemanticIndexParts): Promise<void> {
  await mkdir(dir, { recursive: true });
  await saveEmbedder(parts.embedder, parts.recipe, join(dir, EMBEDDER_DIR));
  await parts.vectors.save(join(dir, INDEX_DIR));
  const { labelVectors: v } = parts;
  await writeFile(join(dir, LABEL_VECTORS_FILE), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  await writeFile(join(dir, LEXICAL_IDF_FILE), JSON.stringify(parts.lexicalIdf.toJSON()));
  await writeFile(join(dir, CALIBRATION_FILE), `${JSON.stringify(parts.calibration, null, 2)}\n`);
  const meta: SemanticMetaJson = {
    format: FORMAT,
    formatVersion: 1,
    embedder: { id: parts.embedder.id, dimensions: parts.embedder.dimensions, type: parts.recipe.type },
    index: { kind: parts.vectors.kind, dir: INDEX_DIR },
    candidates: parts.candidates,
    concepts: parts.concepts,
    entries: parts.entries.map((e, id) => ({
      id,
      key: e.key,
      label: e.label,
      preferred: e.preferred,
      source: e.source,
    })),
  };
  await writeFile(join(dir, SEMANTIC_META_FILE), JSON.stringify(meta));
}

/** Read the parts written by {@link writeSemanticIndex}, checking that they fit together. */
export async function readSemanticIndex(
  dir: string,
  options: { allowRemoteModels?: boolean } = {},
): Promise<SemanticIndexParts> {
  const bad = (why: string, cause?: unknown) =>
    new FatalError(
      `the semantic index in ${dir} cannot be loaded: ${why}. Build it again, or roll back the model.`,
      {
        code: 'bad-model',
        ...(cause === undefined ? {} : { cause }),
      },
    );
  const json = async <T>(file: string): Promise<T> => {
    try {
      return JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
    } catch (error) {
      throw bad(`${file} cannot be read (${(error as Error).message})`, error);
    }
  };
  const meta = await json<SemanticMetaJson>(SEMANTIC_META_FILE);
  if (meta.format !== FORMAT || meta.formatVersion !== 1)
    throw bad(`${SEMANTIC_META_FILE} is not a semantic index's`);
  meta.entries.forEach((e, i) => {
    if (e.id !== i) throw bad(`entry ${i} of ${SEMANTIC_META_FILE} has the id ${e.id}`);
  });
  const calibration = await json<Calibration>(CALIBRATION_FILE);
  const lexicalIdf = IdfTable.fromJSON(
    await json<IdfTableJson>(LEXICAL_IDF_FILE),
    join(dir, LEXICAL_IDF_FILE),
  );
  const { embedder, recipe } = await loadEmbedder(join(dir, EMBEDDER_DIR), options);
  try {
    const vectors = await loadVectorIndex(join(dir, meta.index.dir));
    const d = embedder.dimensions;
    if (vectors.size !== meta.entries.length || vectors.dimensions !== d)
      throw bad(
        `its vector index holds ${vectors.size} × ${vectors.dimensions}, the meta ${meta.entries.length} × ${d}`,
      );
    const bytes = meta.entries.length * d * 4;
    const found = await stat(join(dir, LABEL_VECTORS_FILE)).catch(() => null);
    if (found?.size !== bytes) throw bad(`${LABEL_VECTORS_FILE} should hold ${bytes} bytes`);
    const raw = await readFile(join(dir, LABEL_VECTORS_FILE));
    return {
      embedder,
      recipe,
      lexicalIdf,
      vectors,
      candidates: meta.candidates,
      labelVectors: new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)),
      entries: meta.entries.map((e) => ({
        key: e.key,
        label: e.label,
        preferred: e.preferred,
        source: e.source,
      })),
      concepts: meta.concepts,
      calibration,
    };
  } catch (error) {
    await embedder.close?.();
    throw error;
  }
}
