import { isTag, isText, type AnyNode, type Element } from 'domhandler';
import { PY_TRAILING_SPACE, PY_WHITESPACE_RUN, pyStrip } from './python-strings.js';
import type { TextBudget } from './text-budget.js';

/**
 * The text of an element as extruct reads a microdata value: lxml's cleaner first drops scripts, styles,
 * links, metas and comments (their content, not what follows them), then the html-text library lays the
 * rest out: runs of whitespace collapse, block elements add a line break (headings, paragraphs and lists
 * two), a space separates inline pieces except before closing punctuation and after an opening bracket.
 * Ported rule for rule so that values compare equal; iterative, so a deep tree cannot overflow the stack.
 */
const DROPPED: ReadonlySet<string> = new Set(['script', 'style', 'link', 'meta']);
const NEWLINE_TAGS: ReadonlySet<string> = new Set(
  'article aside br dd details div dt fieldset figcaption footer form header hr legend li main nav table tr'.split(
    ' ',
  ),
);
const DOUBLE_NEWLINE_TAGS: ReadonlySet<string> = new Set(
  'blockquote dl figure h1 h2 h3 h4 h5 h6 ol p pre title ul'.split(' '),
);
const PUNCTUATION_FIRST = /^[,:;.!?")]/;
const OPEN_BRACKET_LAST = /\($/;

// What was emitted last: a line break of one or two lines, or the raw text of the last piece.
const NEWLINE = 1;
const DOUBLE_NEWLINE = 2;
type Previous = typeof NEWLINE | typeof DOUBLE_NEWLINE | string;

// Walk steps: an element to open, the end of an element (its closing line breaks), or a text run.
type Step = { open: Element } | { close: string } | { text: string };

export function layoutText(root: Element, budget: TextBudget): string {
  // The cleaner cannot drop the element it is given; it empties it instead.
  if (DROPPED.has(root.name)) return '';
  const chunks: string[] = [];
  let previous: Previous = DOUBLE_NEWLINE;

  const addNewlines = (tag: string): void => {
    if (previous === DOUBLE_NEWLINE) return;
    if (DOUBLE_NEWLINE_TAGS.has(tag)) {
      chunks.push(previous === NEWLINE ? '\n' : '\n\n');
      previous = DOUBLE_NEWLINE;
    } else if (NEWLINE_TAGS.has(tag)) {
      if (previous !== NEWLINE) chunks.push('\n');
      previous = NEWLINE;
    }
  };
  const addText = (raw: string): void => {
    const text = pyStrip(raw).replace(PY_WHITESPACE_RUN, ' ');
    if (text === '') return;
    chunks.push(spaceBetween(text, previous), text);
    previous = raw;
  };

  const stack: Step[] = [{ open: root }];
  while (stack.length > 0 && budget.take()) {
    const step = stack.pop() as Step;
    if ('text' in step) {
      addText(step.text);
    } else if ('close' in step) {
      addNewlines(step.close);
    } else {
      addNewlines(step.open.name);
      stack.push({ close: step.open.name });
      // Children in reverse, text runs merged across what the cleaner drops (lxml joins them as one tail).
      const steps = childSteps(step.open.children);
      for (let i = steps.length - 1; i >= 0; i -= 1) stack.push(steps[i] as Step);
    }
  }
  return pyStrip(chunks.join(''));
}

function childSteps(children: readonly AnyNode[]): Step[] {
  const steps: Step[] = [];
  let text = '';
  for (const child of children) {
    if (isText(child)) {
      text += child.data;
    } else if (isTag(child) && !DROPPED.has(child.name)) {
      if (text !== '') steps.push({ text });
      text = '';
      steps.push({ open: child });
    }
  }
  if (text !== '') steps.push({ text });
  return steps;
}

function spaceBetween(text: string, previous: Previous): string {
  if (previous === NEWLINE || previous === DOUBLE_NEWLINE) return '';
  if (!PY_TRAILING_SPACE.test(previous) && (PUNCTUATION_FIRST.test(text) || OPEN_BRACKET_LAST.test(previous)))
    return '';
  return ' ';
}
