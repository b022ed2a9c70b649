import { defineRoute } from '../route.js';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and the database in use; needs no API key',
    tag: 'system',
    auth: false,
    async handler({ gleaner }) {
      await gleaner.db.query('SELECT 1');
      return { status: 'ok', database: gleaner.db.kind, vectorSupport: gleaner.db.vectorSupport };
    },
  }),
];
