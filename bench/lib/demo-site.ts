// The demo site in a child process of its own: every crawler meets the same server, and the server's CPU
// is neither charged to a crawler nor competing inside its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ServerStats } from './request-log.js';

export interface DemoSiteProcess {
  url: string;
  reachablePages: number;
  /** CPU seconds the server has used so far (from /proc), to show it was not the bottleneck. */
  cpuSeconds(): number;
  /** What the server saw since the previous call. */
  takeStats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Linux clock ticks per second; USER_HZ is 100 on every mainstream kernel. */
const CLOCK_TICKS = 100;

export async function startDemoSiteProcess(cwd: string): Promise<DemoSiteProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/demo-site-server.ts'], {
    cwd,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // The server answers one line per question, in order: a queue of waiting readers is enough.
  const waiting: ((line: string) => void)[] = [];
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(line));
  const first = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`demo site server exited ${String(code)} before listening`)),
    );
    void nextLine().then(resolve);
  });
  const { url, reachablePages } = JSON.parse(first) as { url: string; reachablePages: number };
  return {
    url,
    reachablePages,
    cpuSeconds: () => processCpuSeconds(child),
    takeStats: async () => {
      const answer = nextLine();
      child.stdin!.write('stats\n');
      return JSON.parse(await answer) as ServerStats;
    },
    stop: () => stopChild(child),
  };
}

function processCpuSeconds(child: ChildProcess): number {
  // /proc/<pid>/stat: the command name is in parentheses and may hold spaces, so split after it.
  const stat = readFileSync(`/proc/${child.pid!}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are 12 and 13 once pid and comm are cut off.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
