import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const GLEANER_BIN = fileURLToPath(new URL('../../bin/gleaner.js', import.meta.url));

export interface Spawned {
  child: ChildProcess;
  /** Resolves with the first JSON log line on stderr that satisfies `match`. */
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Run the built CLI (`npm test` builds first) as a separate process, as users and CI do. */
export function spawnGleaner(args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [GLEANER_BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners: ((line: Record<string, unknown>) => void)[] = [];
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        for (const l of [...listeners]) l(parsed);
      } catch {
        // not a log line (progress, messages)
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog(match, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no matching log line in ${timeoutMs} ms; stderr so far:\n${err.slice(-2000)}`)),
          timeoutMs,
        );
        const listener = (line: Record<string, unknown>) => {
          if (!match(line)) return;
          clearTimeout(timer);
          listeners.splice(listeners.indexOf(listener), 1);
          resolve(line);
        };
        listeners.push(listener);
        void exited.then((code) =>
          reject(new Error(`gleaner exited (${code}) before the log line; stderr:\n${err.slice(-2000)}`)),
        );
      });
    },
  };
}
