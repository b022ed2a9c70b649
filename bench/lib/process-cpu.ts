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
