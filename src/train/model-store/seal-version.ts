import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { contentHash } from '../../core/index.js';
import { writeFileAtomic } from '../atomic-file.js';
import type { Manifest } from './types.js';
import type { ManifestInput, VersionDraft } from './version-draft.js';
import { describeFiles, MANIFEST_FILE, METRICS_FILE } from './version-files.js';

/**
 * Commit a draft's folder: an empty `metrics.json` when it has none (listings and gates read one), then
 * `manifest.json`, last and atomically: its presence is what makes the folder a version.
 */
export async function sealVersion(
  draft: VersionDraft,
  input: ManifestInput,
  stamp: { codeVersion: string; committedAt: Date },
): Promise<Manifest> {
  if (!(await stat(join(draft.dir, METRICS_FILE)).catch(() => null)))
    await writeFileAtomic(join(draft.dir, METRICS_FILE), '{}\n');
  const inputs = input.inputs ?? {};
  const sorted = Object.entries(inputs).sort(([a], [b]) => a.localeCompare(b));
  const manifest: Manifest = {
    kind: draft.kind,
    name: draft.name,
    version: draft.version,
    createdAt: draft.createdAt.toISOString(),
    committedAt: stamp.committedAt.toISOString(),
    codeVersion: stamp.codeVersion,
    inputs,
    datasetHash:
      input.datasetHash ??
      (sorted.length === 0 ? null : contentHash(sorted.map(([name, hash]) => `${name}=${hash}`).join('\n'))),
    parameters: input.parameters ?? {},
    timingsMs: input.timingsMs ?? {},
    files: await describeFiles(draft.dir),
  };
  await writeFileAtomic(join(draft.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The version of this Gleaner, for manifests. */
export function packageVersion(): string {
  // The same relative path from src/train/model-store and from dist/train/model-store.
  return (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
}
