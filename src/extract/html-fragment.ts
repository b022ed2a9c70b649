import { parseDocument } from 'htmlparser2';
import { isTag } from 'domhandler';
import { textOf } from './text.js';

/** Fragments longer than this are cut before parsing: a description is not a page. */
const MAX_FRAGMENT_CHARS = 200_000;

/**
 * The text of an HTML fragment as a reader sees it: tags dropped (block boundaries read as a space),
 * entities decoded (`&amp;`, `&#8217;`, `&nbsp;`), script and style content left out, whitespace collapsed.
 * For values that carry markup inside them (JSON-LD descriptions with `<p>`, names with `&amp;`).
 * Pure; never throws.
 *
 * @example htmlFragmentText('<p>Fish &amp; chips</p><p>Hot</p>') // 'Fish & chips Hot'
 */
export function htmlFragmentText(fragment: string): string {
  if (typeof fragment !== 'string' || fragment === '') return '';
  const document = parseDocument(`<div>${fragment.slice(0, MAX_FRAGMENT_CHARS)}</div>`, {
    decodeEntities: true,
  });
  const root = document.children.find(isTag);
  return root === undefined ? '' : textOf(root);
}
