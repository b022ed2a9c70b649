import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { GleanerError } from '../core/index.js';

class UnauthorizedError extends GleanerError {
  readonly policy = 'invalid-input' as const;
  constructor(message: string) {
    super(message, { code: 'unauthorized' });
  }
}

const digest = (key: string) => createHash('sha256').update(key).digest();

/**
 * API keys from the `x-api-key` header or `Authorization: Bearer <key>`. Compared as digests in constant
 * time, so response timing tells nothing about a key's prefix.
 */
export function apiKeyCheck(keys: readonly string[]): (request: FastifyRequest) => void {
  const digests = keys.map(digest);
  return (request) => {
    const header = request.headers['x-api-key'];
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const given = (Array.isArray(header) ? header[0] : header) ?? bearer;
    if (!given)
      throw new UnauthorizedError(
        'missing API key: send it in the x-api-key header (or Authorization: Bearer <key>)',
      );
    const d = digest(given);
    if (!digests.some((k) => timingSafeEqual(k, d))) throw new UnauthorizedError('invalid API key');
  };
}
