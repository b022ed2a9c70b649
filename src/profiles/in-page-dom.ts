/**
 * The few DOM shapes the profiles' in-page functions read. The project compiles without the DOM library
 * (it would retype timers and `fetch` for all the Node code), so each in-page file declares the browser
 * globals it uses with these types, module-scoped (`declare const document: InPageDocument;` emits
 * nothing). Only what the profiles touch is here; everything is read-only.
 */

export interface InPageRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
}

export interface InPageNode {
  /** 1 for elements, 3 for text. */
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly parentNode: InPageNode | null;
  readonly childNodes: ArrayLike<InPageNode>;
}

export interface InPageElement extends InPageNode {
  readonly tagName: string;
  /** The lower-case tag name. */
  readonly localName: string;
  readonly id: string;
  readonly classList: ArrayLike<string>;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  readonly children: ArrayLike<InPageElement>;
  readonly parentElement: InPageElement | null;
  readonly childElementCount: number;
  readonly tabIndex: number;
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  /** The rendered text (HTML elements only; layout-aware, so it costs a style pass when styles are dirty). */
  readonly innerText?: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  getBoundingClientRect(): InPageRect;
  querySelector(selectors: string): InPageElement | null;
  querySelectorAll(selectors: string): ArrayLike<InPageElement>;
  closest(selectors: string): InPageElement | null;
  matches(selectors: string): boolean;
  contains(other: InPageNode | null): boolean;
}

/** `<input>`, `<select>`, `<textarea>`, `<button>`. */
export interface InPageFormControl extends InPageElement {
  readonly type: string;
  readonly name: string;
  readonly value: string;
  readonly required: boolean;
  readonly disabled: boolean;
  readonly labels: ArrayLike<InPageElement> | null;
  readonly form: InPageElement | null;
}

export interface InPageStyle {
  getPropertyValue(name: string): string;
}

export interface InPageCssRule {
  readonly cssText: string;
  readonly selectorText?: string;
  /** `@media` rules. */
  readonly media?: { readonly mediaText: string };
  /** Grouping rules (`@media`, `@supports`, `@layer`). */
  readonly cssRules?: ArrayLike<InPageCssRule>;
}

export interface InPageStyleSheet {
  readonly href: string | null;
  /** Throws a SecurityError on a cross-origin sheet. */
  readonly cssRules: ArrayLike<InPageCssRule>;
}

export interface InPageDocument {
  readonly documentElement: InPageElement;
  readonly body: InPageElement | null;
  readonly title: string;
  /** What relative URLs resolve against (`<base href>` or the document URL). */
  readonly baseURI: string;
  readonly styleSheets: ArrayLike<InPageStyleSheet>;
  querySelector(selectors: string): InPageElement | null;
  querySelectorAll(selectors: string): ArrayLike<InPageElement>;
  getElementById(id: string): InPageElement | null;
  getElementsByTagName(name: string): ArrayLike<InPageElement>;
}

export interface InPageWindow {
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly scrollX: number;
  readonly scrollY: number;
  getComputedStyle(element: InPageElement): InPageStyle;
}

export interface InPagePerformanceEntry {
  readonly name: string;
  readonly entryType: string;
  readonly startTime: number;
  readonly duration: number;
}

export interface InPagePerformance {
  now(): number;
  getEntriesByType(type: string): InPagePerformanceEntry[];
}

export interface InPagePerformanceObserver {
  observe(options: { type: string; buffered: boolean }): void;
  takeRecords(): InPagePerformanceEntry[];
  disconnect(): void;
}

export interface InPagePerformanceObserverClass {
  new (callback: (list: { getEntries(): InPagePerformanceEntry[] }) => void): InPagePerformanceObserver;
  readonly supportedEntryTypes: readonly string[];
}
