import { Element, isTag } from 'domhandler';
import { classicRootClasses, isPropertyClass, isRootClass, CLASSIC_ROOTS } from './microformat-classes.js';
import { pySplit } from './python-strings.js';

/**
 * Classic microformats (hCard, hEntry…) read as microformats2, with mf2py's rules (its
 * `backcompat-rules/*.json`): a classic root gets its mf2 type, and its descendants (down to the next
 * root) get the mf2 property classes their classic names stand for. mf2py rewrites a copy of the tree;
 * here the rewritten classes live in an overlay over the shared, untouched tree.
 *
 * Rules are written `classic classes=new,classes; …`: every classic class must be present; the new ones
 * are added. (`p-location h-geo` is one class with a space in mf2py's rules, so it never matches; kept.)
 */
const RULES: Readonly<Record<string, { type: string; classes: string; rels?: string }>> = {
  adr: {
    type: 'h-adr',
    classes:
      'locality=p-locality; region=p-region; extended-address=p-extended-address; post-office-box=p-post-office-box; street-address=p-street-address; postal-code=p-postal-code; country-name=p-country-name',
  },
  geo: { type: 'h-geo', classes: 'latitude=p-latitude; longitude=p-longitude' },
  hentry: {
    type: 'h-entry',
    classes:
      'category=p-category; entry-title=p-name; published=dt-published; latitude=p-latitude; entry-content=e-content; entry-summary=p-summary; author=p-author,h-card; geo=p-geo,h-geo; updated=dt-updated; longitude=p-longitude',
    rels: 'bookmark=u-url; tag=p-category',
  },
  hfeed: {
    type: 'h-feed',
    classes:
      'category=p-category; site-description=p-summary; description=p-summary; site-title=p-name; title=p-name',
    rels: 'tag=p-category',
  },
  hproduct: {
    type: 'h-product',
    classes:
      'category=p-category; price=p-price; description=p-description; url=u-url; photo=u-photo; brand=p-brand; identifier=u-identifier; review=p-review,h-review; fn=p-name',
  },
  hrecipe: {
    type: 'h-recipe',
    classes:
      'nutrition=p-nutrition; yield=p-yield; author=p-author,h-card; duration=dt-duration; photo=u-photo; instructions=e-instructions; summary=p-summary; fn=p-name; ingredient=p-ingredient; category=p-category',
    rels: 'tag=p-category',
  },
  hresume: {
    type: 'h-resume',
    classes:
      'experience=h-event,p-experience; summary=p-summary; affiliation=p-affiliation,h-card; contact=h-card,p-contact; skill=p-skill; education=h-event,p-education',
  },
  'hreview-aggregate': {
    type: 'h-review-aggregate',
    classes:
      'rating=p-rating; description=p-description; photo=u-photo; worst=p-worst; reviewer=p-reviewer,p-author,h-card; best=p-best; count=p-count; votes=p-votes; dtreviewed=dt-reviewed; url=u-url; summary=p-name; fn=p-item,h-item,p-name',
  },
  hreview: {
    type: 'h-review',
    classes:
      'rating=p-rating; worst=p-worst; dtreviewed=dt-reviewed; reviewer=p-author,h-card; url=p-item,h-item,u-url; photo=p-item,h-item,u-photo; best=p-best; description=p-description; fn=p-item,h-item,p-name; summary=p-name; item vcard=p-item,vcard; item vevent=p-item,vevent; item hproduct=p-item,hproduct',
    rels: 'self bookmark=u-url; tag=p-category',
  },
  vcard: {
    type: 'h-card',
    classes:
      'tel=p-tel; honorific-suffix=p-honorific-suffix; family-name=p-family-name; photo=u-photo; logo=u-logo; postal-code=p-postal-code; country-name=p-country-name; uid=u-uid; category=p-category; adr=p-adr,h-adr; locality=p-locality; nickname=p-nickname; label=p-label; note=p-note; street-address=p-street-address; latitude=p-latitude; email=u-email; bday=dt-bday; extended-address=p-extended-address; additional-name=p-additional-name; organization-unit=p-organization-unit; given-name=p-given-name; key=u-key; org=p-org; honorific-prefix=p-honorific-prefix; geo=p-geo,h-geo; fn=p-name; url=u-url; region=p-region; longitude=p-longitude; organization-name=p-organization-name; title=p-job-title; role=p-role',
  },
  vevent: {
    type: 'h-event',
    classes:
      'attendee=p-attendee; description=p-description; duration=dt-duration; dtend=dt-end; dtstart=dt-start; geo=p-location h-geo; organizer=p-organizer; category=p-category; url=u-url; summary=p-name; contact=p-contact; location=p-location',
  },
};

interface Rule {
  when: string[];
  add: string[];
}

function parseRules(text: string | undefined): Rule[] {
  if (text === undefined) return [];
  return text.split('; ').map((entry) => {
    const [when, add] = entry.split('=') as [string, string];
    return { when: when.split(' '), add: add.split(',') };
  });
}

const CLASS_RULES = new Map(Object.entries(RULES).map(([root, rule]) => [root, parseRules(rule.classes)]));
const REL_RULES = new Map(Object.entries(RULES).map(([root, rule]) => [root, parseRules(rule.rels)]));

/**
 * The classes and `rel` tokens microformat parsing sees: the element's own, unless a backward-compatible
 * rewrite changed them. Layered: a classic root inside another gets its own layer, which disappears with it.
 */
export class MicroformatView {
  readonly #parent: MicroformatView | null;
  readonly #classes = new Map<Element, string[]>();
  readonly #rels = new Map<Element, string[]>();
  readonly #inserted = new Map<Element, Element[]>();

  constructor(parent: MicroformatView | null = null) {
    this.#parent = parent;
  }

  classes(element: Element): string[] {
    return (
      this.#classes.get(element) ?? this.#parent?.classes(element) ?? pySplit(element.attribs['class'] ?? '')
    );
  }

  rels(element: Element): string[] {
    return this.#rels.get(element) ?? this.#parent?.rels(element) ?? pySplit(element.attribs['rel'] ?? '');
  }

  /** Element children (template content left out), with the elements a rewrite put before them. */
  children(element: Element): Element[] {
    const children: Element[] = [];
    for (const child of element.children) {
      if (!isTag(child) || child.name === 'template') continue;
      const before = this.#inserted.get(child) ?? this.#parent?.insertedBefore(child);
      if (before !== undefined) children.push(...before);
      children.push(child);
    }
    return children;
  }

  insertedBefore(element: Element): Element[] | undefined {
    return this.#inserted.get(element) ?? this.#parent?.insertedBefore(element);
  }

  /** A layer in which `root` (a classic root) and its descendants carry their mf2 classes. */
  withBackcompat(root: Element): MicroformatView {
    const view = new MicroformatView(this);
    const classes = this.classes(root);
    const roots = classicRootClasses(classes);
    view.#classes.set(root, [...classes, ...roots.map((name) => RULES[name]?.type as string)]);
    const classRules = roots.flatMap((name) => CLASS_RULES.get(name) ?? []);
    const relRules = roots.flatMap((name) => REL_RULES.get(name) ?? []);
    const stack: Element[] = [root];
    while (stack.length > 0) {
      const parent = stack.pop() as Element;
      for (const child of this.children(parent)) {
        const original = view.classes(child);
        const rewritten = original.filter((name) => !isPropertyClass(name));
        for (const rule of classRules)
          if (rule.when.every((name) => rewritten.includes(name))) addAll(rewritten, rule.add);
        let rels = view.rels(child);
        for (const rule of relRules) {
          if (!rule.when.every((rel) => rels.includes(rel))) continue;
          if (rule.when.includes('tag')) rels = view.#tagToCategory(child, rels);
          else addAll(rewritten, rule.add);
        }
        view.#classes.set(child, rewritten);
        view.#rels.set(child, rels);
        if (!original.some((name) => isRootClass(name) || CLASSIC_ROOTS.has(name))) stack.push(child);
      }
    }
    return view;
  }

  /**
   * `rel=tag` is a category named by the link's last path segment: mf2py inserts
   * `<data class="p-category" value="segment">` before the link and drops `tag` from its `rel`.
   */
  #tagToCategory(link: Element, rels: string[]): string[] {
    const href = link.attribs['href'] ?? '';
    const segments = href.split('/').filter((segment) => segment !== '');
    if (!rels.includes('tag') || href === '' || segments.length === 0) return rels;
    const data = new Element('data', { class: 'p-category', value: unquote(segments.at(-1) as string) });
    this.#inserted.set(link, [...(this.insertedBefore(link) ?? []), data]);
    return rels.filter((rel) => rel !== 'tag');
  }
}

function addAll(classes: string[], names: readonly string[]): void {
  for (const name of names) if (!classes.includes(name)) classes.push(name);
}

/** Python's `urllib.parse.unquote`: percent-decoding as UTF-8, invalid sequences kept as written. */
function unquote(value: string): string {
  return value.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}
