import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CALIBRATION,
  evaluateSemanticIndex,
  HashedEmbedder,
  IdfTable,
  normalizeText,
  parseCanonical,
  SemanticIndex,
  TrainedEmbedder,
  trainContrastiveEmbedder,
  type Embedder,
} from '../../src/train/index.js';
import { singular, textFeatures } from '../../src/train/embedders/index.js';
import { synonymVocabulary } from './semantic-vocabulary.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe('text features', () => {
  it('normalizes case, accents and punctuation, keeping C++ and C#', () => {
    expect(normalizeText('  Café-Owner / C++ & C# Dev ')).toBe('cafe owner c++ c# dev');
  });

  it('singularizes regular English plurals only', () => {
    expect(
      ['nurses', 'secretaries', 'coaches', 'boxes', 'glass', 'status', 'analysis', 'bus'].map(singular),
    ).toEqual(['nurse', 'secretary', 'coach', 'box', 'glass', 'status', 'analysis', 'bus']);
  });

  it('gives character n-grams of 2 to 4 with word boundaries, and the words', () => {
    // " rn " → 3 bigrams, 2 trigrams, 1 four-gram, and the word
    expect([...textFeatures('RN').values()].reduce((a, b) => a + b, 0)).toBe(7);
    expect(textFeatures('!!!').size).toBe(0);
  });
});

/** What every embedder of ours promises (the transformers one has its own suite). */
function embedderContract(name: string, make: () => Promise<Embedder>) {
  describe(`${name} embedder`, () => {
    let embedder: Embedder;
    beforeAll(async () => {
      embedder = await make();
    });

    it('gives one unit vector of its dimensions per text, the same each time', async () => {
      const texts = ['registered nurse', 'welder', 'Registered Nurse'];
      const vectors = await embedder.embed(texts);
      expect(vectors).toHaveLength(3);
      for (const v of vectors) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(embedder.dimensions);
        expect(norm(v)).toBeCloseTo(1, 5);
      }
      expect(Array.from(vectors[2]!)).toEqual(Array.from(vectors[0]!));
      expect(Array.from((await embedder.embed(['welder']))[0]!)).toEqual(Array.from(vectors[1]!));
    });

    it('embeds a text without letters or digits to zeros', async () => {
      const [v] = await embedder.embed(['  --  ']);
      expect(norm(v!)).toBe(0);
    });

    it('puts a label nearer its own spelling variants than an unrelated label', async () => {
      const [a, b, c] = await embedder.embed(['nursing assistant', 'nurse assistant', 'steel welder']);
      expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!) + 0.2);
    });
  });
}

const vocabulary = parseCanonical({
  N: ['registered nurse', 'nurse', 'nursing assistant', 'nurse assistant', 'staff nurse'],
  W: ['welder', 'steel welder', 'welding operator', 'arc welder'],
  D: ['software developer', 'programmer', 'software engineer', 'coder'],
  T: ['truck driver', 'lorry driver', 'heavy goods vehicle driver'],
});
const labels = vocabulary.entries.map((e) => e.label);

embedderContract('hashed', async () => HashedEmbedder.fit(labels, { dimensions: 128 }));
embedderContract('trained', async () =>
  trainContrastiveEmbedder(
    vocabulary.concepts.map((c) => c.labels),
    { dimensions: 32, epochs: 3, batchSize: 4 },
  ),
);

describe('saved embedders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-embedders-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('load back with the same id and the same vectors', async () => {
    const hashed = HashedEmbedder.fit(labels, { dimensions: 64 });
    const trained = await trainContrastiveEmbedder(
      vocabulary.concepts.map((c) => c.labels),
      { dimensions: 16, epochs: 1, batchSize: 4 },
    );
    await hashed.save(join(dir, 'hashed'));
    await trained.save(join(dir, 'trained'));
    const hashedBack = await HashedEmbedder.load(join(dir, 'hashed'));
    const trainedBack = await TrainedEmbedder.load(join(dir, 'trained'));
    expect(hashedBack.id).toBe(hashed.id);
    expect(trainedBack.id).toBe(trained.id);
    expect(trainedBack.info).toEqual(trained.info);
    const probe = ['nurse assistant', 'unknown words here'];
    expect(await hashedBack.embed(probe)).toEqual(await hashed.embed(probe));
    expect(await trainedBack.embed(probe)).toEqual(await trained.embed(probe));
    await expect(TrainedEmbedder.load(join(dir, 'hashed'))).rejects.toThrow(/cannot be loaded/);
  });

  it('trains the same model from the same seed, and another from another', async () => {
    const groups = vocabulary.concepts.map((c) => c.labels);
    const a = await trainContrastiveEmbedder(groups, { dimensions: 16, epochs: 2, batchSize: 4, seed: 3 });
    const b = await trainContrastiveEmbedder(groups, { dimensions: 16, epochs: 2, batchSize: 4, seed: 3 });
    const c = await trainContrastiveEmbedder(groups, { dimensions: 16, epochs: 2, batchSize: 4, seed: 4 });
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
    expect(a.info.backend).toBe('wasm');
  });

  it('refuses settings that cannot train, naming the setting', async () => {
    const groups = vocabulary.concepts.map((c) => c.labels);
    await expect(trainContrastiveEmbedder(groups, { temperature: 0 })).rejects.toThrow(
      /temperature must be a number above 0/,
    );
    await expect(trainContrastiveEmbedder([['only one concept']])).rejects.toThrow(/at least 2 concepts/);
  });
});

describe('the trained embedder learns what letters cannot tell', () => {
  it('maps unseen combinations of made-up synonyms to their concept, where TF-IDF cannot', async () => {
    const { canonical, queries } = synonymVocabulary({ meanings: 6, synonyms: 3 });
    const vocab = parseCanonical(canonical);
    const idf = IdfTable.fit(vocab.entries.map((e) => e.label));
    const measure = async (embedder: Embedder, type: 'hashed' | 'trained') => {
      const index = SemanticIndex.create(embedder, { type }, idf);
      await index.add(vocab.entries);
      // The embedding score alone: what the embedder itself knows.
      index.setCalibration({ ...DEFAULT_CALIBRATION, weight: 1 });
      return (await evaluateSemanticIndex(index, queries)).top1;
    };
    const hashed = await measure(HashedEmbedder.over(idf, 256), 'hashed');
    const trained = await measure(
      await trainContrastiveEmbedder(
        vocab.concepts.map((c) => c.labels),
        { dimensions: 32, epochs: 6, batchSize: 36, seed: 1 },
      ),
      'trained',
    );
    expect(hashed).toBeLessThan(0.5);
    expect(trained).toBeGreaterThan(0.9);
  });
});
