import { isText } from 'domhandler';
import type { JsonLdError } from './page-facts.js';
import type { ParsedPage } from './parsed-page.js';
import { parseLenientJson } from './lenient-json.js';

export interface JsonLdResult {
  items: unknown[];
  errors: JsonLdError[];
}

/**
 * The page's JSON-LD blocks, parsed, in document order, in extruct's shape: a block holding an array
 * contributes its elements, a block holding an object contributes it, and empty values (`{}`, `[]`, `""`,
 * `false`, `null`, 0) are left out. A block that cannot be read becomes an error entry, never a throw:
 * one broken block must not cost the page its other facts.
 */
export function extractJsonLd(page: ParsedPage): JsonLdResult {
  const items: unknown[] = [];
  const errors: JsonLdError[] = [];
  page.index.jsonLdScripts.forEach((script, index) => {
    let raw = '';
    for (const child of script.children) if (isText(child)) raw += child.data;
    const text = raw.trim();
    if (text === '') return;
    const parsed = parseLenientJson(text);
    if (!parsed.ok) {
      errors.push({
        index,
        message: `JSON-LD block ${index} is not valid JSON, even after repairs: ${parsed.message}`,
      });
      return;
    }
    for (const value of parsed.values) {
      if (Array.isArray(value)) {
        for (const item of value) if (isTruthy(item)) items.push(item);
      } else if (isPlainObject(value) && isTruthy(value)) {
        items.push(value);
      }
    }
  });
  return { items, errors };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Python's truthiness, which extruct's output follows: empty containers and zero values are dropped. */
function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}
