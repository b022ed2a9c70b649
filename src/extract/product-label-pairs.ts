import { isTag, isText, type Element } from 'domhandler';
import type { ProductField } from './product-facts-types.js';
import { inlineLabelValue, labelField, plausibleValue } from './product-labels.js';
import { shortText } from './short-text.js';
import { normalizeWhitespace } from './text.js';

/** Label and value pairs of the visible page (`<th>EAN</th><td>…</td>`, `SKU: 1234`), read element by element. */

const MAX_LABEL_TEXT = 120;

const PAIR_PARENTS: ReadonlySet<string> = new Set([
  'tr',
  'dl',
  'li',
  'div',
  'p',
  'span',
  'td',
  'th',
  'dt',
  'strong',
  'b',
  'label',
]);

/**
 * Label pairs in an element: a row or definition whose first cell is a known label and whose next is
 * the value (`<th>EAN</th><td>…</td>`, `<dt>`/`<dd>`, `<span>SKU</span><span>…</span>`), or one text
 * `Label: value`. The first value of each field wins over later ones (the page's own table comes before
 * the related products'), which get less confidence.
 */
export function readLabels(
  element: Element,
  /** `field\0value` of the values recorded, `field\0@confidence` of the label strengths seen. */
  seen: Set<string>,
  add: (field: ProductField, value: string, confidence: number, via: string) => void,
): void {
  if (!PAIR_PARENTS.has(element.name)) return;
  const record = (field: ProductField, value: string, confidence: number, via: string): void => {
    if (seen.has(`${field}\u0000${value}`)) return;
    seen.add(`${field}\u0000${value}`);
    // A later label of a field already labelled as surely is another item's (a bundle's parts, a list).
    const earlier =
      seen.has(`${field}\u0000@${confidence}`) || (confidence < 0.65 && seen.has(`${field}\u0000@0.65`));
    seen.add(`${field}\u0000@${confidence}`);
    add(field, value, earlier ? confidence * 0.7 : confidence, via);
  };
  const own = directText(element);
  if (own !== null) {
    const inline = inlineLabelValue(own);
    if (inline !== null)
      record(
        inline.field,
        cleanValue(inline.value),
        inline.confidence,
        `label "${own.split(/[:：]/)[0]?.trim() ?? ''}"`,
      );
  }
  // The label as this element, the value as its next element sibling.
  const labelText = element.children.length <= 3 ? shortText(element, 45) : null;
  if (labelText === null || labelText === '') return;
  const labelled = labelField(labelText);
  if (labelled === null) return;
  let next = element.next;
  while (next !== null && !isTag(next)) next = next.next;
  if (next === null || !isTag(next)) return;
  const value = cleanValue(shortText(next, MAX_LABEL_TEXT) ?? '');
  if (plausibleValue(labelled.field, value))
    record(labelled.field, value, labelled.confidence, `label "${labelText}"`);
}

/** The element's text when it is short and holds no block of its own (a leaf line), else null. */
function directText(element: Element): string | null {
  let hasText = false;
  for (const child of element.children) {
    if (isText(child) && child.data.trim() !== '') hasText = true;
  }
  if (!hasText) return null;
  return shortText(element, MAX_LABEL_TEXT);
}

function cleanValue(value: string): string {
  return normalizeWhitespace(value).replace(/^[:：#\s]+/u, '');
}
