/**
 * Abort listeners per caller signal. A job hands one signal to all its fetches; a listener each would
 * pile up on it (Node warns past 10) and AbortSignal.any() leaks on long-lived signals in Node 20
 * (nodejs/node#54614). So each signal gets one listener, fanning out to the fetches in flight.
 */
const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let set = subscribers.get(signal);
  if (set === undefined) {
    const created = new Set<() => void>();
    signal.addEventListener(
      'abort',
      () => {
        for (const subscriber of [...created]) subscriber();
      },
      { once: true },
    );
    subscribers.set(signal, created);
    set = created;
  }
  set.add(callback);
  return () => set.delete(callback);
}

/**
 * One signal for a whole fetch that aborts when the caller aborts or when the time is up, and remembers
 * which of the two it was: a timeout is a passing fault to retry, a caller's abort is not ours to
 * reinterpret.
 */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal;
  readonly #timer: NodeJS.Timeout;
  readonly #unsubscribe: () => void;
  #timedOut = false;

  constructor(caller: AbortSignal, timeoutMs: number) {
    this.#caller = caller;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const abort = (): void => this.#controller.abort(caller.reason);
    this.#unsubscribe = onAbort(caller, abort);
    if (caller.aborted) abort();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#timedOut && !this.#caller.aborted;
  }

  get callerAborted(): boolean {
    return this.#caller.aborted;
  }

  /** Must run when the fetch ends, or the timer and the subscription outlive it. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#unsubscribe();
  }
}
