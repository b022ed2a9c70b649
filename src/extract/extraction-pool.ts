import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidInputError, SkipError, FatalError } from '../core/index.js';
import type { ExtractionReply, ExtractionRequest } from './extraction-protocol.js';
import type { PageFacts } from './page-facts.js';
import type { StructuredDataOptions } from './structured-data.js';
import type { StructuredData } from './structured-data-types.js';

export interface ExtractionPoolOptions {
  /** Worker threads; 0 picks one per core but one (the main thread fetches and stores). @default 0 */
  workers: number;
  /** A page whose extraction takes longer is abandoned: its worker is ended and replaced. */
  timeoutMs: number;
  /** Heap of one worker; a page that needs more is abandoned the same way. */
  maxMemoryMb: number;
}

// The compiled worker, found from src/extract (tests) and dist/extract (the CLI) alike: `npm run build` makes it.
const WORKER_FILE = new URL('../../dist/extract/extraction-worker.js', import.meta.url);

// Workers that die one after another before they are ready: past this many, the waiting pages fail with
// the reason instead of waiting forever on a worker that cannot start (a Node option or preload that
// breaks in worker threads, e.g. an `--import` of a TypeScript file without its loader).
const MAX_START_FAILURES = 3;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Task {
  request: ExtractionRequest;
  resolve: (value: PageFacts | StructuredData) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Whether the worker has loaded its modules; a page waits for that before its clock starts. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Extraction off the main thread, bounded in time and memory per page. Parsing is synchronous: on the
 * main thread a pathological page (deep nesting, a huge DOM) would stall every fetch and the queue's
 * heartbeat with it, and nothing could interrupt it. In a worker it can be ended, and the job goes on.
 */
export class ExtractionPool {
  readonly #options: ExtractionPoolOptions;
  readonly #size: number;
  readonly #slots: Slot[] = [];
  readonly #waiting: Task[] = [];
  #nextId = 1;
  #closed = false;
  /** Workers that died before they were ready since the last one that started. */
  #startFailures = 0;

  constructor(options: ExtractionPoolOptions) {
    if (!existsSync(WORKER_FILE)) {
      throw new FatalError(
        `the extraction worker ${fileURLToPath(WORKER_FILE)} is missing: run \`npm run build\` first`,
      );
    }
    this.#options = options;
    this.#size = options.workers > 0 ? options.workers : Math.max(1, availableParallelism() - 1);
  }

  /**
   * A page's facts (with `product: true`, its product facts too); rejects with SkipError
   * (`extract-timeout`, `extract-memory`, `extract-crashed`) past the bounds.
   */
  extract(
    html: string,
    options: { url: string; selectors?: Record<string, string>; product?: boolean },
  ): Promise<PageFacts> {
    return this.#run({
      kind: 'facts',
      html,
      url: options.url,
      ...(options.selectors ? { selectors: options.selectors } : {}),
      ...(options.product === true ? { product: true } : {}),
    }) as Promise<PageFacts>;
  }

  /** A page's structured data with extruct's options, within the same bounds. */
  extractStructuredData(html: string, options: StructuredDataOptions): Promise<StructuredData> {
    return this.#run({ kind: 'structured', html, options }) as Promise<StructuredData>;
  }

  #run(request: DistributiveOmit<ExtractionRequest, 'id'>): Promise<PageFacts | StructuredData> {
    if (this.#closed)
      return Promise.reject(new FatalError('the extraction pool is closed', { code: 'closed' }));
    return new Promise((resolve, reject) => {
      this.#waiting.push({
        request: { ...request, id: this.#nextId++ } as ExtractionRequest,
        resolve,
        reject,
      });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const task of this.#waiting.splice(0))
      task.reject(new FatalError('the extraction pool closed', { code: 'closed' }));
    await Promise.all(
      this.#slots
        .splice(0)
        .map((slot) => this.#end(slot, new FatalError('the extraction pool closed', { code: 'closed' }))),
    );
  }

  #dispatch(): void {
    while (this.#waiting.length > 0) {
      const slot = this.#slots.find((s) => s.ready && s.task === null);
      if (!slot) {
        // Start another worker when all are busy; pages wait for the first one ready.
        if (this.#slots.length < this.#size && this.#slots.every((s) => s.ready)) this.#spawn();
        return;
      }
      const task = this.#waiting.shift()!;
      const busy = slot;
      busy.task = task;
      busy.timer = setTimeout(() => {
        void this.#replace(
          busy,
          new SkipError(
            `extraction took longer than ${this.#options.timeoutMs} ms and was stopped (GLEANER_EXTRACT_TIMEOUT_MS)`,
            { code: 'extract-timeout' },
          ),
        );
      }, this.#options.timeoutMs);
      busy.worker.ref();
      busy.worker.postMessage(task.request);
    }
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.#options.maxMemoryMb },
    });
    const slot: Slot = { worker, ready: false, task: null, timer: null };
    worker.on('message', (reply: ExtractionReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.#startFailures = 0;
        this.#dispatch();
        // An idle worker must not keep the process alive; a busy one must (its page is awaited).
        if (slot.task === null) worker.unref();
        return;
      }
      const task = slot.task;
      if (!task || task.request.id !== reply.id) return;
      this.#settle(slot);
      if (reply.ok) task.resolve(reply.value);
      else if (reply.error.field !== null)
        task.reject(new InvalidInputError(reply.error.field, reply.error.message));
      else
        task.reject(new SkipError(`extraction failed: ${reply.error.message}`, { code: 'extract-failed' }));
      this.#dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.ready) return this.#startFailed(slot, error.message);
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.#replace(
        slot,
        new SkipError(
          outOfMemory
            ? `extraction needed more than ${this.#options.maxMemoryMb} MB and was stopped (GLEANER_EXTRACT_MAX_MEMORY_MB)`
            : `the extraction worker crashed: ${error.message}`,
          { code: outOfMemory ? 'extract-memory' : 'extract-crashed', cause: error },
        ),
      );
    });
    worker.on('exit', (code) => {
      if (!this.#slots.includes(slot)) return;
      if (!slot.ready) this.#startFailed(slot, `it exited with code ${code} while loading`);
      else
        void this.#replace(slot, new SkipError('the extraction worker exited', { code: 'extract-crashed' }));
    });
    this.#slots.push(slot);
    return slot;
  }

  #settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }

  /**
   * A worker died before it was ready: try another, or after `MAX_START_FAILURES` in a row fail the
   * waiting pages with the reason (the next page tries again).
   */
  #startFailed(slot: Slot, reason: string): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    this.#slots.splice(index, 1);
    void slot.worker.terminate();
    this.#startFailures += 1;
    if (this.#startFailures < MAX_START_FAILURES) return this.#dispatch();
    this.#startFailures = 0;
    const error = new FatalError(
      `the extraction worker could not start (${MAX_START_FAILURES} attempts): ${reason}. ` +
        'A Node option that fails in worker threads is the usual cause (NODE_OPTIONS, --import, --require): run without it.',
      { code: 'extract-worker-start' },
    );
    for (const task of this.#waiting.splice(0)) task.reject(error);
  }

  /** End a worker (its page failed it) and let a fresh one take the next page. */
  async #replace(slot: Slot, error: Error): Promise<void> {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    this.#slots.splice(index, 1);
    await this.#end(slot, error);
    this.#dispatch();
  }

  async #end(slot: Slot, error: Error): Promise<void> {
    const task = slot.task;
    this.#settle(slot);
    task?.reject(error);
    await slot.worker.terminate();
  }
}
