/**
 * Error classes that carry their policy. Callers dispatch on `policy`, never on message text:
 * - `retry`: a passing fault (timeout, 429, 503, connection reset); try again with backoff.
 * - `skip`: this item is bad (404, binary body, page too large); record the reason and go on.
 * - `fatal`: the process cannot go on (database gone, migration edited); stop and say why.
 * - `invalid-input`: the caller sent something wrong; answer 400 with the field at fault.
 */
export type ErrorPolicy = 'retry' | 'skip' | 'fatal' | 'invalid-input';

export interface GleanerErrorOptions {
  cause?: unknown;
  /** A short machine-readable code, for example `too-large` or `robots-disallowed`. */
  code?: string;
}

export abstract class GleanerError extends Error {
  abstract readonly policy: ErrorPolicy;
  readonly code: string;

  constructor(message: string, options: GleanerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'error';
  }
}

/** A passing fault: the same request may succeed later. */
export class RetryableError extends GleanerError {
  readonly policy = 'retry' as const;
  /** How long the source asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: GleanerErrorOptions & { retryAfterMs?: number } = {}) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** This item cannot be processed; record why and go on with the rest. */
export class SkipError extends GleanerError {
  readonly policy = 'skip' as const;
}

/** Nothing more can be done in this process until an operator acts. */
export class FatalError extends GleanerError {
  readonly policy = 'fatal' as const;
}

/** The caller sent something wrong: `field` names the part at fault, the message says how to fix it. */
export class InvalidInputError extends GleanerError {
  readonly policy = 'invalid-input' as const;
  readonly field: string;

  constructor(field: string, message: string, options: GleanerErrorOptions = {}) {
    super(message, { code: 'invalid-input', ...options });
    this.field = field;
  }
}

/** A lookup by id found nothing. */
export class NotFoundError extends GleanerError {
  readonly policy = 'invalid-input' as const;

  constructor(what: string, id: string | number) {
    super(`${what} ${id} does not exist`, { code: 'not-found' });
  }
}

/** The policy of any thrown value: our own classes say theirs; anything else is unknown, treated as retry. */
export function policyOf(error: unknown): ErrorPolicy {
  return error instanceof GleanerError ? error.policy : 'retry';
}

/** A one-line description of any thrown value, for logs and stored error fields. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
