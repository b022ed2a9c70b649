import type { InPageDocument, InPageElement, InPageFormControl, InPageWindow } from '../in-page-dom.js';

declare const document: InPageDocument;
declare const window: InPageWindow;

/** A page-coordinate box in CSS px (0 × 0 when the element is not rendered). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface UxScan {
  viewport: { width: number; height: number; documentHeight: number };
  navigation: { kind: string; label: string; items: number; orientation: string; box: Box }[];
  forms: {
    purpose: string;
    fields: number;
    fieldTypes: string[];
    submit: string;
    method: string;
    action: string;
    box: Box;
  }[];
  callsToAction: { text: string; kind: string; href: string | null; prominent: boolean; box: Box }[];
  modals: { label: string; open: boolean; trigger: string | null; box: Box }[];
  search: { inputName: string; action: string; placeholder: string; box: Box } | null;
  pagination: {
    pages: number;
    current: number | null;
    hasNext: boolean;
    hasPrev: boolean;
    box: Box;
  } | null;
  breadcrumbs: { items: string[]; box: Box } | null;
  cards: { selector: string; count: number; hasImage: boolean; hasHeading: boolean; box: Box }[];
  lists: { kind: string; items: number; box: Box }[];
  disclosures: { kind: string; items: number; label: string; box: Box }[];
}

export interface UxLimits {
  maxEach: number;
  maxScan: number;
  cta: string;
}

/**
 * In the page: the UX patterns and their boxes, by landmarks, ARIA, common class names and link texts.
 * One function, long as it is: it travels to the page as source text and runs in one evaluation, so its
 * helpers live inside it.
 */
export function scanUxPatterns(limits: UxLimits): UxScan {
  const CTA = new RegExp(limits.cta, 'i');
  const STATE_CLASS =
    /^(is-|has-)|^(active|selected|current|open|opened|closed|expanded|collapsed|disabled|hidden|visible|show|featured)$/;
  const sx = window.scrollX;
  const sy = window.scrollY;
  const boxOf = (element: InPageElement): Box => {
    const r = element.getBoundingClientRect();
    return {
      x: Math.round(r.left + sx),
      y: Math.round(r.top + sy),
      width: Math.round(r.width),
      height: Math.round(r.height),
    };
  };
  const clean = (value: string | null | undefined, max = 80) =>
    (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  const labelOf = (element: InPageElement): string => {
    const labelledBy = element.getAttribute('aria-labelledby');
    const byId = labelledBy ? document.getElementById(labelledBy.split(/\s+/)[0]!)?.textContent : null;
    return clean(
      element.getAttribute('aria-label') || byId || element.querySelector('h1,h2,h3,h4,legend')?.textContent,
    );
  };
  const all = (selector: string, root: InPageElement | InPageDocument = document): InPageElement[] =>
    Array.from(root.querySelectorAll(selector)).slice(0, limits.maxScan);
  const take = <T>(items: T[]): T[] => items.slice(0, limits.maxEach);
  const style = (element: InPageElement, property: string) =>
    window.getComputedStyle(element).getPropertyValue(property);

  // Navigation
  const navs = all('nav,[role=navigation]').filter(
    (nav) => !nav.parentElement?.closest('nav,[role=navigation]'),
  );
  const navigation = take(
    navs.map((nav) => {
      const label = labelOf(nav);
      const links = all('a[href]', nav);
      const box = boxOf(nav);
      const hint = `${label} ${nav.getAttribute('class') ?? ''}`.toLowerCase();
      const kind = /breadcrumb/.test(hint)
        ? 'breadcrumb'
        : /pagination|pager/.test(hint)
          ? 'pagination'
          : nav.closest('header,[role=banner]')
            ? 'header'
            : nav.closest('footer,[role=contentinfo]')
              ? 'footer'
              : nav.closest('aside,[role=complementary]') ||
                  (box.width < window.innerWidth * 0.35 && box.height > box.width)
                ? 'sidebar'
                : 'inline';
      const tops = links.slice(0, 2).map((a) => Math.round(a.getBoundingClientRect().top));
      return {
        kind,
        label,
        items: links.length,
        orientation: tops.length === 2 && Math.abs(tops[0]! - tops[1]!) <= 4 ? 'horizontal' : 'vertical',
        box,
      };
    }),
  );

  // Forms and search
  const controlsOf = (form: InPageElement) =>
    all('input,select,textarea', form).filter(
      (c) => !/^(hidden|submit|button|reset|image)$/.test((c as InPageFormControl).type ?? ''),
    ) as InPageFormControl[];
  const purposeOf = (form: InPageElement, controls: InPageFormControl[]): string => {
    const names = controls
      .map((c) => `${c.name} ${c.id} ${c.type} ${c.getAttribute('autocomplete') ?? ''}`)
      .join(' ')
      .toLowerCase();
    const types = controls.map((c) => c.type);
    const hint =
      `${form.getAttribute('role') ?? ''} ${form.getAttribute('class') ?? ''} ${form.getAttribute('action') ?? ''} ${labelOf(form)}`.toLowerCase();
    if (/search/.test(hint) || types.includes('search') || /\b(q|query|search|keywords?)\b/.test(names))
      return 'search';
    if (
      /checkout|payment|shipping|billing/.test(hint) ||
      /\b(cc-|card|cvc|cvv|postal|zip|shipping|billing)/.test(names)
    )
      return 'checkout';
    if (types.includes('password')) return controls.length <= 3 ? 'login' : 'signup';
    if (/newsletter|subscribe/.test(hint) || (controls.length === 1 && types[0] === 'email'))
      return 'newsletter';
    if (controls.some((c) => c.localName === 'textarea') && /mail/.test(names)) return 'contact';
    if (/filter|sort/.test(hint + names)) return 'filter';
    return 'other';
  };
  const formElements = all('form,[role=search]').filter((f) => f.localName === 'form' || !f.closest('form'));
  const forms = take(
    formElements.map((form) => {
      const controls = controlsOf(form);
      const submit = form.querySelector('button:not([type=button]):not([type=reset]),input[type=submit]');
      return {
        purpose: purposeOf(form, controls),
        fields: controls.length,
        fieldTypes: [...new Set(controls.map((c) => (c.localName === 'input' ? c.type : c.localName)))],
        submit: clean(
          submit
            ? submit.textContent || submit.getAttribute('value') || submit.getAttribute('aria-label')
            : '',
        ),
        method: (form.getAttribute('method') ?? 'get').toLowerCase(),
        action: form.getAttribute('action') ?? '',
        box: boxOf(form),
      };
    }),
  );
  const searchForm = formElements.find((f, i) => forms[i]?.purpose === 'search');
  const searchInput = searchForm?.querySelector(
    'input[type=search],input[name=q],input[name=query],input[name=search],input[type=text]',
  ) as InPageFormControl | null | undefined;
  const search = searchForm
    ? {
        inputName: searchInput?.name ?? '',
        action: searchForm.getAttribute('action') ?? '',
        placeholder: searchInput?.getAttribute('placeholder') ?? '',
        box: boxOf(searchForm),
      }
    : null;

  // Calls to action
  const callsToAction = take(
    all('button,a[href],input[type=submit],[role=button]')
      .filter((el) => !el.closest('nav,[role=navigation],footer'))
      .map((el) => {
        const text = clean(el.textContent || el.getAttribute('value') || el.getAttribute('aria-label'), 60);
        const classy = /\b(btn|button|cta)\b/i.test(el.getAttribute('class') ?? '');
        return { el, text, classy };
      })
      .filter(({ text, classy }) => text !== '' && (CTA.test(text) || classy))
      .map(({ el, text }) => {
        const background = style(el, 'background-color');
        return {
          text,
          kind: el.localName === 'a' ? 'link' : 'button',
          href: el.getAttribute('href'),
          prominent: !/^(rgba\(0, 0, 0, 0\)|transparent|rgb\(255, 255, 255\))$/.test(background),
          box: boxOf(el),
        };
      }),
  );

  // Modals
  const modals = take(
    all('dialog,[role=dialog],[role=alertdialog],[aria-modal=true],.modal').map((modal) => {
      const id = modal.id;
      const trigger = id
        ? document.querySelector(
            `[aria-controls="${id}"],[href="#${id}"],[data-target="#${id}"],[data-bs-target="#${id}"],[data-modal="${id}"]`,
          )
        : null;
      const box = boxOf(modal);
      return {
        label: labelOf(modal),
        open:
          modal.hasAttribute('open') ||
          (box.width > 0 && box.height > 0 && style(modal, 'visibility') !== 'hidden'),
        trigger: trigger ? clean(trigger.textContent || trigger.getAttribute('aria-label'), 60) : null,
        box,
      };
    }),
  );

  // Pagination
  const pager =
    document.querySelector(
      '[aria-label*=pagination i],.pagination,.pager,[role=navigation][aria-label*=page i]',
    ) ??
    document.querySelector('a[rel~=next],a[rel~=prev]')?.closest('nav,ul,ol,div') ??
    null;
  let pagination: UxScan['pagination'] = null;
  if (pager) {
    const links = all('a[href]', pager);
    const numbers = links.map((a) => clean(a.textContent)).filter((t) => /^\d+$/.test(t));
    const currentText = clean(pager.querySelector('[aria-current=page],.current,.active')?.textContent);
    pagination = {
      pages: numbers.length + (/^\d+$/.test(currentText) ? 1 : 0),
      current: /^\d+$/.test(currentText) ? Number(currentText) : null,
      hasNext: links.some(
        (a) => /(^|\s)next(\s|$)/i.test(a.getAttribute('rel') ?? '') || /next|›|»/i.test(a.textContent ?? ''),
      ),
      hasPrev: links.some(
        (a) => /(^|\s)prev(\s|$)/i.test(a.getAttribute('rel') ?? '') || /prev|‹|«/i.test(a.textContent ?? ''),
      ),
      box: boxOf(pager),
    };
  }

  // Breadcrumbs
  const crumbs = document.querySelector(
    '[aria-label*=breadcrumb i],.breadcrumb,.breadcrumbs,[itemtype$=BreadcrumbList]',
  );
  const breadcrumbs = crumbs
    ? {
        items:
          all('li', crumbs).length > 0
            ? all('li', crumbs)
                .map((li) => clean(li.textContent, 60))
                .filter(Boolean)
                .slice(0, 10)
            : all('a', crumbs)
                .map((a) => clean(a.textContent, 60))
                .filter(Boolean)
                .slice(0, 10),
        box: boxOf(crumbs),
      }
    : null;

  // Cards: three or more siblings of the same tag and classes holding a link and an image or heading.
  const groups = new Map<InPageElement, Map<string, InPageElement[]>>();
  for (const el of all('article,li[class],div[class],section[class]')) {
    const parent = el.parentElement;
    if (!parent || el.closest('nav,[role=navigation]')) continue;
    // State classes (is-featured, active) do not make another kind of card.
    const classes = Array.from(el.classList).filter((c) => !STATE_CLASS.test(c));
    const key = `${el.localName}.${classes.sort().join('.')}`;
    const byKey = groups.get(parent) ?? new Map<string, InPageElement[]>();
    byKey.set(key, [...(byKey.get(key) ?? []), el]);
    groups.set(parent, byKey);
  }
  const cardContainers = new Set<InPageElement>();
  const cards: UxScan['cards'] = [];
  for (const [parent, byKey] of groups)
    for (const [key, items] of byKey) {
      const first = items[0]!;
      if (items.length < 3 || !first.querySelector('a[href],button')) continue;
      const hasImage = first.querySelector('img,picture,svg') !== null;
      const hasHeading = first.querySelector('h1,h2,h3,h4,h5,h6') !== null;
      if (!hasImage && !hasHeading) continue;
      cardContainers.add(parent);
      if (cards.length < limits.maxEach)
        cards.push({ selector: key, count: items.length, hasImage, hasHeading, box: boxOf(parent) });
    }

  // Content lists (not navigation, not card grids)
  const lists = take(
    all('main ul, main ol, main dl, article ul, article ol')
      .filter((list) => !list.closest('nav,[role=navigation]') && !cardContainers.has(list))
      .map((list) => ({
        kind: list.localName,
        items: list.localName === 'dl' ? all('dt', list).length : all(':scope > li', list).length,
        box: boxOf(list),
      }))
      .filter((l) => l.items >= 3),
  );

  // Tabs, accordions, disclosures
  const disclosures = take([
    ...all('[role=tablist]').map((t) => ({
      kind: 'tabs',
      items: all('[role=tab]', t).length,
      label: labelOf(t),
      box: boxOf(t),
    })),
    ...all('details').map((d) => ({
      kind: 'accordion',
      items: 1,
      label: clean(d.querySelector('summary')?.textContent, 60),
      box: boxOf(d),
    })),
    ...all('button[aria-expanded],[role=button][aria-expanded]')
      .filter((b) => !b.closest('nav,[role=navigation],[role=tablist]'))
      .map((b) => ({ kind: 'disclosure', items: 1, label: clean(b.textContent, 60), box: boxOf(b) })),
  ]);

  return {
    viewport: {
      width: window.innerWidth,
      height: window.innerHeight,
      documentHeight: document.documentElement.scrollHeight,
    },
    navigation,
    forms,
    callsToAction,
    modals,
    search,
    pagination,
    breadcrumbs,
    cards,
    lists,
    disclosures,
  };
}
