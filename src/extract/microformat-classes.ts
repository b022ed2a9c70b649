import { pySplit } from './python-strings.js';

/**
 * microformats2 class names, as mf2py (extruct's parser) recognizes them. The `(:?` in its patterns reads
 * as an optional colon, not as a non-capturing group; kept, so that the same names are recognized.
 */
const PROPERTY_CLASS = /^(p|e|u|dt)-((:?[a-z0-9]+-)?[a-z]+(:?-[a-z]+)*)$/;
const ROOT_CLASS = /^h-(:?[a-z0-9]+-)?[a-z]+(:?-[a-z]+)*$/;

/** Classic (microformats 1) roots, parsed by the backward-compatible rules. */
export const CLASSIC_ROOTS: ReadonlySet<string> = new Set([
  'adr',
  'geo',
  'hentry',
  'hfeed',
  'hproduct',
  'hrecipe',
  'hresume',
  'hreview',
  'hreview-aggregate',
  'vcard',
  'vevent',
]);

// A cheap first look at a class attribute, run on every element of every page by the single walk.
const ROOT_HINT = /(?:^|\s)(?:h-|vcard|vevent|adr|geo|h(?:entry|feed|product|recipe|resume|review))/;

export interface PropertyClasses {
  p: string[];
  u: string[];
  dt: string[];
  e: string[];
}

export function isRootClass(name: string): boolean {
  return ROOT_CLASS.test(name);
}

export function isPropertyClass(name: string): boolean {
  return PROPERTY_CLASS.test(name);
}

/** The mf2 root classes (`h-*`) among `classes`, sorted and without duplicates, as the `type` list. */
export function rootClasses(classes: readonly string[]): string[] {
  return [...new Set(classes.filter(isRootClass))].sort();
}

/** The classic root classes among `classes`, sorted and without duplicates. */
export function classicRootClasses(classes: readonly string[]): string[] {
  return [...new Set(classes.filter((name) => CLASSIC_ROOTS.has(name)))].sort();
}

/** Property names by prefix, each once, in class order. */
export function propertyClasses(classes: readonly string[]): PropertyClasses {
  const found: PropertyClasses = { p: [], u: [], dt: [], e: [] };
  for (const name of classes) {
    const match = PROPERTY_CLASS.exec(name);
    if (match === null) continue;
    const list = found[match[1] as keyof PropertyClasses];
    const property = match[2] as string;
    if (!list.includes(property)) list.push(property);
  }
  return found;
}

/** Whether a class attribute makes its element a microformat root (mf2 or classic). */
export function hasMicroformatRoot(classAttribute: string): boolean {
  if (!ROOT_HINT.test(classAttribute)) return false;
  return pySplit(classAttribute).some((name) => isRootClass(name) || CLASSIC_ROOTS.has(name));
}
