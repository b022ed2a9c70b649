export {
  JobQueue,
  RETRY_LIMIT,
  type JobQueueEvents,
  type QueueHandler,
  type QueueSettings,
} from './job-queue.js';
export { QUEUES, mineSlicePayload, type QueueName, type MineSlicePayload } from './queues.js';
