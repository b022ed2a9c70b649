import type { Command } from 'commander';
import { InvalidInputError } from '../core/index.js';
import { startGleaner, type Gleaner } from '../runtime/index.js';
import { createContext, type CliContext, type GlobalOptions } from './context.js';

/** Run a one-shot command against the database (no workers), closing it whatever happens. */
export async function withGleaner(
  command: Command,
  fn: (gleaner: Gleaner, ctx: CliContext) => Promise<void>,
): Promise<void> {
  const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
  const gleaner = await startGleaner({ config: ctx.config, logger: ctx.logger, workers: 0 });
  try {
    await fn(gleaner, ctx);
  } finally {
    await gleaner.close();
  }
}

/** A positive integer id from the command line, or an error naming what was expected. */
export function parseId(value: string, what: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new InvalidInputError('id', `"${value}" is not a ${what} id (a positive integer)`);
  return id;
}
