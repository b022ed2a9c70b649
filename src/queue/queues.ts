import { z } from 'zod';

/** Queue names. Mining and bundling are light; training has its own queue so it can run on bigger machines. */
export const QUEUES = { mine: 'mine' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** One slice of work on a mining job: the job's state lives in the database, the message only names it. */
export const mineSlicePayload = z.object({ miningJobId: z.number().int().positive() }).strict();
export type MineSlicePayload = z.infer<typeof mineSlicePayload>;

export const PAYLOAD_SCHEMAS = { [QUEUES.mine]: mineSlicePayload } as const;
