import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import {
  createLogger,
  randomToken,
  resolveConfig,
  type GleanerConfig,
  type GleanerConfigOptions,
  type Logger,
} from '../core/index.js';

/** Options every command takes; they override the environment. */
export interface GlobalOptions {
  dataDir?: string;
  databaseUrl?: string;
  logLevel?: string;
  json?: boolean;
}

export interface CliContext {
  config: GleanerConfig;
  /** Logs go to stderr, so stdout carries only results (and `--json` stays parseable). */
  logger: Logger;
  json: boolean;
  /** Print a human line to stdout (suppressed in `--json` mode). */
  say(line: string): void;
  /** Print the JSON result as the last line of stdout. */
  result(value: unknown): void;
}

/** `server` commands log at info by default; one-shot commands only warn, so their output stays readable. */
export function createContext(
  global: GlobalOptions,
  extra: GleanerConfigOptions = {},
  kind: 'server' | 'command' = 'command',
): CliContext {
  const config = resolveConfig({
    options: {
      dataDir: global.dataDir,
      databaseUrl: global.databaseUrl,
      logLevel: global.logLevel as GleanerConfigOptions['logLevel'],
      ...extra,
    },
    defaults: { logLevel: kind === 'server' ? 'info' : 'warn' },
  });
  const json = global.json ?? false;
  return {
    config,
    logger: createLogger({ level: config.logLevel, destination: process.stderr }),
    json,
    say: (line) => {
      if (!json) process.stdout.write(`${line}\n`);
    },
    result: (value) => {
      if (json) process.stdout.write(`${JSON.stringify(value)}\n`);
    },
  };
}

/**
 * The API keys to serve with: the configured ones, or a key generated once and kept in the data folder
 * (mode 600), so a local user gets a working key without configuring one.
 */
export function apiKeysFor(config: GleanerConfig): { keys: string[]; generated: string | null } {
  if (config.apiKeys.length > 0) return { keys: [...config.apiKeys], generated: null };
  const dir = resolve(config.dataDir);
  const file = join(dir, 'api-key');
  if (existsSync(file)) {
    const key = readFileSync(file, 'utf8').trim();
    if (key) return { keys: [key], generated: key };
  }
  mkdirSync(dir, { recursive: true });
  const key = `glk_${randomToken(24)}`;
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { keys: [key], generated: key };
}

export function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}
