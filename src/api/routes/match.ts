import { z } from 'zod';
import { MAX_K, MAX_QUERIES_PER_REQUEST } from '../../serve/index.js';
import { defineRoute } from '../route.js';

const text = z.string().trim().min(1).max(1000);

const matchBody = z
  .object({
    /** One text to match. */
    query: text.optional(),
    /** Many texts at once (faster than one request each). */
    queries: z.array(text).min(1).max(MAX_QUERIES_PER_REQUEST).optional(),
    /** Concepts per query. */
    k: z.number().int().min(1).max(MAX_K).default(5),
    /** The semantic index's name in the model store. */
    name: z.string().min(1).max(200).default('default'),
  })
  .strict()
  .refine((b) => (b.query === undefined) !== (b.queries === undefined), {
    message: 'give either query (one text) or queries (a list), not both',
    path: ['query'],
  });

// Also accepts the model store's notification ({kind, name, version, …}), so GLEANER_MODEL_RELOAD_URL can point here.
const reloadBody = z.looseObject({ kind: z.string().optional(), name: z.string().min(1).optional() });

export const matchRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/match',
    summary:
      'Match text to the canonical vocabulary: the top-k concepts with their best label, scores and the calibrated decision (match, suggest, no match), and the version that answered',
    tag: 'serving',
    body: matchBody,
    async handler({ gleaner, body }) {
      const response = await gleaner.matcher.match({
        queries: body.queries ?? [body.query!],
        k: body.k,
        name: body.name,
      });
      if (body.queries !== undefined) return response;
      const [only] = response.results;
      return { name: response.name, version: response.version, ...only };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/models/reload',
    summary:
      "Look at the model store again and load the semantic indexes whose latest version changed (another process promoted or rolled back); needs no key: it only loads what the store's latest points to",
    tag: 'serving',
    auth: false,
    body: reloadBody,
    async handler({ gleaner, body }) {
      const changes = await gleaner.models.refresh();
      const reloaded =
        body.kind === undefined || body.kind === 'semantic-index'
          ? await gleaner.matcher.reload(body.name)
          : [];
      return {
        // Without the folders' paths: this route needs no key.
        changes: changes.map(({ kind, name, version, previous, action }) => ({
          kind,
          name,
          version,
          previous,
          action,
        })),
        reloaded,
        loaded: gleaner.matcher.loaded(),
      };
    },
  }),
];
