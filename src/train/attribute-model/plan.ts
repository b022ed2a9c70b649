import { InvalidInputError } from '../../core/index.js';
import { isCategoryAttribute, observedValue, readLabel, type Label } from './labels.js';
import type {
  AttributeDecision,
  AttributeModelPlan,
  AttributeModelPlanOptions,
  AttributeModelRecord,
  PlannedTarget,
  ResolvedAttributeModelPlanOptions,
  TargetClass,
  TargetKind,
} from './types.js';

export const DEFAULT_PLAN_OPTIONS: ResolvedAttributeModelPlanOptions = Object.freeze({
  minRecords: 50,
  minLabelledRecords: 50,
  minExamplesPerClass: 5,
  minClasses: 2,
  maxClasses: 500,
  maxDistinctRatio: 0.5,
  minLabelConfidence: 0.5,
  categoryTopLevel: true,
  exclude: Object.freeze([]),
});

/** Always considered, and always reported on, even when no record has them: the minimum. */
export const REQUIRED_TARGETS = Object.freeze(['category', 'brand']);

/**
 * Never targets, whatever their counts: free text, identifiers and amounts (a price string can repeat
 * often enough to pass the class counts). They stay features.
 */
export const NON_TARGET_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({
  name: 'free text',
  title: 'free text',
  description: 'free text',
  price: 'an amount',
  sku: 'an identifier',
  gtin: 'an identifier',
  mpn: 'an identifier',
  url: 'an address',
  image: 'an address',
  images: 'addresses',
});

const NUMERIC_TEXT = /^[\d\s.,:%+\-/]+$/;
// Labels that are mostly numbers measure something; they are not classes.
const MAX_NUMERIC_SHARE = 0.9;

/**
 * Decide what the topic's model learns: category (full path, and its top level as a fallback), brand,
 * and every other attribute whose values are short strings with enough examples per value. Never throws
 * for want of data: `refusal` says what is missing and how much more is needed.
 */
export function planAttributeModel(
  records: readonly AttributeModelRecord[],
  options: AttributeModelPlanOptions = {},
): AttributeModelPlan {
  const resolved = resolvePlanOptions(options);
  const readableRecords = records.filter((record) => isReadable(record, resolved.minLabelConfidence)).length;

  const seen = new Set<string>(REQUIRED_TARGETS);
  for (const record of records) for (const key of Object.keys(record.attributes)) seen.add(key);
  const ordered = [...REQUIRED_TARGETS, ...[...seen].filter((a) => !REQUIRED_TARGETS.includes(a)).sort()];

  const decisions: AttributeDecision[] = [];
  const targets: PlannedTarget[] = [];
  for (const attribute of ordered) {
    const kinds: TargetKind[] = isCategoryAttribute(attribute)
      ? resolved.categoryTopLevel
        ? ['category-path', 'category-top']
        : ['category-path']
      : ['label'];
    for (const kind of kinds) {
      const { decision, target } = decide(records, attribute, kind, resolved);
      decisions.push(decision);
      if (target) targets.push(target);
    }
  }

  let refusal: string | null = null;
  if (readableRecords < resolved.minRecords) {
    refusal =
      `${count(readableRecords)} records with a name or description; training needs at least ` +
      `${count(resolved.minRecords)} (${count(resolved.minRecords - readableRecords)} more) — mine more pages of this topic`;
  } else if (targets.length === 0) {
    const required = decisions.filter((d) => REQUIRED_TARGETS.includes(d.attribute)).map((d) => d.reason);
    refusal = `no attribute has enough labelled examples to learn from: ${required.join('; ')}`;
  }
  return { recordCount: records.length, readableRecords, targets, decisions, refusal, options: resolved };
}

/** The training options as given, checked, with defaults: unknown keys and bad numbers are refused. */
export function resolvePlanOptions(options: AttributeModelPlanOptions): ResolvedAttributeModelPlanOptions {
  for (const key of Object.keys(options))
    if (!(key in DEFAULT_PLAN_OPTIONS))
      throw new InvalidInputError(
        key,
        `unknown attribute-model plan option "${key}"; known: ${Object.keys(DEFAULT_PLAN_OPTIONS).join(', ')}`,
      );
  const resolved = { ...DEFAULT_PLAN_OPTIONS, ...stripUndefined(options) };
  for (const key of [
    'minRecords',
    'minLabelledRecords',
    'minExamplesPerClass',
    'minClasses',
    'maxClasses',
  ] as const) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value < 1)
      throw new InvalidInputError(key, `${key} must be a whole number of at least 1, got ${String(value)}`);
  }
  if (resolved.minClasses < 2)
    throw new InvalidInputError(
      'minClasses',
      `minClasses must be at least 2: one class has nothing to learn`,
    );
  if (resolved.maxClasses < resolved.minClasses)
    throw new InvalidInputError(
      'maxClasses',
      `maxClasses (${resolved.maxClasses}) must be at least minClasses (${resolved.minClasses})`,
    );
  for (const key of ['maxDistinctRatio', 'minLabelConfidence'] as const) {
    const value = resolved[key];
    if (!(value >= 0 && value <= 1))
      throw new InvalidInputError(key, `${key} must be a number from 0 to 1, got ${String(value)}`);
  }
  return Object.freeze({ ...resolved, exclude: Object.freeze([...resolved.exclude]) });
}

function decide(
  records: readonly AttributeModelRecord[],
  attribute: string,
  kind: TargetKind,
  options: ResolvedAttributeModelPlanOptions,
): { decision: AttributeDecision; target: PlannedTarget | null } {
  const id = kind === 'category-top' ? `${attribute}.top` : attribute;
  const tally = tallyLabels(records, attribute, kind, options.minLabelConfidence);
  const classes = tally.classes.filter((c) => c.count >= options.minExamplesPerClass);
  const decision: AttributeDecision = {
    id,
    attribute,
    target: false,
    labelledRecords: tally.labelled,
    distinctValues: tally.classes.length,
    classes: classes.length,
    reason: '',
  };
  const refuse = (why: string): { decision: AttributeDecision; target: null } => {
    decision.reason = `${id}: ${why}`;
    return { decision, target: null };
  };

  const nonTarget = NON_TARGET_ATTRIBUTES[attribute];
  if (nonTarget !== undefined) return refuse(`${nonTarget}, not a category; used as a feature only`);
  if (options.exclude.includes(attribute)) return refuse('excluded by the options; used as a feature only');
  if (tally.labelled === 0 && tally.present > 0)
    return refuse(
      `${count(tally.present)} values, none a short string${kind === 'label' ? '' : ' or path'} — not a category`,
    );
  if (tally.labelled > 0 && tally.numeric / tally.labelled >= MAX_NUMERIC_SHARE)
    return refuse('numbers, not categories; used as a feature only');
  if (tally.labelled < options.minLabelledRecords)
    return refuse(
      `${count(tally.labelled)} labelled records, needs at least ${count(options.minLabelledRecords)} — ` +
        `mine more pages of this topic`,
    );
  if (tally.classes.length / tally.labelled > options.maxDistinctRatio)
    return refuse(
      `${count(tally.classes.length)} distinct values among ${count(tally.labelled)} labelled records — ` +
        `an identifier or free text, not a category`,
    );
  if (classes.length < options.minClasses) {
    const which = classes.length === 0 ? 'no value has' : `only ${classes.length} value(s) have`;
    return refuse(
      `${which} at least ${options.minExamplesPerClass} examples, needs ${options.minClasses} such values — ` +
        `nothing to tell apart yet`,
    );
  }
  if (classes.length > options.maxClasses)
    return refuse(
      `${count(classes.length)} values with at least ${options.minExamplesPerClass} examples, more than ` +
        `maxClasses (${options.maxClasses}) — raise maxClasses if this really is a category`,
    );
  if (kind === 'category-top' && tally.classes.every((c) => c.key === c.pathKey))
    return refuse(`the same as ${attribute} (every path has one level)`);

  const leftOut = tally.labelled - classes.reduce((sum, c) => sum + c.count, 0);
  decision.target = true;
  decision.reason =
    `${id}: target — ${count(tally.labelled)} labelled records, ${classes.length} classes` +
    (leftOut > 0
      ? `; ${count(tally.classes.length - classes.length)} rarer values (${count(leftOut)} records) left out`
      : '');
  const target: PlannedTarget = {
    id,
    attribute,
    kind,
    classes: classes.map(({ key, value, count }) => ({ key, value, count })),
    labelledRecords: tally.labelled - leftOut,
  };
  return { decision, target };
}

interface Tally {
  /** Records where the attribute is observed (whatever its type). */
  present: number;
  labelled: number;
  numeric: number;
  /** Every distinct label, most frequent first; `pathKey` is the full path's key (for category-top). */
  classes: (TargetClass & { pathKey: string })[];
}

function tallyLabels(
  records: readonly AttributeModelRecord[],
  attribute: string,
  kind: TargetKind,
  minConfidence: number,
): Tally {
  let present = 0;
  let labelled = 0;
  let numeric = 0;
  const byKey = new Map<
    string,
    { count: number; spellings: Map<string, { label: Label; count: number }>; pathKeys: Set<string> }
  >();
  for (const record of records) {
    const value = observedValue(record.attributes[attribute], minConfidence);
    if (value === undefined) continue;
    present++;
    const label = readLabel(kind, value);
    if (!label) continue;
    labelled++;
    if (typeof label.value === 'string' && NUMERIC_TEXT.test(label.value)) numeric++;
    let entry = byKey.get(label.key);
    if (!entry) byKey.set(label.key, (entry = { count: 0, spellings: new Map(), pathKeys: new Set() }));
    entry.count++;
    const spelling = JSON.stringify(label.value);
    const seen = entry.spellings.get(spelling);
    if (seen) seen.count++;
    else entry.spellings.set(spelling, { label, count: 1 });
    if (kind === 'category-top') entry.pathKeys.add(readLabel('category-path', value)!.key);
  }
  const classes = [...byKey.entries()].map(([key, entry]) => {
    // The most frequent spelling, ties to the first in code-unit order: the same records, the same value.
    const [, best] = [...entry.spellings.entries()].sort(
      (a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1),
    )[0]!;
    const pathKey = entry.pathKeys.size === 1 ? [...entry.pathKeys][0]! : '';
    return { key, value: best.label.value, count: entry.count, pathKey };
  });
  classes.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { present, labelled, numeric, classes };
}

function isReadable(record: AttributeModelRecord, minConfidence: number): boolean {
  for (const key of ['name', 'description']) {
    const value = observedValue(record.attributes[key], minConfidence);
    if (typeof value === 'string' && value.trim() !== '') return true;
  }
  return false;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
