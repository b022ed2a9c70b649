import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { FatalError, randomToken } from '../../core/index.js';

export interface LockOptions {
  /** Give up waiting after this long. @default 15_000 */
  timeoutMs?: number;
  /** A lock held this long by a process on another host is taken as abandoned. @default 120_000 */
  staleMs?: number;
}

interface Holder {
  pid: number;
  host: string;
  at: number;
  token: string;
}

/**
 * Run `fn` while holding the lock file `path`, across processes: the file is created with O_EXCL, so
 * exactly one process holds it; the others wait. A lock left by a dead process (same host, pid gone) or
 * an old one from another host is taken over. Promotions and rollbacks of one model run under it, so two
 * processes promoting at once are ordered, and the second one's gate compares with the first's result.
 */
export async function withLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const holder = await acquire(path, options.timeoutMs ?? 15_000, options.staleMs ?? 120_000);
  try {
    return await fn();
  } finally {
    await release(path, holder);
  }
}

async function acquire(path: string, timeoutMs: number, staleMs: number): Promise<Holder> {
  const me: Holder = { pid: process.pid, host: hostname(), at: Date.now(), token: randomToken(12) };
  const until = Date.now() + timeoutMs;
  let delayMs = 5;
  for (;;) {
    try {
      const file = await open(path, 'wx');
      try {
        await file.writeFile(JSON.stringify(me));
      } finally {
        await file.close();
      }
      return me;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await readFile(path, 'utf8').catch(() => null);
    if (seen !== null && isAbandoned(parse(seen), staleMs)) await takeOver(path, seen);
    else if (Date.now() > until) {
      const holder = seen === null ? null : parse(seen);
      throw new FatalError(
        `the model store lock ${path} is held${holder ? ` by process ${holder.pid} on ${holder.host}` : ''} for longer than ${timeoutMs} ms. ` +
          'Another promotion or rollback is running; try again, or remove the file if that process is gone.',
        { code: 'lock-timeout' },
      );
    } else {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(100, delayMs * 2);
    }
  }
}

/**
 * Remove an abandoned lock, but only the one we judged: two processes may judge the same stale file,
 * and the slower one must not remove the fresh lock the faster one made meanwhile. The file is moved
 * aside (atomic), checked, and put back when it turns out to be someone's fresh lock.
 */
async function takeOver(path: string, seen: string): Promise<void> {
  const aside = `${path}.stale-${randomToken(8)}`;
  try {
    await rename(path, aside);
  } catch {
    return; // gone already: someone else took it over
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== seen) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function release(path: string, me: Holder): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current !== null && parse(current)?.token === me.token) await unlink(path).catch(() => undefined);
}

function parse(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.at === 'number')
      return { pid: value.pid, host: value.host, at: value.at, token: String(value.token ?? '') };
  } catch {
    // a half-written lock: its writer is between open and write, so it is alive
  }
  return null;
}

function isAbandoned(holder: Holder | null, staleMs: number): boolean {
  if (holder === null) return false;
  if (holder.host === hostname()) return !isAlive(holder.pid);
  return Date.now() - holder.at > staleMs;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
