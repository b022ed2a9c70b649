import { z } from 'zod';

/** Queue names. Mining and bundling are light; training has its own queue so it can run on bigger machines. */
export const QUEUES = { mine: 'mine', train: 'train' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** One slice of work on a mining job: the job's state lives in the database, the message only names it. */
export const mineSlicePayload = z.object({ miningJobId: z.number().int().positive() }).strict();
export type MineSlicePayload = z.infer<typeof mineSlicePayload>;

/** One training job: its kind, topic, stage and result live in `training_jobs`; the message names it. */
export const trainPayload = z.object({ trainingJobId: z.number().int().positive() }).strict();
export type TrainPayload = z.infer<typeof trainPayload>;

export const PAYLOAD_SCHEMAS = { [QUEUES.mine]: mineSlicePayload, [QUEUES.train]: trainPayload } as const;
