import { InvalidInputError } from '../../core/index.js';
import {
  HASHED_DEFAULT_DIMENSIONS,
  HashedEmbedder,
  trainContrastiveEmbedder,
  TransformersEmbedder,
  type ContrastiveProgress,
  type ContrastiveTrainingOptions,
  type Embedder,
  type IdfTable,
  type TrainedEmbedderInfo,
} from '../embedders/index.js';
import type { CanonicalEntry } from './canonical.js';
import type { EmbedderName, EmbedderRecipe } from './embedder-files.js';

export interface EmbedderChoice {
  name: EmbedderName;
  /** The transformer model: a local folder, or a name where downloads are allowed. */
  model?: string | undefined;
  /** The hashed embedder's columns or the trained one's vector size. */
  dimensions?: number | undefined;
  training?: Omit<ContrastiveTrainingOptions, 'onProgress' | 'signal' | 'dimensions' | 'seed'> | undefined;
  allowRemoteModels?: boolean | undefined;
  seed: number;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: ContrastiveProgress) => void) | undefined;
}

/**
 * The embedder of a build: the hashed one over the vocabulary's IDF, the one trained on the entries'
 * synonym groups (the labels of one key, with its confirmed feedback), or a transformer model.
 */
export async function makeEmbedder(
  choice: EmbedderChoice,
  entries: readonly CanonicalEntry[],
  lexicalIdf: IdfTable,
): Promise<{ embedder: Embedder; recipe: EmbedderRecipe; training?: TrainedEmbedderInfo }> {
  if (choice.name === 'hashed')
    return {
      embedder: HashedEmbedder.over(lexicalIdf, choice.dimensions ?? HASHED_DEFAULT_DIMENSIONS),
      recipe: { type: 'hashed' },
    };
  if (choice.name === 'transformers') {
    if (choice.model === undefined)
      throw new InvalidInputError(
        'model',
        'the transformers embedder needs --model <folder|name>: a sentence-embedding model',
      );
    const embedder = await TransformersEmbedder.load({
      model: choice.model,
      allowRemoteModels: choice.allowRemoteModels ?? false,
    });
    return { embedder, recipe: { type: 'transformers', model: choice.model } };
  }
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    let list = groups.get(e.key);
    if (!list) groups.set(e.key, (list = []));
    list.push(e.label);
  }
  const embedder = await trainContrastiveEmbedder([...groups.values()], {
    ...choice.training,
    ...(choice.dimensions === undefined ? {} : { dimensions: choice.dimensions }),
    seed: choice.seed,
    ...(choice.signal === undefined ? {} : { signal: choice.signal }),
    ...(choice.onProgress === undefined ? {} : { onProgress: choice.onProgress }),
  });
  return { embedder, recipe: { type: 'trained' }, training: embedder.info };
}
