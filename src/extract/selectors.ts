import { compile } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { InvalidInputError, describeError } from '../core/index.js';
import { normalizeWhitespace, textOf } from './text.js';
import { resolveUrl } from './urls.js';

/**
 * Every compiled selector is tested against every element of every page, so the count is bounded: past
 * this, extraction cost grows with the job's configuration rather than with the pages.
 */
export const MAX_SELECTORS = 100;
const MAX_NAME_LENGTH = 100;
const NAME_PATTERN = /^[\p{L}_][\p{L}\p{N}_.:-]*$/u;
// The suffix `@attr` must look like an attribute name, so an `@` inside a quoted attribute value
// (`a[href^="mailto:x@y"]`) or escaped in a class name (`.w\@lg`) is never mistaken for it.
const ATTRIBUTE_SUFFIX = /(?<!\\)@([A-Za-z_:][-\w:.]*)$/;
// Attribute values that are references: resolved to absolute URLs like the page's own links.
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'data-src', 'poster']);

interface SelectorEntry {
  readonly name: string;
  readonly attribute: string | null;
  readonly matches: (element: Element) => boolean;
}

/**
 * A job's custom selectors, compiled once and reused for every page. Build with `compileSelectors`.
 * Matching happens inside extraction's single walk of the document: `collector()` gives the per-page state.
 */
export class CompiledSelectors {
  readonly #entries: readonly SelectorEntry[];

  /** @internal Use `compileSelectors`, which validates the spec. */
  constructor(entries: readonly SelectorEntry[]) {
    this.#entries = entries;
  }

  get names(): string[] {
    return this.#entries.map((entry) => entry.name);
  }

  /** Fresh per-page state: feed it every element once, then read the values. */
  collector(): SelectorCollector {
    return new SelectorCollector(this.#entries);
  }
}

/** One page's matches for a job's selectors. */
export class SelectorCollector {
  readonly #entries: readonly SelectorEntry[];
  readonly #matches: Element[][];

  constructor(entries: readonly SelectorEntry[]) {
    this.#entries = entries;
    this.#matches = entries.map(() => []);
  }

  visit(element: Element): void {
    for (let i = 0; i < this.#entries.length; i += 1) {
      if ((this.#entries[i] as SelectorEntry).matches(element)) (this.#matches[i] as Element[]).push(element);
    }
  }

  /** The values by name: normalized text, or the attribute (absolute when it is a reference); empty ones left out. */
  values(base: URL): Record<string, string[]> {
    const result: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
    this.#entries.forEach((entry, i) => {
      const values: string[] = [];
      for (const element of this.#matches[i] as Element[]) {
        const value = valueOf(element, entry.attribute, base);
        if (value !== null && value !== '') values.push(value);
      }
      result[entry.name] = values;
    });
    return result;
  }
}

function valueOf(element: Element, attribute: string | null, base: URL): string | null {
  if (attribute === null) return textOf(element);
  const raw = element.attribs[attribute];
  if (raw === undefined) return null;
  if (URL_ATTRIBUTES.has(attribute)) {
    const trimmed = raw.trim();
    return trimmed === '' ? null : (resolveUrl(trimmed, base)?.href ?? null);
  }
  return normalizeWhitespace(raw);
}

/**
 * Compiles a job's selectors: name → CSS selector, optionally ending in `@attr` to take that attribute
 * instead of the text.
 * @example compileSelectors({ price: '.price', image: 'img.main@src' })
 * @throws InvalidInputError naming `selectors.<name>` for a bad name or a selector that does not parse.
 */
export function compileSelectors(spec: Record<string, string>): CompiledSelectors {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new InvalidInputError(
      'selectors',
      'Selectors must be an object of name → CSS selector, for example {"price": ".price"}.',
    );
  }
  const names = Object.keys(spec);
  if (names.length > MAX_SELECTORS) {
    throw new InvalidInputError(
      'selectors',
      `${names.length} selectors given; at most ${MAX_SELECTORS} are allowed per job. Merge selectors with a comma ("h1, .title") or drop unused ones.`,
    );
  }
  return new CompiledSelectors(names.map((name) => compileEntry(name, spec[name])));
}

function compileEntry(name: string, value: unknown): SelectorEntry {
  const field = `selectors.${name}`;
  if (
    name.length === 0 ||
    name.length > MAX_NAME_LENGTH ||
    !NAME_PATTERN.test(name) ||
    name === '__proto__'
  ) {
    throw new InvalidInputError(
      field,
      `Selector name "${name}" is not usable: a name starts with a letter or "_" and holds only letters, digits, "_", "-", "." or ":" (at most ${MAX_NAME_LENGTH} characters), for example "price" or "main_image".`,
    );
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidInputError(
      field,
      `Selector for "${name}" is ${typeof value === 'string' ? 'empty' : `a ${typeof value}`}; give a CSS selector string such as ".price", or "img.main@src" to take an attribute.`,
    );
  }
  const suffix = ATTRIBUTE_SUFFIX.exec(value);
  const css = (suffix === null ? value : value.slice(0, suffix.index)).trim();
  const attribute = suffix === null ? null : (suffix[1] as string).toLowerCase();
  if (css === '') {
    throw new InvalidInputError(
      field,
      `Selector "${value}" for "${name}" names an attribute but no element; write the element first, as in "img.main@src".`,
    );
  }
  try {
    const query = compile<AnyNode, Element>(css, { xmlMode: false });
    return { name, attribute, matches: query };
  } catch (error) {
    throw new InvalidInputError(
      field,
      `Selector "${value}" for "${name}" is not valid CSS: ${describeError(error)}. Write a CSS selector such as ".price" or "h1.title", optionally ending in @attribute to take that attribute instead of the text (for example "img.main@src").`,
      { cause: error },
    );
  }
}
