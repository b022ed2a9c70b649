import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError, resolveConfig } from '../../src/core/index.js';
import { FlatIndex, TransformersEmbedder } from '../../src/train/index.js';
import { TINY_HIDDEN, TINY_VOCAB, tinyEmbedding, writeTinyBert } from '../harness/tiny-bert.js';

/** What mean pooling over [CLS] tokens… [SEP] and normalization must give, computed by hand. */
function expected(tokens: string[]): Float32Array {
  const ids = ['[CLS]', ...tokens, '[SEP]'].map((t) => TINY_VOCAB.indexOf(t));
  const sum = new Float32Array(TINY_HIDDEN);
  for (const id of ids) tinyEmbedding(id).forEach((v, j) => (sum[j]! += v / ids.length));
  const norm = Math.hypot(...sum);
  return sum.map((v) => v / norm);
}

describe('TransformersEmbedder', () => {
  const root = mkdtempSync(join(tmpdir(), 'gleaner-tiny-bert-'));
  const modelDir = join(root, 'tiny-bert');
  let embedder: TransformersEmbedder;
  beforeAll(async () => {
    writeTinyBert(modelDir);
    embedder = await TransformersEmbedder.load({ model: modelDir });
  });
  afterAll(async () => {
    await embedder?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('loads a local folder through transformers.js and names its embedding space', () => {
    expect(embedder.dimensions).toBe(TINY_HIDDEN);
    expect(embedder.id).toBe('transformers:tiny-bert:fp32:mean');
  });

  it('tokenizes with WordPiece, mean-pools over the attention mask and normalizes', async () => {
    const [nurse, nurses, headChef] = await embedder.embed(['Nurse', 'nurses', 'head chef']);
    const close = (a: Float32Array, b: Float32Array) => a.forEach((v, j) => expect(v).toBeCloseTo(b[j]!, 5));
    close(nurse!, expected(['nurse']));
    close(nurses!, expected(['nurse', '##s']));
    close(headChef!, expected(['head', 'chef']));
    expect(Math.hypot(...nurse!)).toBeCloseTo(1, 5);
  });

  it('gives a text the same vector whatever else is in its batch (padding is masked out)', async () => {
    const [alone] = await embedder.embed(['cook']);
    const [inBatch] = await embedder.embed(['cook', 'head pastry chef bakers cooks']);
    const small = await TransformersEmbedder.load({ model: modelDir, batchSize: 1 });
    try {
      const [batchOfOne] = await small.embed(['cook']);
      alone!.forEach((v, j) => {
        expect(inBatch![j]).toBeCloseTo(v, 6);
        expect(batchOfOne![j]).toBeCloseTo(v, 6);
      });
    } finally {
      await small.close();
    }
    expect(await embedder.embed([])).toEqual([]);
  });

  it('feeds a vector index', async () => {
    const labels = ['nurse', 'doctor', 'pastry chef', 'baker'];
    const index = new FlatIndex({ dimensions: embedder.dimensions });
    index.add([0, 1, 2, 3], await embedder.embed(labels), labels);
    const [query] = await embedder.embed(['bakers']);
    expect(index.search(query!, 1)[0]).toMatchObject({ key: 'baker' });
  });

  it('refuses to download unless remote models are allowed, and says how to allow it', async () => {
    expect(resolveConfig({ env: {} }).allowRemoteModels).toBe(false);
    const error = await TransformersEmbedder.fromConfig(resolveConfig({ env: {} }), {
      model: 'Xenova/all-MiniLM-L6-v2',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(
      /not a local folder, and downloading models is off.*GLEANER_ALLOW_REMOTE_MODELS=true/,
    );
  });

  it('says what a model folder lacks', async () => {
    await expect(TransformersEmbedder.load({ model: join(root, 'missing') })).rejects.toThrow(
      /the model folder .*missing does not exist/,
    );
    await expect(TransformersEmbedder.load({ model: root })).rejects.toThrow(
      /is not a transformer model folder: it has no config.json/,
    );
    await expect(TransformersEmbedder.load({ model: modelDir, dtype: 'q8' })).rejects.toThrow(
      /onnx\/model_quantized.onnx/,
    );
  });
});
