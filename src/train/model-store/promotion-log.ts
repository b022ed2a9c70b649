import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PromotionLogEntry } from './types.js';

/**
 * `<model>/promotions.jsonl`: every change of `latest`, appended under the model's lock. Rollback reads
 * it to find the version promoted before the current one; listings read when each version was promoted.
 */
export const PROMOTION_LOG = 'promotions.jsonl';

export async function readPromotionLog(modelDir: string): Promise<PromotionLogEntry[]> {
  let text: string;
  try {
    text = await readFile(join(modelDir, PROMOTION_LOG), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: PromotionLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as PromotionLogEntry;
      if ((entry.action === 'promote' || entry.action === 'rollback') && typeof entry.version === 'string')
        entries.push(entry);
    } catch {
      // A line cut short by a crash mid-append: the change it recorded did not complete.
    }
  }
  return entries;
}

export async function appendPromotionLog(modelDir: string, entry: PromotionLogEntry): Promise<void> {
  await appendFile(join(modelDir, PROMOTION_LOG), `${JSON.stringify(entry)}\n`);
}

/**
 * The promoted versions, oldest first, as rollback sees them: a promotion pushes, a rollback pops. The
 * last one is the current latest; the one before it is where a rollback goes.
 */
export function promotionStack(entries: readonly PromotionLogEntry[]): string[] {
  const stack: string[] = [];
  for (const entry of entries) {
    if (entry.action === 'rollback') stack.pop();
    if (stack.at(-1) !== entry.version) stack.push(entry.version);
  }
  return stack;
}

/** When each version last became latest. */
export function promotionTimes(entries: readonly PromotionLogEntry[]): Map<string, Date> {
  const times = new Map<string, Date>();
  for (const entry of entries) times.set(entry.version, new Date(entry.at));
  return times;
}
