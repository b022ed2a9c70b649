import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import {
  BLOCK_LEVEL_TAGS,
  HEADING_TAGS,
  NO_MARK,
  SKIPPED_TAGS,
  boilerplateMark,
  HintReader,
  isInvisible,
  type BoilerplateMark,
  type ClassHints,
} from './article-hints.js';

/**
 * The page cut into text blocks, boilerpipe's unit: the text between two block-level boundaries
 * (a paragraph, a heading, a list item, a table cell, the loose text of a `div`), each with the features
 * the classification reads. One iterative walk: deeply nested markup cannot overflow the stack.
 */
export interface TextBlock {
  /** Whitespace-normalized; `<br>` kept as a line break. */
  text: string;
  /** `text.length`. */
  chars: number;
  /** Characters of the text inside links. */
  linkChars: number;
  /** Commas (Latin and CJK): Readability's sign of written sentences. */
  commas: number;
  /** The innermost block-level element around the text. */
  owner: Element;
  /** 1 to 6 inside `<h1>` … `<h6>`, else 0. */
  heading: number;
  /** Inside a list item (`<li>`, `<dd>`, `<dt>`), a `<blockquote>`. */
  inList: boolean;
  inQuote: boolean;
  /** The innermost boilerplate-marked ancestor (the chain goes on through `MarkLink.outer`). */
  mark: MarkLink | null;
}

export interface MarkLink {
  element: Element;
  strength: BoilerplateMark;
  outer: MarkLink | null;
}

/** A block-level or marked element: the blocks it holds are `blocks[start]` … `blocks[end - 1]`. */
export interface ElementSpan {
  start: number;
  end: number;
  depth: number;
  /** Images, form inputs and embedded media (video, iframes) inside. */
  images: number;
  inputs: number;
  embeds: number;
  mark: BoilerplateMark;
  /** Inside a `<figure>`. */
  inFigure: boolean;
  /** What its class and id say. */
  hints: ClassHints;
}

export interface PageBlocks {
  blocks: TextBlock[];
  spans: Map<Element, ElementSpan>;
  /** Marked elements in document order. */
  marked: Element[];
  /** Class and id hints of any element, read once per distinct class and id. */
  hints: HintReader;
}

const EMBED_TAGS: ReadonlySet<string> = new Set(['iframe', 'object', 'embed', 'video', 'audio']);
const SPACES = /\s+/g;
const INLINE_SPACES = /[^\S\n]+/g;
const SPACES_AROUND_BREAK = / ?\n ?/g;
const BREAK_RUN = /\n{3,}/g;
const COMMA = /[,，、،]/g;

/** An open element on the walk: its span, filled in when its subtree ends. */
interface Frame {
  element: Element;
  span: ElementSpan;
}

export function collectBlocks(root: Document | Element): PageBlocks {
  const blocks: TextBlock[] = [];
  const spans = new Map<Element, ElementSpan>();
  const marked: Element[] = [];
  const reader = new HintReader();
  const frames: Frame[] = [];
  let parts: string[] = [];
  // Whether the text so far ends in a space, and whether it holds line breaks or preformatted text
  // (which need the slower normalization).
  let endsInSpace = true;
  let needsBreaks = false;
  let linkChars = 0;
  let linkDepth = 0;
  let preDepth = 0;
  let heading = 0;
  let listDepth = 0;
  let quoteDepth = 0;
  let figureDepth = 0;
  let mark: MarkLink | null = null;

  const flush = (): void => {
    if (parts.length === 0) return;
    const joined = parts.join('');
    const text = needsBreaks
      ? joined
          .replace(INLINE_SPACES, ' ')
          .replace(SPACES_AROUND_BREAK, '\n')
          .replace(BREAK_RUN, '\n\n')
          .trim()
      : joined.trim();
    endsInSpace = true;
    needsBreaks = false;
    parts = [];
    const links = linkChars;
    linkChars = 0;
    if (text === '') return;
    const owner = frames[frames.length - 1]?.element;
    if (owner === undefined) return;
    blocks.push({
      text,
      chars: text.length,
      linkChars: Math.min(links, text.length),
      commas: text.match(COMMA)?.length ?? 0,
      owner,
      heading,
      inList: listDepth > 0,
      inQuote: quoteDepth > 0,
      mark,
    });
  };

  // The walk's stack, and beside it whether each entry is an element's end (its subtree done).
  const stack: AnyNode[] = [];
  const ends: boolean[] = [];
  const pushChildren = (parent: Document | Element): void => {
    const children = parent.children;
    for (let i = children.length - 1; i >= 0; i -= 1) {
      stack.push(children[i] as AnyNode);
      ends.push(false);
    }
  };
  if (isTag(root)) {
    stack.push(root);
    ends.push(false);
  } else {
    pushChildren(root);
  }

  while (stack.length > 0) {
    const entry = stack.pop() as AnyNode;
    if (ends.pop() === true) {
      const element = entry as Element;
      const name = element.name;
      const frame = frames[frames.length - 1];
      if (frame?.element === element) {
        flush();
        frames.pop();
        const span = frame.span;
        span.end = blocks.length;
        const parent = frames[frames.length - 1]?.span;
        if (parent !== undefined) {
          parent.images += span.images;
          parent.inputs += span.inputs;
          parent.embeds += span.embeds;
        }
        if (span.mark !== NO_MARK) mark = (mark as MarkLink | null)?.outer ?? null;
      }
      if (name === 'a') linkDepth -= 1;
      else if (name === 'pre') preDepth -= 1;
      else if (name === 'li' || name === 'dd' || name === 'dt') listDepth -= 1;
      else if (name === 'blockquote') quoteDepth -= 1;
      else if (name === 'figure') figureDepth -= 1;
      else if (HEADING_TAGS.has(name)) heading = 0;
      continue;
    }
    if (isText(entry)) {
      const data = entry.data;
      if (preDepth > 0) {
        parts.push(data);
        needsBreaks = true;
        endsInSpace = false;
      } else {
        // Runs of spaces collapse as they come, so the block needs no second pass unless it has breaks.
        let piece = data.replace(SPACES, ' ');
        if (endsInSpace && piece.charCodeAt(0) === 32) piece = piece.slice(1);
        if (piece !== '') {
          parts.push(piece);
          endsInSpace = piece.charCodeAt(piece.length - 1) === 32;
        }
      }
      if (linkDepth > 0) linkChars += data.replace(SPACES, ' ').trim().length;
      continue;
    }
    if (!isTag(entry)) continue;
    const name = entry.name;
    const hints = reader.read(entry);
    if (SKIPPED_TAGS.has(name) || isInvisible(entry, hints)) {
      const span = frames[frames.length - 1]?.span;
      if (span !== undefined) {
        if (EMBED_TAGS.has(name)) span.embeds += 1;
        else if (name === 'input' || name === 'select' || name === 'textarea') span.inputs += 1;
      }
      continue;
    }
    if (name === 'br') {
      parts.push('\n');
      needsBreaks = true;
      endsInSpace = true;
      continue;
    }
    if (name === 'img') {
      const span = frames[frames.length - 1]?.span;
      if (span !== undefined) span.images += 1;
      continue;
    }
    const strength = boilerplateMark(entry, hints);
    // A marked element is a block of its own, so that its text can be told from its neighbours'.
    if (BLOCK_LEVEL_TAGS.has(name) || strength !== NO_MARK) {
      flush();
      const span: ElementSpan = {
        start: blocks.length,
        end: blocks.length,
        depth: frames.length,
        images: 0,
        inputs: 0,
        embeds: 0,
        mark: strength,
        hints,
        inFigure: figureDepth > 0,
      };
      spans.set(entry, span);
      frames.push({ element: entry, span });
      if (strength !== NO_MARK) {
        mark = { element: entry, strength, outer: mark };
        marked.push(entry);
      }
    }
    if (name === 'a') linkDepth += 1;
    else if (name === 'pre') preDepth += 1;
    else if (name === 'li' || name === 'dd' || name === 'dt') listDepth += 1;
    else if (name === 'blockquote') quoteDepth += 1;
    else if (name === 'figure') figureDepth += 1;
    else if (HEADING_TAGS.has(name)) heading = Number(name.charAt(1));
    stack.push(entry);
    ends.push(true);
    pushChildren(entry);
  }
  flush();
  return { blocks, spans, marked, hints: reader };
}
