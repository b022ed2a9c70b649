import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { FatalError, InvalidInputError } from '../../core/index.js';
import { writeFileAtomic } from '../atomic-file.js';
import type { Metrics, ModelKind, Version } from './types.js';
import { MANIFEST_FILE, METRICS_FILE } from './version-files.js';

/** What goes into `manifest.json` besides what the store knows itself (names, times, code version, files). */
export interface ManifestInput {
  /** Each input by name → its content hash (`contentHash` from core), e.g. `{ 'canonical.json': 'ab12…' }`. */
  inputs?: Record<string, string>;
  /** One hash over the inputs. @default a hash of the sorted `inputs`, or null without inputs */
  datasetHash?: string;
  parameters?: Record<string, unknown>;
  timingsMs?: Record<string, number>;
}

type Committer = (draft: VersionDraft, input: ManifestInput) => Promise<Version>;

/**
 * A version being written. Its folder is already the final `v<…>` folder (reserved with an exclusive
 * mkdir), so model files can name each other by relative path; it counts as a version only once
 * `commit` has written `manifest.json`, and listings, `load` and `promote` ignore it until then. A draft
 * left by a crash is a folder without a manifest: harmless, and removable.
 */
export class VersionDraft {
  readonly kind: ModelKind;
  readonly name: string;
  readonly version: string;
  /** The version folder (absolute). Libraries that write files themselves write here (see {@link path}). */
  readonly dir: string;
  readonly createdAt: Date;
  readonly #commit: Committer;
  #state: 'open' | 'committing' | 'committed' | 'abandoned' = 'open';

  constructor(
    fields: { kind: ModelKind; name: string; version: string; dir: string; createdAt: Date },
    commit: Committer,
  ) {
    this.kind = fields.kind;
    this.name = fields.name;
    this.version = fields.version;
    this.dir = fields.dir;
    this.createdAt = fields.createdAt;
    this.#commit = commit;
  }

  get state(): 'open' | 'committing' | 'committed' | 'abandoned' {
    return this.#state;
  }

  /** The absolute path of a file inside the version (`index/meta.json`); refuses paths that leave it. */
  path(file: string): string {
    const clean = normalize(file);
    if (isAbsolute(file) || clean === '..' || clean.startsWith(`..${sep}`) || clean === '.' || clean === '')
      throw new InvalidInputError('file', `"${file}" is not a path inside the version folder`);
    if (clean === MANIFEST_FILE)
      throw new InvalidInputError(
        'file',
        `${MANIFEST_FILE} is written by commit(); pass its fields to commit()`,
      );
    return join(this.dir, clean);
  }

  /** Write a file of the version (folders created as needed). */
  async write(file: string, data: string | Uint8Array): Promise<string> {
    this.#checkOpen();
    const path = this.path(file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
    return path;
  }

  /** Write a JSON file of the version, e.g. `meta.json` (index id → canonical key, labels). */
  async writeJson(file: string, value: unknown): Promise<string> {
    this.#checkOpen();
    const path = this.path(file);
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
    return path;
  }

  /** Write `metrics.json`: the held-out figures the promotion gate compares. Numbers only. */
  async writeMetrics(metrics: Metrics): Promise<void> {
    for (const [key, value] of Object.entries(metrics))
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new InvalidInputError(
          `metrics.${key}`,
          `metric ${key} must be a finite number, got ${String(value)}`,
        );
    await this.writeJson(METRICS_FILE, metrics);
  }

  /**
   * Seal the version: write `manifest.json` (inputs, parameters, code version, timings, every file with
   * its hash) and mirror it into the database. After this the folder must not change.
   */
  async commit(input: ManifestInput = {}): Promise<Version> {
    this.#checkOpen();
    this.#state = 'committing';
    try {
      const version = await this.#commit(this, input);
      this.#state = 'committed';
      return version;
    } catch (error) {
      this.#state = 'open';
      throw error;
    }
  }

  /** Give the version up: its folder is removed. */
  async abandon(): Promise<void> {
    if (this.#state === 'committed')
      throw new InvalidInputError('version', `${this.version} is committed; it cannot be abandoned`);
    this.#state = 'abandoned';
    await rm(this.dir, { recursive: true, force: true });
  }

  #checkOpen(): void {
    if (this.#state !== 'open')
      throw new FatalError(
        `version ${this.kind}/${this.name}/${this.version} is ${this.#state}; it takes no more writes`,
        {
          code: 'draft-closed',
        },
      );
  }
}
