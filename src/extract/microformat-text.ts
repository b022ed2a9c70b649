import { isComment, isTag, isText, type AnyNode, type Element, type Text } from 'domhandler';
import { pyLstrip, pyRstrip, pyStrip } from './python-strings.js';
import type { TextBudget } from './text-budget.js';
import { tryUrlJoin } from './url-join.js';

/**
 * The three text readings mf2py (extruct's microformats parser) makes of an element, ported so that
 * values compare equal: its `textContent` (scripts and styles dropped, `<br>` a line break, `<p>` a
 * paragraph, images optionally replaced by their alt or src), BeautifulSoup's `get_text()`, and its
 * `decode_contents()` serialization for `e-*` HTML. All iterative: a deep tree cannot overflow the stack.
 */
const DROPPED: ReadonlySet<string> = new Set(['script', 'style', 'template']);
const VOID: ReadonlySet<string> = new Set(
  'area base basefont bgsound br col command embed frame hr image img input isindex keygen link menuitem meta nextid param source spacer track wbr'.split(
    ' ',
  ),
);
const RAW_TEXT: ReadonlySet<string> = new Set(['script', 'style']);
const PRESERVE_WHITESPACE: ReadonlySet<string> = new Set(['pre', 'textarea']);
const ASCII_BLANK = /^[ \n\t\f\r]*$/;

/**
 * A text node as BeautifulSoup holds it: one that is all ASCII whitespace is collapsed to a line break (if
 * it had one) or a space, except inside `<pre>` and `<textarea>`.
 */
function soupText(node: Text): string {
  const data = node.data;
  if (!ASCII_BLANK.test(data)) return data;
  for (let parent = node.parent; parent !== null; parent = parent.parent) {
    if (isTag(parent) && PRESERVE_WHITESPACE.has(parent.name)) return data;
  }
  return data.includes('\n') ? '\n' : ' ';
}

// Markers between text pieces: paragraph breaks after and before (their number is the line breaks they
// make), and the start and end of preformatted text.
const P_AFTER = 0;
const P_BEFORE = 1;
const PRE_BEFORE = 2;
const PRE_AFTER = 3;
type Piece = string | number;

export interface TextOptions {
  /** Images read as their alt text (or their src, with `imgToSrc`). */
  replaceImg: boolean;
  imgToSrc: boolean;
  baseUrl: string | null;
  budget: TextBudget;
}

/** mf2py's `get_textContent`. */
export function mfTextContent(root: Element, options: TextOptions): string {
  const pieces: Piece[] = [];
  // Steps: a node to read, or a marker to emit when an element's children are done.
  const stack: (AnyNode | { marker: Piece })[] = [root];
  while (stack.length > 0 && options.budget.take()) {
    const step = stack.pop() as AnyNode | { marker: Piece };
    if ('marker' in step) {
      pieces.push(step.marker);
    } else if (isText(step)) {
      pieces.push(
        soupText(step)
          .replace(/[\n\t\r]+/g, ' ')
          .replace(/ {2,}/g, ' '),
      );
    } else if (isTag(step) && !DROPPED.has(step.name)) {
      if (step.name === 'pre') {
        pieces.push(PRE_BEFORE, plainText(step, options.budget), PRE_AFTER);
      } else if (step.name === 'img' && options.replaceImg) {
        let value = step.attribs['alt'];
        if (value === undefined && options.imgToSrc) {
          const src = step.attribs['src'];
          if (src !== undefined) value = tryUrlJoin(options.baseUrl, src);
        }
        if (value !== undefined) pieces.push(' ', value, ' ');
      } else if (step.name === 'br') {
        pieces.push('\n');
      } else {
        if (step.name === 'p') {
          pieces.push(P_BEFORE);
          stack.push({ marker: P_AFTER });
        }
        for (let i = step.children.length - 1; i >= 0; i -= 1) stack.push(step.children[i] as AnyNode);
      }
    }
  }
  return joinPieces(pieces.filter((piece) => piece !== ''));
}

const isBreak = (piece: Piece | undefined): boolean => piece === P_AFTER || piece === P_BEFORE;
const isBlank = (piece: Piece): boolean => typeof piece === 'string' && pyStrip(piece) === '';

function joinPieces(results: Piece[]): string {
  // A space first, last, or next to a space or a paragraph break says nothing.
  const length = results.length;
  for (let i = 0; i < length; i += 1) {
    if (
      results[i] === ' ' &&
      (i === 0 ||
        i === length - 1 ||
        results[i - 1] === ' ' ||
        isBreak(results[i - 1]) ||
        results[i + 1] === ' ' ||
        isBreak(results[i + 1]))
    ) {
      results[i] = '';
    }
  }
  while (results.length > 0 && (isBlank(results[0] as Piece) || isBreak(results[0]))) results.shift();
  while (results.length > 0 && (isBlank(results.at(-1) as Piece) || isBreak(results.at(-1)))) results.pop();
  if (typeof results[0] === 'string') results[0] = pyLstrip(results[0]);
  const last = results.length - 1;
  if (typeof results[last] === 'string') results[last] = pyRstrip(results[last] as string);

  let text = '';
  let count = 0;
  let previous: Piece | null = null;
  for (const piece of results) {
    if (isBreak(piece)) {
      count = Math.max(piece as number, count);
    } else if (piece === PRE_BEFORE) {
      text = text.replace(/ +$/, '');
    } else if (typeof piece === 'string') {
      const value = count > 0 || previous === '\n' ? piece.replace(/^ +/, '') : piece;
      text = `${text}${'\n'.repeat(count)}${value}`;
      count = 0;
    }
    previous = piece;
  }
  return text;
}

/** BeautifulSoup's `get_text()`: every text node below, but not script, style or template content. */
export function plainText(root: Element, budget: TextBudget): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0 && budget.take()) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) parts.push(soupText(node));
    else if (isTag(node) && !DROPPED.has(node.name))
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
  }
  return parts.join('');
}

/**
 * BeautifulSoup's `decode_contents()` (minimal entity substitution, `<br/>`, attributes sorted), template
 * content left out.
 */
export function innerHtml(root: Element, budget: TextBudget): string {
  const out: string[] = [];
  const stack: (AnyNode | string)[] = [...root.children].reverse();
  while (stack.length > 0 && budget.take()) {
    const node = stack.pop() as AnyNode | string;
    if (typeof node === 'string') {
      out.push(node);
    } else if (isText(node)) {
      const parent = node.parent;
      out.push(
        parent !== null && isTag(parent) && RAW_TEXT.has(parent.name)
          ? node.data
          : escapeText(soupText(node)),
      );
    } else if (isComment(node)) {
      out.push(`<!--${node.data}-->`);
    } else if (isTag(node) && node.name !== 'template') {
      let tag = `<${node.name}`;
      // BeautifulSoup writes attributes in alphabetical order.
      for (const name of Object.keys(node.attribs).sort())
        tag += ` ${name}=${quoteAttribute(node.attribs[name] as string)}`;
      if (node.children.length === 0 && VOID.has(node.name)) {
        out.push(`${tag}/>`);
        continue;
      }
      out.push(`${tag}>`);
      stack.push(`</${node.name}>`);
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as AnyNode);
    }
  }
  return out.join('');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function quoteAttribute(value: string): string {
  const escaped = escapeText(value);
  if (!escaped.includes('"')) return `"${escaped}"`;
  if (!escaped.includes("'")) return `'${escaped}'`;
  return `"${escaped.replace(/"/g, '&quot;')}"`;
}
