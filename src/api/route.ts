import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Gleaner } from '../runtime/index.js';

/**
 * One API route as data: the same list registers the handlers and writes the OpenAPI document, so the
 * published contract cannot drift from the code.
 */
export interface RouteDef<B extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Fastify path syntax, e.g. `/api/mining-jobs/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** Routes without a key: health and the OpenAPI document. @default true */
  auth?: boolean;
  body?: B;
  query?: Q;
  successStatus?: number;
  handler(ctx: RouteContext<z.output<B>, z.output<Q>>): Promise<unknown>;
}

export interface RouteContext<B, Q> {
  gleaner: Gleaner;
  body: B;
  query: Q;
  params: Record<string, string>;
  request: FastifyRequest;
  reply: FastifyReply;
}

export function defineRoute<B extends z.ZodType, Q extends z.ZodType>(route: RouteDef<B, Q>): RouteDef {
  return route as unknown as RouteDef;
}
