// CPU seconds used so far by a process and its descendants (user + system, with what their reaped
// children used), from Linux's /proc: read before and after a crawl, the difference is the crawl's CPU,
// Chromium's processes included, without the process's start-up.
import { readFileSync } from 'node:fs';
import { processTree } from '../../src/crawl/index.js';

/** USER_HZ: clock ticks per second of /proc/<pid>/stat, 100 on every mainstream Linux kernel. */
const CLOCK_TICKS = 100;

export function treeCpuSeconds(rootPid: number = process.pid): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name: utime, stime, cutime, cstime are the 12th to 15th of them.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return ticks / CLOCK_TICKS;
}

/**
 * CPU seconds used so far by each kind of process in the tree: `node` (this process), Chromium's
 * `browser`, `renderer`, `gpu-process`, `utility:<service>` and so on (from each process's --type).
 * Processes that ended are not counted (their CPU is in the parent's cutime only).
 */
export function treeCpuByKind(rootPid: number = process.pid): Map<string, number> {
  const kinds = new Map<string, number>();
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/); // Chromium's children rewrite theirs, space-separated
      const type = args.find((a) => a.startsWith('--type='))?.slice(7);
      const sub = args
        .find((a) => a.startsWith('--utility-sub-type='))
        ?.slice(19)
        .split('.')[0];
      const kind =
        pid === rootPid
          ? 'node'
          : type === undefined
            ? /chrom/.test(args[0] ?? '')
              ? 'browser'
              : 'other'
            : sub
              ? `${type}:${sub}`
              : type;
      kinds.set(kind, (kinds.get(kind) ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // the process ended between the listing and the read
    }
  }
  return kinds;
}
