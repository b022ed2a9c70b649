import { z } from 'zod';
import type { RouteDef } from './route.js';

/** The OpenAPI 3.1 document, written from the same route list that serves the requests. */
export function openApiDocument(routes: readonly RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.query) {
      const schema = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, s] of Object.entries(schema.properties ?? {}))
        parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s });
    }
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      parameters,
      responses: {
        [String(route.successStatus ?? 200)]: { description: 'OK' },
        '400': {
          description: 'Invalid input: `error.field` names the part at fault',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
        ...(route.auth === false ? {} : { '401': { description: 'Missing or invalid API key' } }),
      },
    };
    if (route.auth === false) operation.security = [];
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: {
          'application/json': { schema: z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }) },
        },
      };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gleaner API',
      version,
      description:
        'Mine the web into training data. Every route but health and this document needs an API key.',
    },
    components: {
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        bearer: { type: 'http', scheme: 'bearer' },
      },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                field: { type: 'string' },
              },
              required: ['code', 'message'],
            },
          },
        },
      },
    },
    security: [{ apiKey: [] }, { bearer: [] }],
    paths,
  };
}
