import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/index.js';
import {
  schemaLinker,
  schemaLinkPatternUpserts,
  tableFor,
  type SchemaLinkerAttributes,
} from '../../src/profiles/index.js';
import { mappingsOf } from '../../src/profiles/schema-linker/rules.js';
import {
  listSchemaLinkPatterns,
  openDatabase,
  migrate,
  recordSchemaLinkPatterns,
} from '../../src/store/index.js';
import { expectDeclaredAttributes } from './declared-attributes.js';
import { LivePageHarness, loadStatic } from './live-page-harness.js';

const linkKey = (l: { attribute: string; table: string; relationship: string; confidence: number }) =>
  `${l.attribute} ${l.relationship} ${l.table} @${l.confidence}`;

describe('schema_linker', () => {
  let site: DemoSite;
  beforeAll(async () => {
    site = await startDemoSite({ products: 40, articles: 5 });
  });
  afterAll(async () => {
    await site?.close();
  });

  const linkStatic = async (path: string) =>
    (await loadStatic(site.url + path, [schemaLinker])).profiles.get('schema_linker')!;

  it('maps the lab page’s data-*-id attributes to tables with their confidence and relationships', async () => {
    const truth = site.truth.lab.schemaLinks;
    const run = await linkStatic(truth.path);
    expectDeclaredAttributes(schemaLinker, run.attributes);
    const a = run.attributes as SchemaLinkerAttributes;
    const found = new Set(a.links.map(linkKey));
    for (const link of truth.links) expect(found, linkKey(link)).toContain(linkKey(link));
    expect(a.entities).toEqual(expect.arrayContaining(truth.tables));
    // data-user-id → users, exact, on the element itself.
    expect(a.links.find((l) => l.attribute === 'data-user-id' && l.relationship === 'maps-to')).toMatchObject(
      {
        from: 'users',
        table: 'users',
        column: 'id',
        confidence: 0.9,
        pattern: 'data-{entity}-id',
        value: 'u1001',
        element: 'p',
      },
    );
    // An order row inside a customer: the order belongs to the customer.
    expect(a.relationships).toEqual(
      expect.arrayContaining([
        { from: 'orders', to: 'customers', type: 'contained-in', via: 'data-order-id', count: 3 },
        { from: 'orders', to: 'products', type: 'linked-to', via: 'data-order-id', count: 3 },
      ]),
    );
    expect(a.foreign_keys).toEqual(
      expect.arrayContaining([{ table: 'orders', column: 'customer_id', references: 'customers.id' }]),
    );
    // Three order rows, and the reorder form's order_id field naming one of them again.
    expect(a.tables.find((t) => t.table === 'orders')).toMatchObject({ ids: 3, occurrences: 4 });
    expect(a.exact_matches).toBeGreaterThan(0);
    expect(a.partial_matches).toBeGreaterThan(0);
    expect(a.inferred_matches).toBe(2);
    expect(a.link_count).toBe(a.links.length);
    expect(
      a.patterns.find((p) => p.attribute === 'data-order-id' && p.relationship === 'contained-in'),
    ).toMatchObject({
      table: 'customers',
      occurrences: 3,
      confidence: 0.9,
    });
    expect(run.quality).toBeGreaterThan(70);
  });

  it('gives the same links from the rendered page in browser mode', async () => {
    const browser = await LivePageHarness.launch();
    try {
      const path = site.truth.lab.schemaLinks.path;
      const rendered = (await browser.load(site.url + path, [schemaLinker])).profiles.get('schema_linker')!;
      const fetched = await linkStatic(path);
      expect((rendered.attributes as SchemaLinkerAttributes).patterns).toEqual(
        (fetched.attributes as SchemaLinkerAttributes).patterns,
      );
    } finally {
      await browser.close();
    }
  });

  it('maps attribute patterns with their confidence', () => {
    const first = (attributes: Record<string, string>) => mappingsOf(attributes)[0];
    expect(first({ 'data-user-id': 'u1' })).toMatchObject({ table: 'users', kind: 'exact', confidence: 0.9 });
    expect(first({ 'data-line-item-id': '7' })).toMatchObject({ table: 'line_items', confidence: 0.9 });
    expect(first({ 'data-category-id': 'c1' })).toMatchObject({ table: 'categories' });
    expect(first({ 'data-product': '123' })).toMatchObject({
      table: 'products',
      kind: 'partial',
      confidence: 0.7,
    });
    expect(first({ 'data-sku': 'AB-12' })).toMatchObject({
      table: 'products',
      column: 'sku',
      confidence: 0.7,
    });
    expect(first({ 'data-item-key': 'k9' })).toMatchObject({
      table: 'items',
      column: 'key',
      confidence: 0.7,
    });
    expect(first({ 'data-userid': '42' })).toMatchObject({ table: 'users', pattern: 'data-{entity}id' });
    expect(first({ 'data-id': '42', itemtype: 'https://schema.org/Person' })).toMatchObject({
      table: 'people',
      kind: 'inferred',
      confidence: 0.6,
      pattern: 'itemtype+data-id',
    });
    expect(first({ 'data-id': '9', class: 'order-row' })).toMatchObject({ table: 'orders', confidence: 0.6 });
    expect(first({ id: 'comment-42' })).toMatchObject({ table: 'comments', confidence: 0.6 });
    // Settings and behaviour, not rows.
    expect(mappingsOf({ 'data-toggle': 'modal', 'data-index': '3', 'data-id': '5' })).toEqual([]);
    expect(mappingsOf({ id: 'section-2' })).toEqual([]);
  });

  it('names tables with sensible plurals', () => {
    const tables = [
      'user',
      'category',
      'person',
      'address',
      'status',
      'box',
      'line-item',
      'BlogPosting',
      'news',
    ].map(tableFor);
    expect(tables).toEqual([
      'users',
      'categories',
      'people',
      'addresses',
      'statuses',
      'boxes',
      'line_items',
      'blog_postings',
      'news',
    ]);
  });

  it('turns a page’s attributes into schema_link_patterns upserts that add up', async () => {
    const run = await linkStatic(site.truth.lab.schemaLinks.path);
    const upserts = schemaLinkPatternUpserts(run.attributes);
    expect(upserts.length).toBe((run.attributes as SchemaLinkerAttributes).patterns.length);
    expect(upserts.every((u) => u.pages === 1)).toBe(true);
    expect(schemaLinkPatternUpserts({ other: 1 })).toEqual([]);
    const db = await openDatabase({ pgliteDir: 'memory://' });
    try {
      await migrate(db);
      await db.transaction((tx) => recordSchemaLinkPatterns(tx, upserts));
      await db.transaction((tx) => recordSchemaLinkPatterns(tx, upserts));
      const rows = await listSchemaLinkPatterns(db);
      const users = rows.find((r) => r.attribute === 'data-user-id' && r.relationship === 'maps-to')!;
      expect(users).toMatchObject({
        tableName: 'users',
        occurrences: 4,
        pages: 2,
        pattern: 'data-{entity}-id',
      });
      expect(users.confidence).toBeCloseTo(0.9, 5);
      expect(rows).toHaveLength(upserts.length);
    } finally {
      await db.close();
    }
  });
});
