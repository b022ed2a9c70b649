import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FatalError } from '../../core/index.js';
import { writeFileAtomic } from '../atomic-file.js';
import type { IndexKind } from './vector-index.js';

/**
 * The folder of a saved index: `meta.json` (what it is, and index id → canonical key) beside the kind's
 * own files. The meta is written last, so a folder with a meta holds a whole index.
 */
export const INDEX_META_FILE = 'meta.json';
const FORMAT = 'gleaner-vector-index';

const metaSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  kind: z.enum(['flat', 'hnsw']),
  metric: z.enum(['cosine', 'ip']),
  dimensions: z.number().int().positive(),
  size: z.number().int().nonnegative(),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  /** The kind's files, by role: `{ vectors: 'vectors.f32' }`. */
  files: z.record(z.string(), z.string()),
  /** Index id → canonical key, for the ids that have one. */
  keys: z.record(z.string(), z.string()),
});

export type IndexMeta = z.output<typeof metaSchema>;

export function metaOf(fields: Omit<IndexMeta, 'format' | 'formatVersion'>): IndexMeta {
  return { format: FORMAT, formatVersion: 1, ...fields };
}

export async function writeIndexMeta(dir: string, meta: IndexMeta): Promise<void> {
  await writeFileAtomic(join(dir, INDEX_META_FILE), JSON.stringify(meta));
}

export async function readIndexMeta(dir: string, expected?: IndexKind): Promise<IndexMeta> {
  let text: string;
  try {
    text = await readFile(join(dir, INDEX_META_FILE), 'utf8');
  } catch (error) {
    throw new FatalError(
      `no saved vector index in ${dir}: ${INDEX_META_FILE} cannot be read (${(error as Error).message}). Point to the folder the index was saved in.`,
      { cause: error, code: 'bad-index' },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badIndex(dir, `${INDEX_META_FILE} is not JSON`, error);
  }
  const result = metaSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw badIndex(dir, `${INDEX_META_FILE} ${issue.path.join('.') || 'is'}: ${issue.message}`);
  }
  if (expected !== undefined && result.data.kind !== expected)
    throw badIndex(
      dir,
      `it holds a ${result.data.kind} index, not a ${expected} one; load it with loadVectorIndex`,
    );
  return result.data;
}

/** The keys of a meta as a map, checking every id is an integer. */
export function keysOf(meta: IndexMeta, dir: string): Map<number, string> {
  const keys = new Map<number, string>();
  for (const [id, key] of Object.entries(meta.keys)) {
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n < 0) throw badIndex(dir, `keys has "${id}", which is not an index id`);
    keys.set(n, key);
  }
  return keys;
}

export function keysRecord(keys: ReadonlyMap<number, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, key] of keys) out[String(id)] = key;
  return out;
}

/** The path of one of the kind's files, checked to exist with the expected size when one is given. */
export async function indexFile(dir: string, meta: IndexMeta, role: string, bytes?: number): Promise<string> {
  const file = meta.files[role];
  if (file === undefined || file.includes('/') || file.includes('\\') || file.startsWith('.'))
    throw badIndex(dir, `${INDEX_META_FILE} names no valid ${role} file`);
  const path = join(dir, file);
  const found = await stat(path).catch(() => null);
  if (!found) throw badIndex(dir, `its ${role} file ${file} is missing`);
  if (bytes !== undefined && found.size !== bytes)
    throw badIndex(
      dir,
      `its ${role} file ${file} holds ${found.size} bytes where ${meta.size} vectors need ${bytes}: it is truncated or from another index`,
    );
  return path;
}

export function badIndex(dir: string, why: string, cause?: unknown): FatalError {
  return new FatalError(
    `the vector index in ${dir} cannot be loaded: ${why}. Save it again, or roll back the model.`,
    {
      ...(cause === undefined ? {} : { cause }),
      code: 'bad-index',
    },
  );
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}
