import { readdirSync, readFileSync } from 'node:fs';

/**
 * Memory of a process tree from Linux's /proc: Chromium is a browser process with a zygote, a GPU or
 * network service and a renderer per site, so its footprint is the sum over the tree. PSS (proportional
 * set size, from smaps_rollup) shares each shared page among the processes mapping it, so the sum does
 * not count the binary once per process as RSS would. Returns null where /proc is not there.
 */
export function treeMemoryMb(rootPid: number, kind: 'pss' | 'rss' = 'pss'): number | null {
  const pids = processTree(rootPid);
  if (pids.length === 0) return null;
  let kb = 0;
  for (const pid of pids) kb += readKb(pid, kind) ?? 0;
  return kb / 1024;
}

/** `rootPid` and its descendants (empty when it is gone or /proc is missing). */
export function processTree(rootPid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  let rootAlive = false;
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    if (pid === rootPid) rootAlive = true;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  if (!rootAlive) return [];
  const tree: number[] = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return null;
  }
}

function readKb(pid: number, kind: 'pss' | 'rss'): number | null {
  try {
    if (kind === 'pss') {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const match = /^Pss:\s+(\d+) kB/m.exec(rollup);
      if (match) return Number(match[1]);
    }
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
