import { requestTrainingJob, type Database, type TrainingJobRow, type TrainingKind } from '../store/index.js';
import type { JobQueue } from './job-queue.js';
import { QUEUES } from './queues.js';

/**
 * Ask for a training job of a kind and topic. At most one is queued or running per kind and topic:
 * a request joins the queued one, or marks the running one to run again when it ends. A new job's row
 * and its queue message commit together, so an acknowledged request is never lost.
 */
export async function requestTraining(
  db: Database,
  queue: JobQueue,
  kind: TrainingKind,
  topic: string,
  params: Record<string, unknown> = {},
): Promise<{ job: TrainingJobRow; created: boolean }> {
  const result = await db.transaction(async (tx) => {
    const requested = await requestTrainingJob(tx, kind, topic, params);
    if (requested.created) await queue.send(QUEUES.train, { trainingJobId: requested.job.id }, { tx });
    return requested;
  });
  if (result.created) queue.notify(QUEUES.train);
  return result;
}
