import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { BLOCK_TAGS, NON_TEXT_TAGS, normalizeWhitespace } from './text.js';

/** Nodes a short text may take at most: a label or a button is a handful, a page section thousands. */
const MAX_NODES = 64;

/**
 * The text of a small element (a label, a button, a price), whitespace-normalized, or null when it is
 * longer than `maxChars` or spans more than a handful of nodes. Bounded both ways, so asking it of every
 * element of a page stays linear (`textOf` with a character cap still walks empty subtrees to the end).
 */
export function shortText(element: Element, maxChars: number): string | null {
  const parts: string[] = [];
  let length = 0;
  let nodes = 0;
  const stack: (AnyNode | null)[] = [];
  for (let i = element.children.length - 1; i >= 0; i -= 1) stack.push(element.children[i] as AnyNode);
  while (stack.length > 0) {
    if (++nodes > MAX_NODES) return null;
    const node = stack.pop();
    if (node === undefined) break;
    if (node === null) {
      parts.push(' ');
    } else if (isText(node)) {
      parts.push(node.data);
      length += node.data.length;
      if (length > maxChars * 4 + 200) return null;
    } else if (isTag(node) && !NON_TEXT_TAGS.has(node.name)) {
      if (BLOCK_TAGS.has(node.name)) {
        parts.push(' ');
        stack.push(null);
      }
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
    }
  }
  const text = normalizeWhitespace(parts.join(''));
  return text.length > maxChars ? null : text;
}
