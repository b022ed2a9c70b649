import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../core/index.js';
import { MODEL_KINDS, type ModelKind } from '../../train/model-store/index.js';
import { defineRoute } from '../route.js';

const kind = z.enum(MODEL_KINDS);

function kindParam(params: Record<string, string>): ModelKind {
  const parsed = kind.safeParse(params.kind);
  if (!parsed.success)
    throw new InvalidInputError(
      'kind',
      `"${params.kind}" is not a model kind; the kinds are ${MODEL_KINDS.join(', ')}`,
    );
  return parsed.data;
}

export const modelRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/models',
    summary: 'Model versions by kind and name, newest first, with their metrics and which one is latest',
    tag: 'models',
    query: z.object({ kind: kind.optional(), name: z.string().min(1).optional() }),
    async handler({ gleaner, query }) {
      return { items: await gleaner.models.list(query) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/models/:kind/:name',
    summary: 'One model: its latest version, every version, and the history of promotions and rollbacks',
    tag: 'models',
    async handler({ gleaner, params }) {
      const modelKind = kindParam(params);
      const name = params.name ?? '';
      const versions = await gleaner.models.list({ kind: modelKind, name });
      if (versions.length === 0) throw new NotFoundError('model', `${modelKind}/${name}`);
      // Without the store's folder (an API process in distributed mode) there is no history to read.
      const history = await gleaner.models.history(modelKind, name).catch(() => []);
      return {
        kind: modelKind,
        name,
        latest: versions.find((v) => v.isLatest) ?? null,
        versions,
        history,
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/models/:kind/:name/rollback',
    summary: 'Point latest back to the version promoted before it; serving reloads',
    tag: 'models',
    async handler({ gleaner, params }) {
      return gleaner.models.rollback(kindParam(params), params.name ?? '');
    },
  }),
];
