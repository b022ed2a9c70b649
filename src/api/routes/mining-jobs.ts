import { z } from 'zod';
import { InvalidInputError } from '../../core/index.js';
import {
  backlinks,
  getPage,
  listPageProfiles,
  listPages,
  listProfileResults,
  profileSummary,
} from '../../store/index.js';
import { defineRoute } from '../route.js';
import { miningJobInput } from '../../mining/index.js';

const page = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

function idParam(params: Record<string, string>): number {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0)
    throw new InvalidInputError('id', `id: "${params.id}" is not a job id (a positive integer)`);
  return id;
}

export const miningJobRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/mining-jobs',
    summary: 'Queue a mining job',
    tag: 'mining',
    body: miningJobInput,
    successStatus: 201,
    async handler({ gleaner, request }) {
      // The raw body, not the parsed one: the service validates in full and names the field at fault.
      return gleaner.mining.submit(request.body, {
        allowPrivateAddresses: gleaner.config.allowPrivateAddresses,
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/mining-jobs',
    summary: 'List mining jobs, newest first',
    tag: 'mining',
    query: z.object({
      status: z.enum(['queued', 'running', 'completed', 'failed', 'cancelled']).optional(),
      topic: z.string().optional(),
      ...page,
    }),
    async handler({ gleaner, query }) {
      return { items: await gleaner.mining.list(query) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/mining-jobs/:id',
    summary: 'A mining job: status, progress, counts and errors',
    tag: 'mining',
    async handler({ gleaner, params }) {
      return gleaner.mining.report(idParam(params));
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/mining-jobs/:id/cancel',
    summary: 'Cancel a queued or running mining job',
    tag: 'mining',
    async handler({ gleaner, params }) {
      return gleaner.mining.cancel(idParam(params));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/mining-jobs/:id/pages',
    summary: 'Pages of a job (errors=true: only the bad ones, with their reasons)',
    tag: 'mining',
    query: z.object({
      errors: z
        .enum(['true', 'false'])
        .default('false')
        .transform((v) => v === 'true'),
      ...page,
    }),
    async handler({ gleaner, params, query }) {
      const jobId = idParam(params);
      await gleaner.mining.get(jobId);
      return {
        items: await listPages(gleaner.db, {
          jobId,
          errorsOnly: query.errors,
          limit: query.limit,
          offset: query.offset,
        }),
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/mining-jobs/:id/backlinks',
    summary: 'Pages of a job that link to a URL',
    tag: 'mining',
    query: z.object({ url: z.string().url(), limit: page.limit }),
    async handler({ gleaner, params, query }) {
      return { items: await backlinks(gleaner.db, idParam(params), query.url, query.limit) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/mining-jobs/:id/profiles',
    summary:
      "A job's profiles: per profile the pages, failures and mean quality; with profile=NAME that profile's results page by page",
    tag: 'mining',
    query: z.object({
      profile: z.string().min(1).optional(),
      minQuality: z.coerce.number().int().min(0).max(100).optional(),
      ...page,
    }),
    async handler({ gleaner, params, query }) {
      const jobId = idParam(params);
      const job = await gleaner.mining.get(jobId);
      const summary = await profileSummary(gleaner.db, jobId);
      if (query.profile === undefined) return { summary };
      if (!job.spec.profiles.includes(query.profile) && !job.spec.profiles.includes('all'))
        throw new InvalidInputError(
          'profile',
          `profile: job ${jobId} did not ask for "${query.profile}"; it asked for ${job.spec.profiles.join(', ') || 'no profiles'}`,
        );
      const items = await listProfileResults(gleaner.db, {
        jobId,
        profile: query.profile,
        limit: query.limit,
        offset: query.offset,
        ...(query.minQuality === undefined ? {} : { minQuality: query.minQuality }),
      });
      return { summary, items };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/pages/:id',
    summary: 'One stored page with its extraction and its profiles',
    tag: 'mining',
    async handler({ gleaner, params }) {
      const found = await getPage(gleaner.db, idParam(params));
      if (!found)
        throw new InvalidInputError('id', `page ${params.id} does not exist`, { code: 'not-found' });
      return { ...found, profiles: await listPageProfiles(gleaner.db, found.id) };
    },
  }),
];
