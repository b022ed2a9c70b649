import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/core/index.js';
import type { RecordAttributes } from '../../src/datasets/index.js';
import { buildDemoCatalog } from '../../src/demo/index.js';
import {
  compareToCurrent,
  planAttributeModel,
  summaryScore,
  trainAttributeModel,
  type AttributeModelRecord,
  type TargetMetrics,
} from '../../src/train/index.js';
import { demoProductRecords } from './demo-records.js';

const seen = (value: unknown, confidence = 0.9) => ({ value, confidence, source: 'json-ld' });

function record(id: number, attributes: RecordAttributes): AttributeModelRecord {
  return { id, attributes: { name: seen(`Product ${id}`), ...attributes } };
}

function decision(plan: ReturnType<typeof planAttributeModel>, id: string) {
  const found = plan.decisions.find((d) => d.id === id);
  if (!found) throw new Error(`no decision on ${id}: ${plan.decisions.map((d) => d.id).join(', ')}`);
  return found;
}

describe('planAttributeModel', () => {
  it('picks category (path and top level), brand and the other categorical attributes of the demo shop', () => {
    const { records } = demoProductRecords(buildDemoCatalog({ products: 600, articles: 0 }));
    const plan = planAttributeModel(records);
    expect(plan.refusal).toBeNull();
    expect(plan.targets.map((t) => t.id)).toEqual(
      expect.arrayContaining(['category', 'category.top', 'brand', 'availability', 'currency']),
    );
    const category = plan.targets.find((t) => t.id === 'category')!;
    expect(category.kind).toBe('category-path');
    expect(category.classes.every((c) => Array.isArray(c.value) && c.value.length === 3)).toBe(true);
    expect(plan.targets.find((t) => t.id === 'category.top')!.classes).toHaveLength(4);
    // Free text, identifiers and amounts are features, never targets, and the plan says why.
    for (const id of ['name', 'description', 'sku', 'gtin', 'price']) {
      expect(decision(plan, id).target).toBe(false);
      expect(decision(plan, id).reason).toMatch(/used as a feature only/);
    }
    expect(decision(plan, 'brand').reason).toMatch(/^brand: target — \d+ labelled records, 30 classes/);
  });

  it('refuses too few records, saying how many more are needed', async () => {
    const records = Array.from({ length: 12 }, (_, i) =>
      record(i, { brand: seen(i % 2 ? 'Acme' : 'Globex'), category: seen(['A', i % 2 ? 'B' : 'C']) }),
    );
    const plan = planAttributeModel(records);
    expect(plan.targets).toEqual([]);
    expect(plan.refusal).toBe(
      '12 records with a name or description; training needs at least 50 (38 more) — mine more pages of this topic',
    );
    const refused = trainAttributeModel(records, plan);
    await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
    await expect(refused).rejects.toMatchObject({
      code: 'insufficient-data',
      field: 'records',
      message: plan.refusal,
    });
  });

  it('says per attribute why it is not a target', () => {
    const records = Array.from({ length: 120 }, (_, i) =>
      record(i, {
        // 34 labelled brands: too few.
        ...(i < 34 ? { brand: seen(i % 2 ? 'Acme' : 'Globex') } : {}),
        // Every record its own value: an identifier.
        model: seen(`M-${i}`),
        // One value only.
        availability: seen('InStock'),
        // Numbers in strings.
        weight: seen(`${i % 7}.5`),
        // Observed below the confidence bar (0.5) or predicted: neither labels nor features.
        material: i % 2 ? seen('Steel', 0.3) : { ...seen('Oak'), predicted: true },
        colour: seen(i % 3 === 0 ? 'Red' : 'Blue'),
      }),
    );
    const plan = planAttributeModel(records);
    expect(plan.refusal).toBeNull();
    expect(plan.targets.map((t) => t.id)).toEqual(['colour']);
    expect(decision(plan, 'brand').reason).toBe(
      'brand: 34 labelled records, needs at least 50 — mine more pages of this topic',
    );
    expect(decision(plan, 'category').reason).toBe(
      'category: 0 labelled records, needs at least 50 — mine more pages of this topic',
    );
    expect(decision(plan, 'model').reason).toBe(
      'model: 120 distinct values among 120 labelled records — an identifier or free text, not a category',
    );
    expect(decision(plan, 'availability').reason).toBe(
      'availability: only 1 value(s) have at least 5 examples, needs 2 such values — nothing to tell apart yet',
    );
    expect(decision(plan, 'weight').reason).toBe('weight: numbers, not categories; used as a feature only');
    expect(decision(plan, 'material').labelledRecords).toBe(0);
    expect(decision(plan, 'colour')).toMatchObject({ target: true, labelledRecords: 120, classes: 2 });
  });

  it('refuses a topic where nothing can be learnt, quoting the required targets', () => {
    const records = Array.from({ length: 60 }, (_, i) => record(i, { brand: seen('Acme') }));
    const plan = planAttributeModel(records);
    expect(plan.refusal).toBe(
      'no attribute has enough labelled examples to learn from: category: 0 labelled records, needs at least 50 — mine more pages of this topic; ' +
        'category.top: 0 labelled records, needs at least 50 — mine more pages of this topic; ' +
        'brand: only 1 value(s) have at least 5 examples, needs 2 such values — nothing to tell apart yet',
    );
  });

  it('leaves rare values out of a target and keeps the commonest spelling', () => {
    const brands = ['ACME', 'Acme', 'Acme', 'Globex', 'Initech'];
    const records = Array.from({ length: 100 }, (_, i) =>
      record(i, { brand: seen(i < 3 ? 'Rare Co' : brands[i % brands.length]!) }),
    );
    const brand = planAttributeModel(records).targets.find((t) => t.id === 'brand')!;
    expect(brand.classes.map((c) => c.value)).toEqual(['Acme', 'Globex', 'Initech']);
    expect(brand.classes[0]!.count).toBeGreaterThan(brand.classes[1]!.count);
    expect(brand.labelledRecords).toBe(97);
  });

  it('rejects unknown and out-of-range options, naming the field', () => {
    expect(() => planAttributeModel([], { minRecord: 5 } as never)).toThrow(InvalidInputError);
    expect(() => planAttributeModel([], { minRecord: 5 } as never)).toThrow(
      /unknown attribute-model plan option "minRecord"/,
    );
    expect(() => planAttributeModel([], { minClasses: 1 })).toThrow(/minClasses must be at least 2/);
    expect(() => planAttributeModel([], { maxDistinctRatio: 2 })).toThrow(
      /maxDistinctRatio must be a number from 0 to 1/,
    );
  });
});

describe('compareToCurrent', () => {
  const target = (macroF1: number): TargetMetrics => ({
    accuracy: macroF1,
    macroF1,
    baselineAccuracy: 0.1,
    support: 100,
    trainExamples: 400,
    classes: 5,
    usable: true,
  });

  it('is the mean macro-F1 over targets', () => {
    expect(summaryScore({ targets: { brand: target(0.9), category: target(0.7) } })).toBeCloseTo(0.8);
    expect(summaryScore({ targets: {} })).toBe(0);
  });

  it('promotes a first model above the floor and refuses one below it', () => {
    expect(compareToCurrent({ targets: { brand: target(0.8) } }, null, 0.5)).toMatchObject({
      promote: true,
      reason: 'first model: 0.800 ≥ floor 0.500',
    });
    expect(compareToCurrent({ targets: { brand: target(0.4) } }, null, 0.5)).toMatchObject({
      promote: false,
      reason: 'held-out mean macro-F1 0.400 is below the floor 0.500',
    });
  });

  it('compares over the shared targets and promotes only a strictly better model', () => {
    const current = { targets: { brand: target(0.8), category: target(0.9) } };
    const better = { targets: { brand: target(0.85), category: target(0.9), color: target(0.2) } };
    const decision = compareToCurrent(better, current, 0.5);
    expect(decision).toMatchObject({ promote: true, sharedTargets: ['brand', 'category'] });
    expect(decision.sharedScore).toBeCloseTo(0.875);
    expect(decision.currentSharedScore).toBeCloseTo(0.85);
    expect(compareToCurrent(current, current, 0.5)).toMatchObject({ promote: false });
    expect(compareToCurrent(current, current, 0.5).reason).toMatch(
      /not better: the current model keeps serving/,
    );
  });
});
