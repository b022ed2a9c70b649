import { readlink, rename, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FatalError, randomToken } from '../../core/index.js';
import { isVersionName } from './version-name.js';

export const LATEST = 'latest';

/** The version `<modelDir>/latest` points to, or null when there is no link. */
export async function readLatest(modelDir: string): Promise<string | null> {
  let target: string;
  try {
    target = await readlink(join(modelDir, LATEST));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EINVAL')
      throw new FatalError(
        `${join(modelDir, LATEST)} is not a symbolic link; move it away and promote a version again`,
        { code: 'bad-latest' },
      );
    throw error;
  }
  if (!isVersionName(target))
    throw new FatalError(
      `${join(modelDir, LATEST)} points to "${target}", which is not a version folder of this model; promote a version to repair it`,
      { code: 'bad-latest' },
    );
  return target;
}

/**
 * Point `latest` at a version folder. The new link is made beside the old one and renamed over it:
 * rename(2) replaces atomically, so a reader sees the old version or the new one, never no link. The
 * target is relative, so the store folder can be moved or mounted elsewhere.
 */
export async function pointLatest(modelDir: string, version: string): Promise<void> {
  const temporary = join(modelDir, `.${LATEST}-${randomToken(8)}`);
  await symlink(version, temporary);
  try {
    await rename(temporary, join(modelDir, LATEST));
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
