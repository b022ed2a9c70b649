import Fastify, { type FastifyInstance } from 'fastify';
import { InvalidInputError } from '../core/index.js';
import type { Gleaner } from '../runtime/index.js';
import { apiKeyCheck } from './auth.js';
import { errorHandler } from './error-mapping.js';
import { openApiDocument } from './openapi.js';
import type { RouteDef } from './route.js';
import { healthRoutes } from './routes/health.js';
import { miningJobRoutes } from './routes/mining-jobs.js';
import { extractRoutes } from './routes/extract.js';
import { profileRoutes } from './routes/profiles.js';
import { modelRoutes } from './routes/models.js';
import { recordRoutes } from './routes/records.js';
import { matchRoutes } from './routes/match.js';

export const API_ROUTES: readonly RouteDef[] = [
  ...healthRoutes,
  ...miningJobRoutes,
  ...extractRoutes,
  ...profileRoutes,
  ...modelRoutes,
  ...recordRoutes,
  ...matchRoutes,
];

// A mining job's JSON is small; a body past this is a mistake or an attack.
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface ApiOptions {
  /** Keys accepted; at least one (the CLI generates one when none is configured). */
  apiKeys: readonly string[];
  version: string;
}

/** The HTTP API over a running Gleaner. Call `listen` on the result, or `inject` in tests. */
export function buildApi(gleaner: Gleaner, options: ApiOptions): FastifyInstance {
  if (options.apiKeys.length === 0)
    throw new InvalidInputError('apiKeys', 'the API needs at least one API key: set GLEANER_API_KEYS');
  const app = Fastify({ bodyLimit: MAX_BODY_BYTES });
  const checkKey = apiKeyCheck(options.apiKeys);
  const document = openApiDocument(API_ROUTES, options.version);
  app.setErrorHandler(errorHandler(gleaner.logger));
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: {
        code: 'not-found',
        message: `no route ${request.method} ${request.url.split('?')[0]}; see /api/openapi.json`,
      },
    });
  });
  app.get('/api/openapi.json', async () => document);
  for (const route of API_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      handler: async (request, reply) => {
        if (route.auth !== false) checkKey(request);
        const body = route.body ? parseOr400(route.body, request.body ?? {}, 'body') : undefined;
        const query = route.query ? parseOr400(route.query, request.query ?? {}, 'query') : undefined;
        const result = await route.handler({
          gleaner,
          body,
          query,
          params: request.params as Record<string, string>,
          request,
          reply,
        });
        void reply.status(route.successStatus ?? 200);
        return result;
      },
    });
  }
  return app;
}

function parseOr400(schema: NonNullable<RouteDef['body']>, value: unknown, where: string): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length ? issue.path.join('.') : where;
  throw new InvalidInputError(field, `${field}: ${issue.message}`);
}
