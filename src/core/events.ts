import { EventEmitter } from 'node:events';

/**
 * A typed event emitter. Background loops report through it instead of throwing into the void:
 * every entry point subscribes to `error` (Node throws on an `error` event nobody listens to).
 */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown[] }> {
  readonly #emitter = new EventEmitter();

  on<K extends keyof Events & string>(event: K, listener: (...args: Events[K]) => void): () => void {
    this.#emitter.on(event, listener as (...args: unknown[]) => void);
    return () => this.#emitter.off(event, listener as (...args: unknown[]) => void);
  }

  once<K extends keyof Events & string>(event: K): Promise<Events[K]> {
    return EventEmitter.once(this.#emitter, event) as Promise<Events[K]>;
  }

  emit<K extends keyof Events & string>(event: K, ...args: Events[K]): void {
    this.#emitter.emit(event, ...args);
  }

  listenerCount(event: keyof Events & string): number {
    return this.#emitter.listenerCount(event);
  }
}

/** Progress of a long stage, as shown by progress bars and stored on jobs. */
export interface ProgressEvent {
  /** What is being measured, for example `pages`. */
  stage: string;
  done: number;
  /** Unknown while a crawl is still discovering pages. */
  total: number | null;
  message?: string;
}
