import { rename, unlink, writeFile } from 'node:fs/promises';
import { randomToken } from '../core/index.js';

/**
 * Write through a temporary file beside the target and a rename: a reader (another process loading a
 * model) sees the old file or the new one, never half of one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = `${path}.tmp-${randomToken(8)}`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
