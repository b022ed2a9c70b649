import { hasValue, type RecordAttribute } from '../../datasets/index.js';
import { labelKey } from './text-tokens.js';
import type { TargetKind } from './types.js';

/** A target's value in one record: the key the model learns and the value written back. */
export interface Label {
  key: string;
  value: string | string[];
}

/** Longer strings are free text, not a class (a description, a review). */
export const MAX_LABEL_CHARS = 120;
const PATH_SEPARATOR = /\s*(?:>|›|»|\/|\|)\s*/;

/**
 * The value of an attribute that may teach or feed the model: present, read from the page (a value the
 * model predicted earlier would teach the model its own guesses) and confident enough.
 */
export function observedValue(attribute: RecordAttribute | undefined, minConfidence: number): unknown {
  if (!hasValue(attribute) || attribute.predicted === true) return undefined;
  return attribute.confidence >= minConfidence ? attribute.value : undefined;
}

/** A category path, top level first: a string array, or a breadcrumb string (`A > B > C`). */
export function categoryPath(value: unknown): string[] | null {
  const parts = Array.isArray(value)
    ? value.filter((part): part is string => typeof part === 'string')
    : typeof value === 'string'
      ? value.split(PATH_SEPARATOR)
      : [];
  const path = parts.map((part) => part.trim().replace(/\s+/g, ' ')).filter((part) => part !== '');
  return path.length > 0 ? path : null;
}

export function readLabel(kind: TargetKind, value: unknown): Label | null {
  if (kind === 'label') {
    if (typeof value !== 'string') return null;
    const text = value.trim().replace(/\s+/g, ' ');
    if (text === '' || text.length > MAX_LABEL_CHARS) return null;
    return { key: labelKey(text), value: text };
  }
  const path = categoryPath(value);
  if (!path) return null;
  if (kind === 'category-top') return { key: labelKey(path[0]!), value: [path[0]!] };
  return { key: path.map(labelKey).join(' > '), value: path };
}

/** The plan reads every category-like attribute as a path; this names the ones it treats so. */
export function isCategoryAttribute(attribute: string): boolean {
  return attribute === 'category';
}
