import type { PageSnapshot } from '../profile.js';
import type { Box, UxScan } from './in-page.js';
import { UX_PATTERNS, type UxAttributes } from './spec.js';

export function uxAttributes(scan: UxScan, _page: PageSnapshot): UxAttributes {
  const fold = scan.viewport.height;
  const above = (box: Box) => box.width > 0 && box.height > 0 && box.y < fold;
  const present = <T extends object>(value: T | null) =>
    value ? { ...value, present: true as const } : { present: false as const };
  const instances: Record<(typeof UX_PATTERNS)[number], Box[]> = {
    navigation: scan.navigation.map((n) => n.box),
    search: scan.search ? [scan.search.box] : [],
    breadcrumbs: scan.breadcrumbs ? [scan.breadcrumbs.box] : [],
    calls_to_action: scan.callsToAction.map((c) => c.box),
    forms: scan.forms.map((f) => f.box),
    cards: scan.cards.map((c) => c.box),
    lists: scan.lists.map((l) => l.box),
    pagination: scan.pagination ? [scan.pagination.box] : [],
    modals: scan.modals.map((m) => m.box),
    disclosures: scan.disclosures.map((d) => d.box),
  };
  return {
    navigation: scan.navigation,
    forms: scan.forms,
    calls_to_action: scan.callsToAction.map((c) => ({ ...c, aboveFold: above(c.box) })),
    modals: scan.modals,
    search: present(scan.search),
    pagination: present(scan.pagination),
    breadcrumbs: present(scan.breadcrumbs),
    cards: scan.cards,
    lists: scan.lists,
    disclosures: scan.disclosures,
    patterns: UX_PATTERNS.filter((p) => instances[p].length > 0),
    above_the_fold: UX_PATTERNS.filter((p) => instances[p].some(above)),
    viewport: scan.viewport,
  };
}
