import { tableFor } from './table-names.js';

/** How sure a mapping is: the exact `data-{entity}-id` convention, a partial pattern, or an inference. */
export type MatchKind = 'exact' | 'partial' | 'inferred';

export const CONFIDENCE: Record<MatchKind, number> = { exact: 0.9, partial: 0.7, inferred: 0.6 };

/** One attribute of one element read as a reference to a row of a table. */
export interface Mapping {
  /** The attribute as written (`data-user-id`, `itemid`, `id`). */
  attribute: string;
  table: string;
  /** The column the value is taken to be: id, sku, key, uuid… */
  column: string;
  /** The general pattern it matched, e.g. `data-{entity}-id`, `data-sku`, `itemtype+itemid`. */
  pattern: string;
  kind: MatchKind;
  confidence: number;
  value: string;
}

const EXACT = /^data-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-id$/;
const GLUED_ID = /^data-([a-z][a-z0-9]*(?:-[a-z0-9]+)*?)(_id|id)$/;
const SUFFIXED = /^data-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)-(key|uuid|guid|ref|code|slug|number|no|handle|pk)$/;
const PRODUCT_CODES = new Set([
  'sku',
  'gtin',
  'gtin13',
  'gtin8',
  'gtin14',
  'upc',
  'ean',
  'isbn',
  'asin',
  'mpn',
]);
const GENERIC_IDS = new Set(['data-id', 'data-key', 'data-uid', 'data-pk', 'data-uuid', 'itemid']);
const ID_ATTRIBUTE = /^([a-z]{3,}(?:[-_][a-z]{3,})?)[-_](\d+|[0-9a-f]{8}-[0-9a-f-]{27})$/i;

// data-{word} attributes that hold settings or behaviour, not entity references.
const NOT_ENTITIES = new Set(
  (
    'toggle target index count page src srcset sizes href url link state status type name title label action role test ' +
    'testid qa cy track tracking analytics ga gtm event value key id uid pk size color colour theme mode lang locale version ' +
    'lazy original position offset delay duration width height step level tab slide sort filter layout component controller ' +
    'module widget view template ref turbo reactroot reactid bind content text tooltip placement toggle-target dismiss parent ' +
    'spy interval ride pause wrap keyboard backdrop focus config options variant icon image img video audio format currency ' +
    'price amount total rating score date time timestamp start end min max order-by query search'
  ).split(' '),
);
// Classes and ids that name a layout part rather than an entity.
const NOT_HINTS = new Set(
  (
    'card item row col column grid list container wrapper box panel tile entry block section content main header footer nav ' +
    'menu btn button link js is has active selected open modal dialog tab tabs slide slider carousel hero banner media body ' +
    'inner outer left right top bottom clearfix heading title text field form input label step footnote fn cite note ref ' +
    'anchor toc page post-body widget module component layout'
  ).split(' '),
);
const HINT_CLASS =
  /^([a-z]{3,})(?:[-_](?:card|item|row|tile|entry|box|panel|summary|details?|link|block|container|wrapper|line|listing|view))?$/;
// ARIA roles say what a thing is in the interface, not what it is in the data.
const ARIA_ROLES = new Set(
  (
    'alert alertdialog application article banner button cell checkbox columnheader combobox complementary contentinfo ' +
    'definition dialog directory document feed figure form grid gridcell group heading img link list listbox listitem log ' +
    'main marquee math menu menubar menuitem menuitemcheckbox menuitemradio navigation none note option presentation ' +
    'progressbar radio radiogroup region row rowgroup rowheader scrollbar search searchbox separator slider spinbutton ' +
    'status switch tab table tablist tabpanel term textbox timer toolbar tooltip tree treegrid treeitem'
  ).split(' '),
);

/** Whether a value looks like a key: digits, a UUID, a short code with digits (u42, SKU-123), a long hex. */
export function isIdLike(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.length > 64 || /\s/.test(v)) return false;
  return (
    /^\d+$/.test(v) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ||
    /^[0-9a-f]{12,}$/i.test(v) ||
    /^[a-z]{0,8}[-_]?\d+(?:[-_]?[a-z0-9]+)*$/i.test(v)
  );
}

/** Every mapping the attributes of one element support, most confident first. */
export function mappingsOf(attributes: Record<string, string>): Mapping[] {
  const found: Mapping[] = [];
  const add = (
    attribute: string,
    entity: string,
    column: string,
    pattern: string,
    kind: MatchKind,
    value: string,
  ) =>
    found.push({
      attribute,
      table: tableFor(entity),
      column,
      pattern,
      kind,
      confidence: CONFIDENCE[kind],
      value,
    });
  let generic: [string, string] | null = null;
  for (const [name, raw] of Object.entries(attributes)) {
    const value = raw.trim();
    if (value === '' || !name.startsWith('data-')) {
      if (name === 'itemid' && value) generic = [name, value];
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = EXACT.exec(name))) add(name, m[1]!, 'id', 'data-{entity}-id', 'exact', value);
    else if ((m = SUFFIXED.exec(name))) add(name, m[1]!, m[2]!, `data-{entity}-${m[2]}`, 'partial', value);
    else if (PRODUCT_CODES.has(name.slice(5))) add(name, 'product', name.slice(5), name, 'partial', value);
    else if (GENERIC_IDS.has(name)) generic = [name, value];
    else if ((m = GLUED_ID.exec(name)) && m[1]!.length >= 3 && !NOT_ENTITIES.has(m[1]!) && isIdLike(value))
      add(name, m[1]!, 'id', `data-{entity}${m[2]}`, 'partial', value);
    else if (
      isIdLike(value) &&
      /^data-[a-z]{3,}(-[a-z]{3,})?$/.test(name) &&
      !NOT_ENTITIES.has(name.slice(5))
    )
      add(name, name.slice(5), 'id', 'data-{entity}', 'partial', value);
  }
  if (generic && isIdLike(generic[1])) {
    const hint = entityHint(attributes);
    if (hint) add(generic[0], hint.entity, 'id', `${hint.source}+${generic[0]}`, 'inferred', generic[1]);
  }
  const id = attributes['id'];
  if (id && found.length === 0) {
    const m = ID_ATTRIBUTE.exec(id);
    const entity = m?.[1]?.toLowerCase();
    if (entity && !NOT_HINTS.has(entity) && !NOT_HINTS.has(entity.split(/[-_]/)[0]!))
      add('id', entity, 'id', 'id={entity}-{key}', 'inferred', m![2]!);
  }
  return found.sort((a, b) => b.confidence - a.confidence);
}

/** The entity an element is about, from its schema.org type, a type-naming data attribute, its role or class. */
function entityHint(attributes: Record<string, string>): { entity: string; source: string } | null {
  const itemtype = attributes['itemtype']?.trim().split(/\s+/)[0];
  if (itemtype) {
    const type = itemtype.slice(Math.max(itemtype.lastIndexOf('/'), itemtype.lastIndexOf('#')) + 1);
    if (type) return { entity: type, source: 'itemtype' };
  }
  for (const name of ['data-type', 'data-entity', 'data-model', 'data-kind']) {
    const value = attributes[name]?.trim().toLowerCase();
    if (value && /^[a-z][a-z_-]{2,}$/.test(value)) return { entity: value, source: name };
  }
  const role = attributes['role']?.trim().toLowerCase();
  if (role && !ARIA_ROLES.has(role) && /^[a-z][a-z_-]{2,}$/.test(role))
    return { entity: role, source: 'role' };
  for (const token of (attributes['class'] ?? '').toLowerCase().split(/\s+/)) {
    const m = HINT_CLASS.exec(token);
    if (m && !NOT_HINTS.has(m[1]!)) return { entity: m[1]!, source: 'class' };
  }
  return null;
}

/** A form field name referencing a row (`product_id`, `userId` lower-cased to `userid`, `order[id]`). */
export function fieldReference(name: string): { entity: string; column: string } | null {
  const m = /^([a-z][a-z0-9]*(?:[_-][a-z0-9]+)*?)(?:[_-]?(id|uuid|sku)|\[(id)\])$/i.exec(name.trim());
  if (!m || m[1]!.length < 3 || NOT_ENTITIES.has(m[1]!.toLowerCase())) return null;
  return { entity: m[1]!, column: (m[2] ?? m[3] ?? 'id').toLowerCase() };
}
