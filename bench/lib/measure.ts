// Runs one benchmark child under GNU time, which reports its exact peak RSS (ru_maxrss from wait4) and
// CPU time without our polling /proc. Every crawler here is a single process (checked with pstree), so
// the peak of that one process is the figure.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  /** The last JSON line the child printed on stdout: its own result. */
  result: Record<string, unknown>;
  /** Wall time of the whole process, start-up and shut-down included. */
  wallSeconds: number;
  peakRssMb: number;
  cpuSeconds: number;
}

/** Fails early, with the fix, when /usr/bin/time is missing or is not GNU time (no -f). */
export function checkGnuTime(): void {
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0 || !/^\d+\s*$/.test(probe.stderr)) {
    throw new Error(`${GNU_TIME} (GNU time) is needed for peak RSS: apt-get install time`);
  }
}

export async function measure(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-bench-time-'));
  const timeFile = join(dir, 'time');
  try {
    // -o keeps time's figures apart from the child's own stderr. %M is in KiB.
    const child = spawn(GNU_TIME, ['-o', timeFile, '-f', '%e %M %U %S', command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const line = stdout.trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !line.startsWith('{')) {
      throw new Error(`${command} ${args.join(' ')} exited ${String(code)}\n${stderr.slice(-4000)}`);
    }
    const [wall, rssKb, user, sys] = readFileSync(timeFile, 'utf8')
      .trim()
      .split('\n')
      .at(-1)!
      .split(' ')
      .map(Number);
    return {
      result: JSON.parse(line) as Record<string, unknown>,
      wallSeconds: wall!,
      peakRssMb: rssKb! / 1024,
      cpuSeconds: user! + sys!,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
