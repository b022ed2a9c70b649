import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FatalError, InvalidInputError } from '../../core/index.js';
import {
  HashedEmbedder,
  TrainedEmbedder,
  TransformersEmbedder,
  type Embedder,
  type TransformersEmbedderOptions,
} from '../embedders/index.js';

export const EMBEDDER_NAMES = ['hashed', 'trained', 'transformers'] as const;
export type EmbedderName = (typeof EMBEDDER_NAMES)[number];

/** How to rebuild an embedder: the hashed and trained ones from their files, a transformer from its model. */
export type EmbedderRecipe =
  | { type: 'hashed' }
  | { type: 'trained' }
  | {
      type: 'transformers';
      model: string;
      dtype?: TransformersEmbedderOptions['dtype'];
      pooling?: 'mean' | 'cls';
    };

const RECIPE_FILE = 'embedder.json';

interface RecipeJson {
  recipe: EmbedderRecipe;
  id: string;
  dimensions: number;
}

/** Write an embedder into `dir`: its recipe, and the files of a hashed or trained one. */
export async function saveEmbedder(embedder: Embedder, recipe: EmbedderRecipe, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (recipe.type === 'hashed') await asHashed(embedder).save(dir);
  if (recipe.type === 'trained') await asTrained(embedder).save(dir);
  const json: RecipeJson = { recipe, id: embedder.id, dimensions: embedder.dimensions };
  await writeFile(join(dir, RECIPE_FILE), `${JSON.stringify(json, null, 2)}\n`);
}

/**
 * Read back an embedder saved by {@link saveEmbedder}. A transformer is loaded again from its model
 * folder (weights are not copied into every version); when that model changed since, its id differs
 * and the version is refused rather than served with vectors from another space.
 */
export async function loadEmbedder(
  dir: string,
  options: { allowRemoteModels?: boolean } = {},
): Promise<{ embedder: Embedder; recipe: EmbedderRecipe }> {
  let json: RecipeJson;
  try {
    json = JSON.parse(await readFile(join(dir, RECIPE_FILE), 'utf8')) as RecipeJson;
  } catch (error) {
    throw new FatalError(`the embedder in ${dir} cannot be read: ${(error as Error).message}`, {
      cause: error,
      code: 'bad-model',
    });
  }
  const { recipe } = json;
  let embedder: Embedder;
  if (recipe.type === 'hashed') embedder = await HashedEmbedder.load(dir);
  else if (recipe.type === 'trained') embedder = await TrainedEmbedder.load(dir);
  else if (recipe.type === 'transformers')
    embedder = await TransformersEmbedder.load({
      model: recipe.model,
      allowRemoteModels: options.allowRemoteModels ?? false,
      ...(recipe.dtype === undefined ? {} : { dtype: recipe.dtype }),
      ...(recipe.pooling === undefined ? {} : { pooling: recipe.pooling }),
    });
  else
    throw new FatalError(`${join(dir, RECIPE_FILE)} names an unknown embedder type`, { code: 'bad-model' });
  if (embedder.id !== json.id || embedder.dimensions !== json.dimensions) {
    await embedder.close?.();
    throw new FatalError(
      `the embedder in ${dir} was ${json.id} (${json.dimensions} dimensions) when the index was built, and loads as ${embedder.id} (${embedder.dimensions}): ` +
        'its model changed since. Restore the model, or build the index again.',
      { code: 'embedder-changed' },
    );
  }
  return { embedder, recipe };
}

export function parseEmbedderName(value: string): EmbedderName {
  if (!(EMBEDDER_NAMES as readonly string[]).includes(value))
    throw new InvalidInputError(
      'embedder',
      `unknown embedder "${value}": use one of ${EMBEDDER_NAMES.join(', ')}`,
    );
  return value as EmbedderName;
}

function asHashed(embedder: Embedder): HashedEmbedder {
  if (!(embedder instanceof HashedEmbedder))
    throw new InvalidInputError('embedder', `${embedder.id} is not a hashed embedder`);
  return embedder;
}

function asTrained(embedder: Embedder): TrainedEmbedder {
  if (!(embedder instanceof TrainedEmbedder))
    throw new InvalidInputError('embedder', `${embedder.id} is not a trained embedder`);
  return embedder;
}
