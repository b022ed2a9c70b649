import type { InPageDocument, InPageElement, InPageFormControl, InPageWindow } from '../in-page-dom.js';

declare const document: InPageDocument;
declare const window: InPageWindow;

/** One text element failing WCAG 1.4.3. */
export interface ContrastFailure {
  target: string;
  foreground: string | null;
  background: string | null;
  ratio: number | null;
  expected: number | null;
  fontSize: string | null;
}

export interface ContrastLimits {
  /** Elements with their own text that are checked, at most. */
  maxElements: number;
  maxExamples: number;
}

/**
 * WCAG 1.4.3 contrast of the visible elements that hold text themselves: text colour against the
 * background behind it (the nearest backgrounds blended up the ancestors; text over an image or a
 * gradient is skipped, as axe reports it "incomplete"), required 4.5:1, or 3:1 for large text
 * (24 px, or 18.66 px bold). axe's own color-contrast rule does the same with overlap checks per element
 * and costs seconds on a table of a few thousand cells; this stays bounded by `maxElements`.
 */
export function checkContrast({ maxElements, maxExamples }: ContrastLimits): {
  failures: number;
  examples: ContrastFailure[];
} {
  type Rgba = [number, number, number, number];
  const parse = (value: string): Rgba | null => {
    const m = /^rgba?\(([^)]+)\)$/.exec(value.trim());
    if (!m) return null;
    const parts = m[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if (parts.length < 3 || parts.some((n) => !Number.isFinite(n))) return null;
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
  };
  const blend = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [
      top[0] * a + bottom[0] * (1 - a),
      top[1] * a + bottom[1] * (1 - a),
      top[2] * a + bottom[2] * (1 - a),
      1,
    ];
  };
  const luminance = (c: Rgba): number => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  };
  const hex = (c: Rgba) =>
    `#${c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('')}`;
  const WHITE: Rgba = [255, 255, 255, 1];
  const backgrounds = new Map<InPageElement, Rgba | null>();
  const backgroundOf = (element: InPageElement | null): Rgba | null => {
    if (!element) return WHITE;
    const known = backgrounds.get(element);
    if (known !== undefined) return known;
    const style = window.getComputedStyle(element);
    let result: Rgba | null;
    if (style.getPropertyValue('background-image') !== 'none') result = null;
    else {
      const own = parse(style.getPropertyValue('background-color')) ?? [0, 0, 0, 0];
      if (own[3] >= 1) result = own;
      else {
        const below = backgroundOf(element.parentElement);
        result = below === null ? null : own[3] === 0 ? below : blend(own, below);
      }
    }
    backgrounds.set(element, result);
    return result;
  };
  const selectorOf = (element: InPageElement): string => {
    const part = (e: InPageElement) =>
      e.id ? `${e.localName}#${e.id}` : e.classList.length ? `${e.localName}.${e.classList[0]}` : e.localName;
    const parent = element.parentElement;
    return parent && !element.id && parent.localName !== 'body'
      ? `${part(parent)} > ${part(element)}`
      : part(element);
  };

  let checked = 0;
  let failures = 0;
  const examples: ContrastFailure[] = [];
  const all = document.body ? document.body.querySelectorAll('*') : [];
  for (let i = 0; i < all.length && checked < maxElements; i++) {
    const element = all[i]!;
    if (/^(script|style|noscript|template|option|svg)$/.test(element.localName)) continue;
    let text = false;
    for (const node of Array.from(element.childNodes))
      if (node.nodeType === 3 && (node.textContent ?? '').trim() !== '') {
        text = true;
        break;
      }
    if (!text || (element as InPageFormControl).disabled === true) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const style = window.getComputedStyle(element);
    if (style.getPropertyValue('visibility') === 'hidden' || style.getPropertyValue('opacity') === '0')
      continue;
    checked++;
    const background = backgroundOf(element);
    const color = parse(style.getPropertyValue('color'));
    if (!background || !color) continue;
    const foreground = color[3] < 1 ? blend(color, background) : color;
    const [a, b] = [luminance(foreground), luminance(background)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.getPropertyValue('font-size'));
    const bold = Number(style.getPropertyValue('font-weight')) >= 700;
    const expected = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio >= expected) continue;
    failures++;
    if (examples.length < maxExamples)
      examples.push({
        target: selectorOf(element),
        foreground: hex(foreground),
        background: hex(background),
        ratio: Math.round(ratio * 100) / 100,
        expected,
        fontSize: `${size}px`,
      });
  }
  return { failures, examples };
}
