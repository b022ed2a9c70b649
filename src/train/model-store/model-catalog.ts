import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readLatest } from './latest-link.js';
import { promotionTimes, readPromotionLog } from './promotion-log.js';
import type { Manifest, ModelVersion, Version } from './types.js';
import { committedVersions, readManifest, readMetrics } from './version-files.js';

/** Reading a store folder: the model folders of a kind, the committed versions of a model, as listed. */

/** The model folders under `<root>/<kind>` (names as folders: see `nameFolder`). */
export async function modelFolders(kindDir: string): Promise<string[]> {
  const entries = await readdir(kindDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
}

/** One committed version with its manifest; FatalError `not-committed` when it has none. */
export async function readVersion(modelDir: string, version: string): Promise<Version> {
  const dir = join(modelDir, version);
  const manifest = await readManifest(dir);
  const [metrics, latest, log] = await Promise.all([
    readMetrics(dir),
    readLatest(modelDir),
    readPromotionLog(modelDir),
  ]);
  return { ...listed(manifest, dir, metrics, latest, promotionTimes(log)), manifest };
}

/** Every committed version of a model folder, unordered. */
export async function versionsIn(modelDir: string): Promise<ModelVersion[]> {
  const [names, latest, log] = await Promise.all([
    committedVersions(modelDir),
    readLatest(modelDir).catch(() => null),
    readPromotionLog(modelDir),
  ]);
  const times = promotionTimes(log);
  return Promise.all(
    names.map(async (version) => {
      const dir = join(modelDir, version);
      const [manifest, metrics] = await Promise.all([readManifest(dir), readMetrics(dir)]);
      return listed(manifest, dir, metrics, latest, times);
    }),
  );
}

/** A version as listed: without its manifest; `isLatest` overridden when given. */
export function asListed(version: Version, isLatest?: boolean): ModelVersion {
  const { manifest: _manifest, ...rest } = version;
  return isLatest === undefined ? rest : { ...rest, isLatest };
}

function listed(
  manifest: Manifest,
  dir: string,
  metrics: ModelVersion['metrics'],
  latest: string | null,
  times: Map<string, Date>,
): ModelVersion {
  return {
    kind: manifest.kind,
    name: manifest.name,
    version: manifest.version,
    path: dir,
    metrics,
    datasetHash: manifest.datasetHash,
    createdAt: new Date(manifest.createdAt),
    promotedAt: times.get(manifest.version) ?? null,
    isLatest: latest === manifest.version,
  };
}
