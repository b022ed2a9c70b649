import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of a text or bytes, hex. Used for page content hashes and dataset manifests. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A random URL-safe token, for API keys and worker ids. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
