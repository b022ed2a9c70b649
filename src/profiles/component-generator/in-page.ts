import type { InPageDocument, InPageElement, InPageStyleSheet, InPageWindow } from '../in-page-dom.js';

declare const document: InPageDocument;
declare const window: InPageWindow;

/** A prop-like slot: a text or attribute that differs between a component's instances. */
export interface FoundProp {
  name: string;
  source: 'text' | 'attribute';
  attribute: string | null;
  examples: string[];
}

/** Repeated subtrees sharing one structural signature, as found in the page. */
export interface FoundComponent {
  name: string;
  signature: string;
  tag: string;
  instances: number;
  elements: number;
  structure: string;
  props: FoundProp[];
  fixedSlots: number;
  display: string;
  containerDisplay: string;
  styles: Record<string, string>;
  breakpoints: string[];
  aria: string[];
  states: string[];
  hasClass: boolean;
  box: { x: number; y: number; width: number; height: number };
  /** Names of the components whose instances contain this one's. */
  insideOf: string[];
}

export interface ComponentScan {
  elements: number;
  covered: number;
  components: FoundComponent[];
}

export interface ComponentLimits {
  maxElements: number;
  depth: number;
  minInstances: number;
  minElements: number;
  maxComponents: number;
  maxInstancesRead: number;
  maxProps: number;
  maxExamples: number;
  maxMediaRules: number;
}

/**
 * In the page: structural signatures bottom-up (tag and class skeleton, then children's signatures to
 * `depth` levels, consecutive repeats collapsed so lists of any length match), grouped; a group whose
 * every instance sits one-to-one inside another group's is a part of it, not a component.
 */
export function scanComponents(limits: ComponentLimits): ComponentScan {
  const SKIP = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'br', 'wbr']);
  const STATE_CLASS =
    /^(is-|has-)|^(active|selected|current|open|opened|closed|expanded|collapsed|disabled|hidden|visible|show)$/;
  const body = document.body;
  if (!body) return { elements: 0, covered: 0, components: [] };

  // Pre-order walk: elements, parents, children (indices), skeletons.
  const elements: InPageElement[] = [];
  const parent: number[] = [];
  const children: number[][] = [];
  const skeleton: string[] = [];
  const stack: [InPageElement, number][] = [[body, -1]];
  while (stack.length > 0 && elements.length < limits.maxElements) {
    const [element, parentIndex] = stack.pop()!;
    const index = elements.length;
    elements.push(element);
    parent.push(parentIndex);
    children.push([]);
    if (parentIndex >= 0) children[parentIndex]!.push(index);
    const classes = Array.from(element.classList)
      .filter((c) => !STATE_CLASS.test(c) && !/\d{3,}|[0-9a-f]{6,}/i.test(c))
      .sort();
    skeleton.push(element.localName + classes.map((c) => `.${c}`).join(''));
    const kids = element.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!;
      if (!SKIP.has(kid.localName)) stack.push([kid, index]);
    }
  }
  const n = elements.length;

  // Signatures and subtree sizes, children before parents (reverse pre-order).
  let signature = skeleton.slice();
  for (let d = 1; d <= limits.depth; d++) {
    const next = new Array<string>(n);
    for (let i = n - 1; i >= 0; i--) {
      const parts: string[] = [];
      for (const c of children[i]!) {
        const s = signature[c]!;
        if (parts[parts.length - 1] !== s) parts.push(s);
      }
      next[i] = parts.length ? `${skeleton[i]}(${parts.join(',')})` : skeleton[i]!;
    }
    signature = next;
  }
  const size = new Array<number>(n).fill(1);
  for (let i = n - 1; i > 0; i--) size[parent[i]!]! += size[i]!;

  const groups = new Map<string, number[]>();
  for (let i = 1; i < n; i++) {
    if (size[i]! < limits.minElements) continue;
    const list = groups.get(signature[i]!);
    if (list) list.push(i);
    else groups.set(signature[i]!, [i]);
  }
  const candidates = [...groups].filter(([, list]) => list.length >= limits.minInstances);
  const groupOf = new Map<number, number>();
  candidates.forEach(([, list], g) => list.forEach((i) => groupOf.set(i, g)));
  // Nearest enclosing instance of another group, per instance.
  const enclosing = (i: number): number => {
    for (let p = parent[i]!; p >= 0; p = parent[p]!) if (groupOf.has(p)) return p;
    return -1;
  };
  const kept = candidates.filter(([, list], g) => {
    const owners = list.map(enclosing);
    if (owners.some((o) => o < 0)) return true;
    const ownerGroups = new Set(owners.map((o) => groupOf.get(o)));
    if (ownerGroups.size !== 1) return true;
    const owner = [...ownerGroups][0]!;
    // One-to-one inside one other group: a part of that component.
    return !(
      owner !== g &&
      candidates[owner]![1].length === list.length &&
      new Set(owners).size === list.length
    );
  });
  kept.sort((a, b) => b[1].length * size[b[1][0]!]! - a[1].length * size[a[1][0]!]!);
  const top = kept.slice(0, limits.maxComponents);

  // Media rules of same-origin stylesheets, flattened: [media text, selectors inside].
  const mediaRules: [string, string][] = [];
  for (const sheet of Array.from(document.styleSheets) as InPageStyleSheet[]) {
    let rules;
    try {
      rules = Array.from(sheet.cssRules);
    } catch {
      continue; // cross-origin sheet
    }
    for (const rule of rules) {
      if (mediaRules.length >= limits.maxMediaRules) break;
      if (!rule.media || !rule.cssRules) continue;
      const selectors = Array.from(rule.cssRules)
        .map((r) => r.selectorText ?? '')
        .join(' ');
      mediaRules.push([rule.media.mediaText, selectors]);
    }
  }

  const clip = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 60);
  const usedNames = new Set<string>();
  const covered = new Set<number>();
  const components: FoundComponent[] = top.map(([sig, list]) => {
    const root = list[0]!;
    const first = elements[root]!;
    const classes = Array.from(first.classList).filter((c) => !STATE_CLASS.test(c));
    let name = classes[0] ?? first.getAttribute('role') ?? `${first.localName}-item`;
    for (let k = 2; usedNames.has(name); k++) name = `${classes[0] ?? first.localName}-${k}`;
    usedNames.add(name);

    // Slots: own text and attributes of each element, keyed by its skeleton path from the root.
    const slots = new Map<string, { values: Set<string>; name: string; attribute: string | null }>();
    const aria = new Set<string>();
    const states = new Set<string>();
    const classNames = new Set<string>();
    for (const instance of list.slice(0, limits.maxInstancesRead)) {
      const walk: [number, string][] = [[instance, skeleton[instance]!]];
      while (walk.length > 0) {
        const [i, path] = walk.pop()!;
        const element = elements[i]!;
        const base =
          Array.from(element.classList).filter((c) => !STATE_CLASS.test(c))[0] ??
          (i === instance ? name : element.localName);
        for (const c of Array.from(element.classList)) {
          classNames.add(c);
          if (STATE_CLASS.test(c)) states.add(`class:${c}`);
        }
        let own = '';
        for (const node of Array.from(element.childNodes))
          if (node.nodeType === 3) own += node.textContent ?? '';
        const slot = (key: string, slotName: string, attribute: string | null, value: string) => {
          const entry = slots.get(key) ?? { values: new Set<string>(), name: slotName, attribute };
          entry.values.add(value);
          slots.set(key, entry);
        };
        if (own.trim()) slot(`${path}#text`, base, null, clip(own));
        for (const attr of Array.from(element.attributes)) {
          const an = attr.name;
          if (an === 'role' || an.startsWith('aria-')) aria.add(an === 'role' ? `role=${attr.value}` : an);
          if (
            /^aria-(expanded|pressed|selected|current|checked|disabled|hidden)$/.test(an) ||
            an === 'disabled'
          )
            states.add(an);
          if (/^(href|src|alt|title|value|datetime|aria-label|data-.+)$/.test(an))
            slot(`${path}@${an}`, `${base}-${an.replace(/^data-/, '')}`, an, clip(attr.value));
        }
        for (const c of children[i]!) walk.push([c, `${path}>${skeleton[c]}`]);
      }
    }
    const props: FoundProp[] = [];
    let fixedSlots = 0;
    for (const slot of slots.values()) {
      if (slot.values.size < 2) {
        fixedSlots++;
        continue;
      }
      if (props.length < limits.maxProps)
        props.push({
          name: slot.name,
          source: slot.attribute ? 'attribute' : 'text',
          attribute: slot.attribute,
          examples: [...slot.values].slice(0, limits.maxExamples),
        });
    }

    for (const instance of list) {
      const end = instance + size[instance]!;
      for (let i = instance; i < end; i++) covered.add(i);
    }
    const style = window.getComputedStyle(first);
    const container = first.parentElement;
    const containerClasses = container ? Array.from(container.classList) : [];
    const mentions = [...classNames, ...containerClasses].map((c) => `.${c}`);
    const box = first.getBoundingClientRect();
    const structure = (i: number, depth: number): string => {
      const kids: string[] = [];
      for (const c of children[i]!) {
        const s = depth > 1 ? structure(c, depth - 1) : skeleton[c]!;
        if (kids[kids.length - 1] !== s) kids.push(s);
      }
      return kids.length ? `${skeleton[i]} > (${kids.join(' + ')})` : skeleton[i]!;
    };
    return {
      name,
      signature: sig,
      tag: first.localName,
      instances: list.length,
      elements: size[root]!,
      structure: structure(root, 2),
      props,
      fixedSlots,
      display: style.getPropertyValue('display'),
      containerDisplay: container ? window.getComputedStyle(container).getPropertyValue('display') : '',
      styles: {
        display: style.getPropertyValue('display'),
        flexDirection: style.getPropertyValue('flex-direction'),
        gap: style.getPropertyValue('gap'),
        padding: style.getPropertyValue('padding'),
        borderRadius: style.getPropertyValue('border-radius'),
        boxShadow: style.getPropertyValue('box-shadow'),
        backgroundColor: style.getPropertyValue('background-color'),
        fontSize: style.getPropertyValue('font-size'),
      },
      breakpoints: [
        ...new Set(
          mediaRules
            .filter(([, selectors]) =>
              mentions.some((m) =>
                new RegExp(`${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(selectors),
              ),
            )
            .map(([media]) => media),
        ),
      ],
      aria: [...aria].sort(),
      states: [...states].sort(),
      hasClass: classes.length > 0,
      box: {
        x: Math.round(box.left + window.scrollX),
        y: Math.round(box.top + window.scrollY),
        width: Math.round(box.width),
        height: Math.round(box.height),
      },
      insideOf: [],
    };
  });

  // Containment between the reported components.
  const rootsOf = top.map(([, list]) => list);
  components.forEach((component, c) => {
    components.forEach((other, o) => {
      if (o === c) return;
      const inside = rootsOf[c]!.some((i) => {
        for (let p = parent[i]!; p >= 0; p = parent[p]!) if (rootsOf[o]!.includes(p)) return true;
        return false;
      });
      if (inside) component.insideOf.push(other.name);
    });
  });
  return { elements: n, covered: covered.size, components };
}
