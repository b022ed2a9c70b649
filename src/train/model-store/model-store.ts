import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  describeError,
  FatalError,
  InvalidInputError,
  NotFoundError,
  TypedEmitter,
  type GleanerConfig,
  type Logger,
} from '../../core/index.js';
import {
  listModelVersions,
  setLatestModelVersion,
  upsertModelVersion,
  type Queryable,
} from '../../store/index.js';
import { pointLatest, readLatest } from './latest-link.js';
import { asListed, modelFolders, readVersion, versionsIn } from './model-catalog.js';
import { appendPromotionLog, promotionStack, readPromotionLog } from './promotion-log.js';
import { checkGate, judge } from './promotion-gate.js';
import { notifyReload } from './reload-notifier.js';
import { packageVersion, sealVersion } from './seal-version.js';
import { withLock } from './store-lock.js';
import {
  MODEL_KINDS,
  type Gate,
  type LatestChange,
  type ModelKind,
  type ModelStoreEvents,
  type ModelVersion,
  type NotificationOutcome,
  type PromotionLogEntry,
  type PromotionResult,
  type RollbackResult,
  type Version,
} from './types.js';
import { VersionDraft, type ManifestInput } from './version-draft.js';
import { checkKind, checkVersionName, compareVersions, nameFolder, versionName } from './version-name.js';

export interface ModelStoreOptions {
  /** The store folder (config `modelDir`, env GLEANER_MODEL_DIR). */
  root: string;
  /** Mirror versions and promotions into the `models` table. */
  db?: Queryable | undefined;
  logger?: Logger | undefined;
  /** Written into each manifest. @default the package version */
  codeVersion?: string;
  /** POSTed a {@link LatestChange} after each promotion and rollback (config `modelReloadUrl`). */
  reloadUrl?: string | undefined;
  /** Where {@link ModelStore.list} reads: the folders (the truth) or the `models` table. @default 'files' */
  catalog?: 'files' | 'database';
  /** @default () => new Date() */
  now?: () => Date;
  /** @default 15_000 */
  lockTimeoutMs?: number;
  /** @default 5_000 */
  notifyTimeoutMs?: number;
}

/** Identifies a version: a draft, a listed version, or its three names. */
export type VersionRef = Pick<ModelVersion, 'kind' | 'name' | 'version'> | VersionDraft;

/**
 * Trained models on disk, versioned: `<root>/<kind>/<name>/v<YYYYMMDD-HHMMSS>/` with the model files,
 * `meta.json`, `metrics.json` and `manifest.json`; `<root>/<kind>/<name>/latest` is the symlink serving
 * loads, swapped atomically by {@link promote} (behind a gate) and {@link rollback}, one process at a time
 * per model. Every change of `latest` is announced on `latest-changed` and, when configured, POSTed to a
 * reload URL.
 */
export class ModelStore {
  readonly root: string;
  readonly #db: Queryable | undefined;
  readonly #logger: Logger | undefined;
  readonly #codeVersion: string;
  readonly #reloadUrl: string | undefined;
  readonly #catalog: 'files' | 'database';
  readonly #now: () => Date;
  readonly #lockTimeoutMs: number;
  readonly #notifyTimeoutMs: number;
  readonly #events = new TypedEmitter<ModelStoreEvents>();
  /** The latest version of each model as this process last saw it, to tell what {@link refresh} changed. */
  readonly #known = new Map<string, string | null>();

  constructor(options: ModelStoreOptions) {
    this.root = resolve(options.root);
    this.#db = options.db;
    this.#logger = options.logger;
    this.#codeVersion = options.codeVersion ?? packageVersion();
    this.#reloadUrl = options.reloadUrl;
    this.#catalog = options.catalog ?? 'files';
    this.#now = options.now ?? (() => new Date());
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 15_000;
    this.#notifyTimeoutMs = options.notifyTimeoutMs ?? 5_000;
  }

  /** The store of a configuration: its folder and reload URL; the table mirror when a database is given. */
  static fromConfig(
    config: GleanerConfig,
    deps: { db?: Queryable; logger?: Logger; catalog?: 'files' | 'database' } = {},
  ) {
    return new ModelStore({ root: config.modelDir, reloadUrl: config.modelReloadUrl, ...deps });
  }

  /** Listen for changes of `latest`; returns the remover. Serving reloads here. */
  on<K extends keyof ModelStoreEvents & string>(
    event: K,
    listener: (...args: ModelStoreEvents[K]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  modelDir(kind: ModelKind, name: string): string {
    return join(this.root, checkKind(kind), nameFolder(name));
  }

  versionDir(kind: ModelKind, name: string, version: string): string {
    return join(this.modelDir(kind, name), checkVersionName(version));
  }

  /** Reserve a new version folder and return its draft; `commit` it when its files are written. */
  async createVersion(kind: ModelKind, name: string): Promise<VersionDraft> {
    const modelDir = this.modelDir(kind, name);
    await mkdir(modelDir, { recursive: true });
    const createdAt = this.#now();
    for (let suffix = 1; ; suffix++) {
      const version = versionName(createdAt, suffix);
      try {
        // mkdir without `recursive` fails on an existing folder: the name is ours alone, across processes.
        await mkdir(join(modelDir, version));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      const dir = join(modelDir, version);
      return new VersionDraft({ kind, name, version, dir, createdAt }, (draft, input) =>
        this.#commit(draft, input),
      );
    }
  }

  /** A committed version; NotFoundError when there is none by that name. */
  async get(kind: ModelKind, name: string, version: string): Promise<Version> {
    checkVersionName(version);
    return readVersion(this.modelDir(kind, name), version).catch((error: unknown) => {
      if (error instanceof FatalError && error.code === 'not-committed')
        throw new NotFoundError('model version', `${kind}/${name}/${version}`);
      throw error;
    });
  }

  /** The version `latest` points to, or null when none was promoted. */
  async latest(kind: ModelKind, name: string): Promise<Version | null> {
    const version = await readLatest(this.modelDir(kind, name));
    this.#known.set(modelKey(kind, name), version);
    if (version === null) return null;
    return this.get(kind, name, version).catch((error: unknown) => {
      if (!(error instanceof NotFoundError)) throw error;
      throw new FatalError(
        `${kind}/${name}/latest points to ${version}, which is missing or not committed; promote another version or roll back`,
        { code: 'dangling-latest' },
      );
    });
  }

  /** Committed versions by kind and name, newest first, with their metrics and which one is latest. */
  async list(
    filter: { kind?: ModelKind | undefined; name?: string | undefined } = {},
  ): Promise<ModelVersion[]> {
    if (filter.kind !== undefined) checkKind(filter.kind);
    if (this.#catalog === 'database' && this.#db) {
      const rows = await listModelVersions(this.#db, filter);
      return rows.map((row) => ({ ...row, kind: row.kind as ModelKind }));
    }
    const out: ModelVersion[] = [];
    for (const kind of filter.kind === undefined ? MODEL_KINDS : [filter.kind]) {
      const folders =
        filter.name === undefined ? await modelFolders(join(this.root, kind)) : [nameFolder(filter.name)];
      for (const folder of folders) out.push(...(await versionsIn(join(this.root, kind, folder))));
    }
    return out.sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || compareVersions(b.version, a.version),
    );
  }

  /** Every change of a model's `latest`, oldest first. */
  async history(kind: ModelKind, name: string): Promise<PromotionLogEntry[]> {
    return readPromotionLog(this.modelDir(kind, name));
  }

  /**
   * Make a committed version the latest, if it passes the gate (without a gate: unconditionally, an
   * operator's decision). Refusals are results, not errors: the old version keeps serving and `reason`
   * says why. Judged under the model's lock against the latest of that moment.
   */
  async promote(ref: VersionRef, gate?: Gate): Promise<PromotionResult> {
    if (ref instanceof VersionDraft && ref.state !== 'committed')
      throw new InvalidInputError(
        'version',
        `${ref.version} is not committed yet; call commit() before promote()`,
      );
    const { kind, name, version } = ref;
    if (gate !== undefined) checkGate(gate);
    const modelDir = this.modelDir(kind, name);
    const outcome = await withLock(
      join(modelDir, '.lock'),
      async (): Promise<PromotionResult> => {
        const candidate = await this.get(kind, name, version);
        const previousName = await readLatest(modelDir);
        const previous =
          previousName === null ? null : await this.get(kind, name, previousName).catch(() => null);
        if (previousName === version)
          return refused('already-latest', `${version} is already the latest version`, candidate, previous);
        const verdict = gate === undefined ? null : judge(gate, candidate.metrics, previous);
        if (verdict && !verdict.pass) return refused(verdict.code, verdict.reason, candidate, previous);
        const at = this.#now();
        await pointLatest(modelDir, version);
        await appendPromotionLog(modelDir, {
          at: at.toISOString(),
          action: 'promote',
          version,
          previous: previousName,
          gate: gate ?? null,
        });
        await this.#mirrorLatest(candidate, at);
        const promoted = { ...asListed(candidate), isLatest: true, promotedAt: at };
        const reason = verdict?.reason ?? 'promoted without a gate';
        return {
          promoted: true,
          code: 'promoted',
          reason,
          version: promoted,
          previous: previous && asListed(previous, false),
        };
      },
      { timeoutMs: this.#lockTimeoutMs },
    );
    if (!outcome.promoted) {
      this.#logger?.info(
        { model: `${kind}/${name}`, version, code: outcome.code, reason: outcome.reason },
        'model version not promoted',
      );
      return outcome;
    }
    this.#logger?.info(
      { model: `${kind}/${name}`, version, reason: outcome.reason },
      'model version promoted',
    );
    const notification = await this.#announce({
      kind,
      name,
      version,
      previous: outcome.previous?.version ?? null,
      dir: outcome.version.path,
      action: 'promote',
    });
    return notification ? { ...outcome, notification } : outcome;
  }

  /** Point `latest` back to the version promoted before the current one. */
  async rollback(kind: ModelKind, name: string): Promise<RollbackResult> {
    const modelDir = this.modelDir(kind, name);
    if (!(await stat(modelDir).catch(() => null))) throw new NotFoundError('model', `${kind}/${name}`);
    const outcome = await withLock(
      join(modelDir, '.lock'),
      async () => {
        const current = await readLatest(modelDir);
        const stack = promotionStack(await readPromotionLog(modelDir));
        // `latest` changed by hand: roll back from what serves now.
        if (current !== null && stack.at(-1) !== current) stack.push(current);
        const target = stack.at(-2);
        if (current === null || target === undefined)
          throw new InvalidInputError(
            'name',
            `${kind}/${name} has no earlier promoted version to roll back to` +
              (current === null ? ' (nothing is promoted yet)' : ` (${current} is the only one promoted)`),
          );
        const [version, previous] = await Promise.all([
          this.get(kind, name, target),
          this.get(kind, name, current),
        ]);
        const at = this.#now();
        await pointLatest(modelDir, target);
        await appendPromotionLog(modelDir, {
          at: at.toISOString(),
          action: 'rollback',
          version: target,
          previous: current,
          gate: null,
        });
        await this.#mirrorLatest(version, at);
        return {
          version: { ...asListed(version, true), promotedAt: at },
          previous: asListed(previous, false),
        };
      },
      { timeoutMs: this.#lockTimeoutMs },
    );
    this.#logger?.info(
      { model: `${kind}/${name}`, version: outcome.version.version, from: outcome.previous.version },
      'model rolled back',
    );
    const notification = await this.#announce({
      kind,
      name,
      version: outcome.version.version,
      previous: outcome.previous.version,
      dir: outcome.version.path,
      action: 'rollback',
    });
    return notification ? { ...outcome, notification } : outcome;
  }

  /**
   * Look at every model's `latest` again and announce the ones another process changed since this one
   * last looked (the hook behind `POST /api/models/reload`); mirrors the folders into the table too.
   */
  async refresh(): Promise<LatestChange[]> {
    const changes: LatestChange[] = [];
    for (const { kind, name, version, path } of (await this.#allVersions()).filter((v) => v.isLatest)) {
      const previous = this.#known.get(modelKey(kind, name)) ?? null;
      this.#known.set(modelKey(kind, name), version);
      if (previous !== version) changes.push({ kind, name, version, previous, dir: path, action: 'refresh' });
    }
    await this.sync();
    for (const change of changes) this.#events.emit('latest-changed', change);
    return changes;
  }

  /** Mirror every committed version and every `latest` into the `models` table. Returns the versions mirrored. */
  async sync(): Promise<number> {
    if (!this.#db) return 0;
    const versions = await this.#allVersions();
    for (const v of versions) await upsertModelVersion(this.#db, v);
    for (const v of versions.filter((x) => x.isLatest))
      await setLatestModelVersion(this.#db, v.kind, v.name, v.version, v.promotedAt ?? v.createdAt);
    return versions.length;
  }

  async #allVersions(): Promise<ModelVersion[]> {
    const versions: ModelVersion[] = [];
    for (const kind of MODEL_KINDS)
      for (const folder of await modelFolders(join(this.root, kind)))
        versions.push(...(await versionsIn(join(this.root, kind, folder))));
    return versions;
  }

  async #commit(draft: VersionDraft, input: ManifestInput): Promise<Version> {
    await sealVersion(draft, input, { codeVersion: this.#codeVersion, committedAt: this.#now() });
    const version = await this.get(draft.kind, draft.name, draft.version);
    if (this.#db)
      await upsertModelVersion(this.#db, version).catch((error: unknown) =>
        this.#logger?.warn(
          { err: describeError(error), version: version.version },
          'model version not mirrored into the database; the files hold it',
        ),
      );
    return version;
  }

  async #mirrorLatest(version: ModelVersion, at: Date): Promise<void> {
    if (!this.#db) return;
    try {
      await upsertModelVersion(this.#db, version);
      await setLatestModelVersion(this.#db, version.kind, version.name, version.version, at);
    } catch (error) {
      this.#logger?.warn(
        { err: describeError(error), version: version.version },
        'latest not mirrored into the database; the files hold it',
      );
    }
  }

  async #announce(change: LatestChange): Promise<NotificationOutcome | undefined> {
    this.#known.set(modelKey(change.kind, change.name), change.version);
    this.#events.emit('latest-changed', change);
    if (this.#reloadUrl === undefined) return undefined;
    return notifyReload(this.#reloadUrl, change, { timeoutMs: this.#notifyTimeoutMs, logger: this.#logger });
  }
}

function refused(
  code: PromotionResult['code'],
  reason: string,
  candidate: Version,
  previous: Version | null,
): PromotionResult {
  return {
    promoted: false,
    code,
    reason,
    version: asListed(candidate),
    previous: previous && asListed(previous),
  };
}

const modelKey = (kind: string, name: string): string => `${kind}\u0000${name}`;
