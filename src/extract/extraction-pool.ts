import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidInputError, SkipError, FatalError } from '../core/index.js';
import type { ExtractionReply, ExtractionRequest } from './extraction-protocol.js';
import type { PageFacts } from './page-facts.js';

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

interface Task {
  request: ExtractionRequest;
  resolve: (facts: PageFacts) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
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

  constructor(options: ExtractionPoolOptions) {
    if (!existsSync(WORKER_FILE)) {
      throw new FatalError(
        `the extraction worker ${fileURLToPath(WORKER_FILE)} is missing: run \`npm run build\` first`,
      );
    }
    this.#options = options;
    this.#size = options.workers > 0 ? options.workers : Math.max(1, availableParallelism() - 1);
  }

  /** Extract one page; rejects with SkipError (`extract-timeout`, `extract-memory`, `extract-crashed`) past the bounds. */
  extract(html: string, options: { url: string; selectors?: Record<string, string> }): Promise<PageFacts> {
    if (this.#closed)
      return Promise.reject(new FatalError('the extraction pool is closed', { code: 'closed' }));
    return new Promise((resolve, reject) => {
      const request: ExtractionRequest = {
        id: this.#nextId++,
        html,
        url: options.url,
        ...(options.selectors ? { selectors: options.selectors } : {}),
      };
      this.#waiting.push({ request, resolve, reject });
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
      let slot = this.#slots.find((s) => s.task === null);
      if (!slot && this.#slots.length < this.#size) slot = this.#spawn();
      if (!slot) return;
      const task = this.#waiting.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        void this.#replace(
          slot,
          new SkipError(
            `extraction took longer than ${this.#options.timeoutMs} ms and was stopped (GLEANER_EXTRACT_TIMEOUT_MS)`,
            { code: 'extract-timeout' },
          ),
        );
      }, this.#options.timeoutMs);
      slot.worker.postMessage(task.request);
    }
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_FILE, {
      resourceLimits: { maxOldGenerationSizeMb: this.#options.maxMemoryMb },
    });
    const slot: Slot = { worker, task: null, timer: null };
    worker.on('message', (reply: ExtractionReply) => {
      const task = slot.task;
      if (!task || task.request.id !== reply.id) return;
      this.#settle(slot);
      if (reply.ok) task.resolve(reply.facts);
      else if (reply.error.field !== null)
        task.reject(new InvalidInputError(reply.error.field, reply.error.message));
      else
        task.reject(new SkipError(`extraction failed: ${reply.error.message}`, { code: 'extract-failed' }));
      this.#dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
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
    worker.on('exit', () => {
      if (this.#slots.includes(slot))
        void this.#replace(slot, new SkipError('the extraction worker exited', { code: 'extract-crashed' }));
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    this.#slots.push(slot);
    return slot;
  }

  #settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
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
