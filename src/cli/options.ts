import { InvalidArgumentError } from 'commander';

/** Commander's accumulator for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parseIntOption(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidArgumentError(`${flag} takes a whole number ≥ 0, got "${value}"`);
    return n;
  };
}

/** Run `fn` once on SIGINT or SIGTERM; a second signal exits at once. Returns the remover. */
export function onShutdown(fn: () => void): () => void {
  let signalled = false;
  const handler = () => {
    if (signalled) process.exit(130);
    signalled = true;
    process.stderr.write('\nstopping (again to force)…\n');
    fn();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
