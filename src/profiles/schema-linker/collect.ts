import { Parser } from 'htmlparser2';
import { fieldReference, mappingsOf, type Mapping } from './rules.js';

/** An element carrying at least one entity reference. */
export interface TaggedElement {
  tag: string;
  mappings: Mapping[];
  /** Index of the nearest tagged ancestor, -1 when none. */
  parent: number;
}

/** A link, form action or form field inside (or on) a tagged element, or a field naming an entity anywhere. */
export interface Reference {
  kind: 'href' | 'action' | 'field';
  /** The URL, or for a field its name. */
  value: string;
  /** For a field: its value (the referenced key), else ''. */
  key: string;
  /** Index of the nearest tagged element at or above it; -1 when none. */
  owner: number;
}

export interface ElementScan {
  elements: TaggedElement[];
  references: Reference[];
  /** data-* attribute names with key-like values that no rule mapped (data-id without a hint…). */
  unmapped: string[];
  truncated: boolean;
}

// Key attributes that say nothing of the entity: mapped only with a hint (itemtype, class…), else reported.
const GENERIC_KEYS = new Set(['data-id', 'data-key', 'data-uid', 'data-pk', 'data-uuid']);

export const SCAN_LIMITS = {
  maxHtmlChars: 3_000_000,
  maxElements: 5000,
  maxReferences: 5000,
  maxUnmapped: 30,
};

/**
 * The tagged elements of a page with their nesting, and the references inside them: one tokenizer pass
 * over the (fetched or rendered) HTML with a stack of open elements, no tree.
 */
export function scanElements(html: string): ElementScan {
  const elements: TaggedElement[] = [];
  const references: Reference[] = [];
  const unmapped = new Set<string>();
  // Open elements and, for each, the nearest tagged element at or above it.
  const stack: { tag: string; owner: number }[] = [];
  let truncated = html.length > SCAN_LIMITS.maxHtmlChars;
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        const above = stack.length > 0 ? stack[stack.length - 1]!.owner : -1;
        let owner = above;
        const mappings = mappingsOf(attributes);
        if (mappings.length > 0) {
          if (elements.length < SCAN_LIMITS.maxElements) {
            elements.push({ tag, mappings, parent: above });
            owner = elements.length - 1;
          } else truncated = true;
        } else {
          for (const [name, value] of Object.entries(attributes))
            if (GENERIC_KEYS.has(name) && value.trim() && unmapped.size < SCAN_LIMITS.maxUnmapped)
              unmapped.add(name);
        }
        const reference = (kind: Reference['kind'], value: string, key = '') => {
          if (references.length < SCAN_LIMITS.maxReferences) references.push({ kind, value, key, owner });
          else truncated = true;
        };
        if (tag === 'a' && attributes['href'] && owner >= 0) reference('href', attributes['href']);
        else if (tag === 'form' && attributes['action'] && owner >= 0)
          reference('action', attributes['action']);
        else if (
          (tag === 'input' || tag === 'select' || tag === 'button') &&
          attributes['name'] &&
          fieldReference(attributes['name'])
        )
          reference('field', attributes['name'], attributes['value'] ?? '');
        stack.push({ tag, owner });
      },
      onclosetag(tag) {
        // Implied and void closings arrive as closings too; a stray end tag matches nothing and is ignored.
        for (let i = stack.length - 1; i >= 0; i--)
          if (stack[i]!.tag === tag) {
            stack.length = i;
            return;
          }
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  );
  parser.write(truncated ? html.slice(0, SCAN_LIMITS.maxHtmlChars) : html);
  parser.end();
  return { elements, references, unmapped: [...unmapped], truncated };
}
