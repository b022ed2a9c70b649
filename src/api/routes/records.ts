import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../core/index.js';
import { resolveTopicRules, topicRulesFromConfig, validateTopicRulesPatch } from '../../datasets/index.js';
import {
  getTopicSettings,
  getTrainingJob,
  getTrainingRecord,
  listTopics,
  listTrainingJobs,
  listTrainingRecords,
  trainingRecordCounts,
  updateTopicSettings,
} from '../../store/index.js';
import { defineRoute } from '../route.js';

const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};
const booleanText = z.enum(['true', 'false']).transform((v) => v === 'true');

function positiveId(value: string | undefined, what: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0)
    throw new InvalidInputError('id', `id: "${value}" is not a ${what} id (a positive integer)`);
  return id;
}

export const recordRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/records',
    summary: 'Training records, filtered by topic, job, needs_training_data, quality or predicted values',
    tag: 'records',
    query: z
      .object({
        topic: z.string().min(1).optional(),
        profile: z.string().min(1).optional(),
        jobId: z.coerce.number().int().positive().optional(),
        needsTrainingData: booleanText.optional(),
        minQuality: z.coerce.number().int().min(0).max(100).optional(),
        maxQuality: z.coerce.number().int().min(0).max(100).optional(),
        predicted: booleanText.optional(),
        ...page,
      })
      .strict(),
    async handler({ gleaner, query }) {
      return { items: await listTrainingRecords(gleaner.db, query) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/records/:id',
    summary:
      'One training record: attributes with confidence, source and whether predicted; quality; missing fields',
    tag: 'records',
    async handler({ gleaner, params }) {
      const id = positiveId(params.id, 'record');
      const found = await getTrainingRecord(gleaner.db, id);
      if (!found) throw new NotFoundError('record', id);
      return found;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/records/:id/similar',
    summary:
      'The products nearest to a record (cosine over name, brand, category and description embeddings)',
    tag: 'records',
    query: z
      .object({
        k: z.coerce.number().int().min(1).max(100).default(10),
        anyTopic: booleanText.default(false),
      })
      .strict(),
    async handler({ gleaner, params, query }) {
      const id = positiveId(params.id, 'record');
      return { items: await gleaner.topicModels.similar(id, { k: query.k, anyTopic: query.anyTopic }) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/topics',
    summary: 'Topics that have training records, with their counts',
    tag: 'records',
    async handler({ gleaner }) {
      return { items: await listTopics(gleaner.db) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/topics/:topic',
    summary: "A topic: its rules, record counts, recent training jobs and its model's metrics",
    tag: 'records',
    async handler({ gleaner, params }) {
      const topic = params.topic!;
      const [settings, counts, jobs] = await Promise.all([
        getTopicSettings(gleaner.db, topic),
        trainingRecordCounts(gleaner.db, { topic }),
        listTrainingJobs(gleaner.db, { kind: 'attribute-model', topic, limit: 5, offset: 0 }),
      ]);
      return {
        topic,
        rules: resolveTopicRules(settings, topicRulesFromConfig(gleaner.config)),
        records: counts,
        trainingJobs: jobs,
        model: await gleaner.topicModels.describe(topic),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/topics/:topic/settings',
    summary:
      "Set a topic's required fields, confidence bar, model floor or auto-training (null: back to the default)",
    tag: 'records',
    body: z
      .object({
        requiredFields: z.array(z.string().min(1)).max(64).nullable().optional(),
        minConfidence: z.number().min(0).max(1).nullable().optional(),
        modelFloor: z.number().min(0).max(1).nullable().optional(),
        autoTrain: z.boolean().nullable().optional(),
      })
      .strict(),
    async handler({ gleaner, params, body }) {
      const stored = await updateTopicSettings(gleaner.db, params.topic!, validateTopicRulesPatch(body));
      return {
        topic: stored.topic,
        stored,
        rules: resolveTopicRules(stored, topicRulesFromConfig(gleaner.config)),
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/topics/:topic/train',
    summary: "Queue the training of a topic's attribute model (joins a queued one; one runs at a time)",
    tag: 'records',
    successStatus: 202,
    async handler({ gleaner, params }) {
      return gleaner.topicModels.request(params.topic!, 'requested through the API');
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/training-jobs',
    summary: 'Training jobs, newest first',
    tag: 'records',
    query: z
      .object({
        kind: z.enum(['semantic-index', 'attribute-model', 'image-classifier']).optional(),
        topic: z.string().min(1).optional(),
        ...page,
      })
      .strict(),
    async handler({ gleaner, query }) {
      return { items: await listTrainingJobs(gleaner.db, query) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/training-jobs/:id',
    summary: 'One training job: status, stage, progress, log, metrics and the version it made',
    tag: 'records',
    async handler({ gleaner, params }) {
      const id = positiveId(params.id, 'training job');
      const found = await getTrainingJob(gleaner.db, id);
      if (!found) throw new NotFoundError('training job', id);
      return found;
    },
  }),
];
