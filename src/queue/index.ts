export {
  JobQueue,
  RETRY_LIMIT,
  type JobQueueEvents,
  type QueueHandler,
  type QueueSettings,
} from './job-queue.js';
export {
  QUEUES,
  mineSlicePayload,
  trainPayload,
  type QueueName,
  type MineSlicePayload,
  type TrainPayload,
} from './queues.js';
export { requestTraining } from './training-requests.js';
