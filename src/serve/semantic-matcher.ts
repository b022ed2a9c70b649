import { describeError, GleanerError, InvalidInputError, type Logger } from '../core/index.js';
import type { ModelStore } from '../train/model-store/index.js';
import { DEFAULT_SEMANTIC_INDEX_NAME, SEMANTIC_INDEX_KIND } from '../train/semantic/names.js';
import type { MatchAnswer, SemanticIndex } from '../train/semantic/semantic-index.js';

/** No version of the semantic index was promoted yet: there is nothing to answer with. */
export class NoPromotedModelError extends GleanerError {
  readonly policy = 'invalid-input' as const;

  constructor(name: string) {
    super(
      `no promoted semantic index "${name}": train one with \`gleaner train semantic --mode full-train --canonical <file> --name ${name}\`, ` +
        `or promote a version with \`gleaner models promote ${SEMANTIC_INDEX_KIND} ${name} <version>\``,
      { code: 'not-found' },
    );
  }
}

export interface SemanticMatcherOptions {
  store: ModelStore;
  logger?: Logger | undefined;
  /** Let a transformer embedder load its model by name (config `allowRemoteModels`). @default false */
  allowRemoteModels?: boolean;
}

export interface MatchRequest {
  queries: readonly string[];
  /** Concepts per query. @default 5 */
  k?: number;
  /** The semantic index's name in the model store. @default 'default' */
  name?: string;
}

export interface MatchResponse {
  name: string;
  /** The version that answered. */
  version: string;
  results: MatchAnswer[];
}

export interface LoadedIndex {
  name: string;
  version: string;
  loadedAt: string;
  concepts: number;
  labels: number;
  embedder: string;
}

export interface ReloadOutcome {
  name: string;
  /** The version serving now (null: none promoted). */
  version: string | null;
  previous: string | null;
  changed: boolean;
  error?: string;
}

/** The most queries one call may ask. */
export const MAX_QUERIES_PER_REQUEST = 1000;
export const MAX_K = 100;

interface Slot {
  version: string;
  index: SemanticIndex;
  loadedAt: Date;
  /** Requests using this instance now; a replaced instance is closed when they are done. */
  inFlight: number;
  retired: boolean;
}

/**
 * Serving of the semantic indexes: the latest (promoted) version of each, loaded on first use and held in
 * memory. A reload loads the new version beside the old one and swaps it in at once: requests already
 * running finish on the instance they started with, which is closed after them. Reloads of one name run
 * one at a time; a failed reload leaves the old version serving.
 */
export class SemanticMatcher {
  readonly #store: ModelStore;
  readonly #logger: Logger | undefined;
  readonly #allowRemoteModels: boolean;
  readonly #slots = new Map<string, Slot>();
  /** The running load or reload of each name, so that concurrent callers share it. */
  readonly #pending = new Map<string, Promise<ReloadOutcome>>();
  #closed = false;

  constructor(options: SemanticMatcherOptions) {
    this.#store = options.store;
    this.#logger = options.logger;
    this.#allowRemoteModels = options.allowRemoteModels ?? false;
  }

  async match(request: MatchRequest): Promise<MatchResponse> {
    const name = request.name ?? DEFAULT_SEMANTIC_INDEX_NAME;
    const k = request.k ?? 5;
    if (request.queries.length === 0) throw new InvalidInputError('queries', 'give at least one query');
    if (request.queries.length > MAX_QUERIES_PER_REQUEST)
      throw new InvalidInputError(
        'queries',
        `at most ${MAX_QUERIES_PER_REQUEST} queries a request; split the batch`,
      );
    if (!Number.isInteger(k) || k < 1 || k > MAX_K)
      throw new InvalidInputError('k', `k must be a whole number from 1 to ${MAX_K}, got ${k}`);
    let slot = this.#slots.get(name);
    if (!slot) {
      await this.#load(name, false);
      slot = this.#slots.get(name);
      if (!slot) throw new NoPromotedModelError(name);
    }
    slot.inFlight++;
    try {
      return { name, version: slot.version, results: await slot.index.match(request.queries, k) };
    } finally {
      slot.inFlight--;
      if (slot.retired && slot.inFlight === 0) void this.#closeSlot(slot);
    }
  }

  /**
   * Load the latest version of `name` again (of every loaded name without one); a name whose latest did not
   * change is left as it is. A failure is reported in the outcome and logged; the old version keeps serving.
   */
  async reload(name?: string): Promise<ReloadOutcome[]> {
    const names = name === undefined ? [...this.#slots.keys()] : [name];
    return Promise.all(names.map((n) => this.#load(n, true)));
  }

  /** The versions in memory. */
  loaded(): LoadedIndex[] {
    return [...this.#slots.entries()].map(([name, s]) => ({
      name,
      version: s.version,
      loadedAt: s.loadedAt.toISOString(),
      concepts: s.index.concepts,
      labels: s.index.size,
      embedder: s.index.embedder.id,
    }));
  }

  /** Idempotent; later requests are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled([...this.#pending.values()]);
    const slots = [...this.#slots.values()];
    this.#slots.clear();
    await Promise.all(slots.map((s) => this.#closeSlot(s)));
  }

  #load(name: string, reporting: boolean): Promise<ReloadOutcome> {
    const running = this.#pending.get(name);
    if (running) return running;
    const work = this.#swap(name, reporting).finally(() => this.#pending.delete(name));
    this.#pending.set(name, work);
    return work;
  }

  async #swap(name: string, reporting: boolean): Promise<ReloadOutcome> {
    const current = this.#slots.get(name);
    const previous = current?.version ?? null;
    try {
      const latest = await this.#store.latest(SEMANTIC_INDEX_KIND, name);
      if (latest === null) return { name, version: previous, previous, changed: false };
      if (current && current.version === latest.version)
        return { name, version: previous, previous, changed: false };
      // The index code (embedders, TF.js, vector indexes) loads with the first index, not with the server.
      const { SemanticIndex } = await import('../train/semantic/semantic-index.js');
      const index = await SemanticIndex.load(latest.path, { allowRemoteModels: this.#allowRemoteModels });
      if (this.#closed) {
        await index.close();
        return { name, version: previous, previous, changed: false };
      }
      this.#slots.set(name, {
        version: latest.version,
        index,
        loadedAt: new Date(),
        inFlight: 0,
        retired: false,
      });
      if (current) {
        current.retired = true;
        if (current.inFlight === 0) await this.#closeSlot(current);
      }
      this.#logger?.info(
        { model: `${SEMANTIC_INDEX_KIND}/${name}`, version: latest.version, previous },
        'semantic index loaded',
      );
      return { name, version: latest.version, previous, changed: true };
    } catch (error) {
      if (!reporting) throw error;
      const message = describeError(error);
      this.#logger?.error(
        { model: `${SEMANTIC_INDEX_KIND}/${name}`, err: message },
        'semantic index reload failed; the loaded version keeps serving',
      );
      return { name, version: previous, previous, changed: false, error: message };
    }
  }

  async #closeSlot(slot: Slot): Promise<void> {
    await slot.index
      .close()
      .catch((error: unknown) =>
        this.#logger?.warn({ err: describeError(error) }, 'closing a replaced semantic index failed'),
      );
  }
}
