import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InvalidInputError } from '../core/index.js';

/** A file of an evaluation folder, or an error that says which file the layout needs. */
export function requireFile(folder: string, relative: string, family: string): string {
  const path = join(folder, relative);
  if (!existsSync(path)) {
    throw new InvalidInputError(
      'folder',
      `${path} is missing: an evaluation folder for ${family} has the layout of ../shared/fixtures/${family} (see its README)`,
    );
  }
  return path;
}

export async function readJson<T>(path: string): Promise<T> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    throw new InvalidInputError('folder', `${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** JSON Lines: one object a line; a bad line is an error naming its number. */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const rows: T[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line) as T);
    } catch (error) {
      throw new InvalidInputError(
        'folder',
        `${path} line ${i + 1} is not valid JSON: ${(error as Error).message}`,
      );
    }
  });
  return rows;
}

/** An HTML file, gunzipped when it ends in `.gz`, decoded as UTF-8. */
export async function readHtml(path: string): Promise<string> {
  const bytes = await readFile(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}
