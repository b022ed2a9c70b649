import { SkipError } from '../core/index.js';
import { evaluateExpression, type LivePage } from '../crawl/index.js';
import type { GatherContext } from './profile.js';

/**
 * Runs `fn(arg)` in the page's main frame and resolves with its (JSON) result, or rejects when the page's
 * gathering time (`live.signal`) runs out.
 *
 * `fn` travels as source text, so it must be self-contained: no imports, no module constants (pass them in
 * `arg`), helpers declared inside it. The text is wrapped with a `__name` no-op because esbuild-based
 * runners (tsx, vitest) may decorate nested functions with a `__name(fn, "name")` helper that exists
 * only in Node; without it such a function throws `__name is not defined` in the page.
 */
export function runInPage<A, R>(live: LivePage, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return untilAborted(live.signal, evaluateExpression(live.cdp, callSource(fn, arg)) as Promise<R>);
}

/** `fn(arg)` as one expression to evaluate in a page (see `runInPage` for the `__name` shim). */
function callSource<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/**
 * `runInPage` in the isolated world `world` of the main frame (created empty when no page script made
 * it): the page's scripts cannot see or change what runs there, and a library a profile registered as a
 * page script (`Profile.pageScripts`) is already there.
 */
export function runInWorld<A, R>(
  live: LivePage,
  world: string,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  return evaluateInWorld(live, world, callSource(fn, arg)) as Promise<R>;
}

/** Evaluate `expression` (awaited when a promise) in the isolated world `world` and return its JSON value. */
export async function evaluateInWorld(live: LivePage, world: string, expression: string): Promise<unknown> {
  const work = worldContext(live, world).then((contextId) =>
    evaluateExpression(live.cdp, expression, contextId),
  );
  return untilAborted(live.signal, work);
}

// The execution context of each world of a live page, looked up once per visit (a LivePage is one load).
const worldContexts = new WeakMap<LivePage, Map<string, Promise<number>>>();

/** The world of that name in the main frame's document: the one a page script ran in, if any. */
function worldContext(live: LivePage, world: string): Promise<number> {
  let contexts = worldContexts.get(live);
  if (!contexts) worldContexts.set(live, (contexts = new Map()));
  let context = contexts.get(world);
  if (!context) {
    context = (async () => {
      const { frameTree } = await live.cdp.send('Page.getFrameTree');
      const { executionContextId } = await live.cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: world,
      });
      return executionContextId;
    })();
    context.catch(() => contexts.delete(world));
    contexts.set(world, context);
  }
  return context;
}

/**
 * `work`, or a `profile-timeout` SkipError as soon as `signal` aborts. The work itself is not cancelled
 * (a CDP call in flight cannot be): the caller stops waiting and the tab is reset after the visit anyway.
 */
export function untilAborted<T>(signal: AbortSignal, work: Promise<T>): Promise<T> {
  if (signal.aborted) {
    // The abandoned work may still reject; that is not ours to report.
    work.catch(() => undefined);
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const unsubscribe = onAbort(signal, () => reject(abortError(signal)));
    work.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

// The gathers of one page wait on its signal many times at once (every profile, every CDP call). One
// listener per signal fans out to them: a listener each would pass Node's limit of 10 and warn.
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = waiting.get(signal);
  if (!callbacks) {
    const created = new Set<() => void>();
    signal.addEventListener('abort', () => [...created].forEach((fn) => fn()), { once: true });
    waiting.set(signal, created);
    callbacks = created;
  }
  callbacks.add(callback);
  const set = callbacks;
  return () => set.delete(callback);
}

function abortError(signal: AbortSignal): SkipError {
  return new SkipError('profile gathering stopped: the page ran out of time', {
    code: 'profile-timeout',
    cause: signal.reason,
  });
}

/** Elements in the page's DOM: the profiles that read whole-page CDP snapshots check it first. */
export function elementCount(live: LivePage): Promise<number> {
  return untilAborted(
    live.signal,
    evaluateExpression(live.cdp, 'document.getElementsByTagName("*").length') as Promise<number>,
  );
}

/** The live page of a browser-only profile; a `needs-browser` SkipError when the page was fetched over HTTP. */
export function requireLive(context: GatherContext, profile: string): LivePage {
  if (context.live) return context.live;
  throw new SkipError(`the ${profile} profile needs a rendered page: mine with --render browser (or auto)`, {
    code: 'needs-browser',
  });
}
