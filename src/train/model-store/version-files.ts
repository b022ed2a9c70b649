import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { FatalError } from '../../core/index.js';
import type { Manifest, Metrics } from './types.js';
import { isVersionName } from './version-name.js';

export const MANIFEST_FILE = 'manifest.json';
export const METRICS_FILE = 'metrics.json';
export const META_FILE = 'meta.json';

/** The committed version folders of a model folder (those with a manifest), unordered. */
export async function committedVersions(modelDir: string): Promise<string[]> {
  const entries = await readdir(modelDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries.filter((e) => e.isDirectory() && isVersionName(e.name)).map((e) => e.name);
  const committed = await Promise.all(
    names.map(async (name) =>
      (await stat(join(modelDir, name, MANIFEST_FILE)).catch(() => null)) ? name : null,
    ),
  );
  return committed.filter((name): name is string => name !== null);
}

export async function readManifest(dir: string): Promise<Manifest> {
  const manifest = await readJson<Manifest>(join(dir, MANIFEST_FILE));
  if (manifest === undefined)
    throw new FatalError(`${dir} is not a committed model version: it has no ${MANIFEST_FILE}`, {
      code: 'not-committed',
    });
  return manifest;
}

export async function readMetrics(dir: string): Promise<Metrics> {
  const metrics = await readJson<Record<string, unknown>>(join(dir, METRICS_FILE));
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(metrics ?? {})) if (typeof value === 'number') out[key] = value;
  return out;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new FatalError(`${path} is not JSON (${(error as Error).message}); the version is damaged`, {
      cause: error,
      code: 'bad-version',
    });
  }
}

/** Every file under `dir` but the manifest, with its size and SHA-256, in path order. */
export async function describeFiles(dir: string): Promise<Manifest['files']> {
  const files: Manifest['files'] = [];
  for (const path of (await walk(dir)).sort()) {
    const name = relative(dir, path).split(sep).join('/');
    if (name === MANIFEST_FILE || name.includes('.tmp-')) continue;
    const { size } = await stat(path);
    files.push({ path: name, bytes: size, sha256: await hashFile(path) });
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
