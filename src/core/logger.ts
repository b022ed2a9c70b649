import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Keys whose values never reach a log line: API keys, passwords inside connection strings, cookies.
 * pino's redaction is path-based, so the common nestings are listed.
 */
const REDACTED_PATHS = [
  'apiKey',
  'apiKeys',
  'password',
  'databaseUrl',
  'authorization',
  'cookie',
  '*.apiKey',
  '*.apiKeys',
  '*.password',
  '*.databaseUrl',
  '*.authorization',
  '*.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
];

export interface LoggerOptions {
  level: string;
  /** Write to this stream instead of stdout (tests, or stderr for `--json` CLI output). */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: null },
    options.destination ?? process.stdout,
  );
}

/** Hide the password in a connection string before it is printed. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '[unparseable url]';
  }
}
